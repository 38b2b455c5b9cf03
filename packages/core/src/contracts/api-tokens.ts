import { z } from 'zod';
import { API_TOKEN_SCOPES } from '../identity/api-token-scopes';
import { idSchema } from './common';

export const apiTokenSchema = z.object({
  id: idSchema,
  name: z.string(),
  scopes: z.array(z.enum(API_TOKEN_SCOPES)),
  /** The first characters of the token, so a user can tell tokens apart; never enough to use one. */
  prefix: z.string(),
  owner: z.object({ id: idSchema, name: z.string() }),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type ApiTokenView = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z.object({ tokens: z.array(apiTokenSchema) });
export type ApiTokenList = z.infer<typeof apiTokenListSchema>;

export const createApiTokenBodySchema = z.object({
  name: z.string().trim().min(1, 'is required (e.g. "Nightly CRM sync")').max(100, 'must be at most 100 characters'),
  scopes: z
    .array(z.enum(API_TOKEN_SCOPES, { error: `must be one of ${API_TOKEN_SCOPES.join(', ')}` }))
    .min(1, 'must name at least one scope (read, write, import)')
    .max(API_TOKEN_SCOPES.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, { error: 'must not repeat a scope' }),
  /** Days until the token stops working; null for a token that does not expire. */
  expiresInDays: z.number().int().min(1, 'must be at least 1').max(366, 'must be at most 366').nullable(),
});
export type CreateApiTokenBody = z.infer<typeof createApiTokenBodySchema>;

/** The answer to creating a token: the only time the token itself is shown. */
export const createdApiTokenSchema = z.object({ token: z.string(), apiToken: apiTokenSchema });
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
