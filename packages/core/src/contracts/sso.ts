import { z } from 'zod';
import { USER_ROLES } from '../domain/roles';
import { idSchema } from './common';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https only; plain http is allowed for a provider on this machine (development and tests). */
export const issuerUrlSchema = z
  .url({ error: 'must be a URL like https://login.example.com' })
  .max(500)
  .refine(
    (value) => {
      // Runs even after the URL check failed: a value that is no URL at all is left to that message.
      if (!URL.canParse(value)) return true;
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
    },
    { error: 'must use https (http only for localhost)' },
  );

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    error: 'must be a domain like company.com (no @, no scheme)',
  });

const roleMappingSchema = z
  .record(z.string().min(1).max(200), z.enum(USER_ROLES, { error: 'must map to admin, leader or rep' }))
  .refine((mapping) => Object.keys(mapping).length <= 50, { error: 'must have at most 50 entries' });

/** The org's SSO settings as the API shows them: the client secret is never returned. */
export const ssoSettingsSchema = z.object({
  enabled: z.boolean(),
  issuer: z.string(),
  clientId: z.string(),
  clientSecret: z.enum(['set', 'not set']),
  roleClaim: z.string().nullable(),
  roleMapping: z.record(z.string(), z.enum(USER_ROLES)),
  defaultRole: z.enum(USER_ROLES),
  allowedDomains: z.array(z.string()),
  /** Register this as the redirect URI at the identity provider. */
  redirectUri: z.string(),
  /** A link that starts SSO for this org without typing an e-mail. */
  startUrl: z.string(),
});
export type SsoSettingsView = z.infer<typeof ssoSettingsSchema>;

export const putSsoSettingsBodySchema = z
  .object({
    enabled: z.boolean(),
    issuer: z.union([issuerUrlSchema, z.literal('')]),
    clientId: z.string().trim().max(500, 'must be at most 500 characters'),
    /** Omit (or null) to keep the stored secret; a string replaces it. */
    clientSecret: z.string().min(1, 'must not be empty; omit it to keep the stored one').max(2000).nullish(),
    roleClaim: z
      .string()
      .trim()
      .max(200)
      .regex(/^[\w.:/-]*$/, { error: 'must be a claim name like role or groups' })
      .nullable(),
    roleMapping: roleMappingSchema,
    defaultRole: z.enum(USER_ROLES, { error: 'must be admin, leader or rep' }),
    allowedDomains: z.array(domainSchema).max(50, 'must list at most 50 domains'),
  })
  .superRefine((body, ctx) => {
    if (!body.enabled) return;
    if (!body.issuer) ctx.addIssue({ code: 'custom', path: ['issuer'], message: 'is required to enable SSO' });
    if (!body.clientId) ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'is required to enable SSO' });
    if (body.allowedDomains.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['allowedDomains'],
        message: 'must list at least one domain to enable SSO (e.g. company.com)',
      });
    }
  });
export type PutSsoSettingsBody = z.infer<typeof putSsoSettingsBodySchema>;

export const ssoStartQuerySchema = z
  .object({
    email: z.email('must be an e-mail address like name@company.com').max(320).optional(),
    org: idSchema.optional(),
    returnTo: z.string().max(2000).optional(),
  })
  .refine((q) => (q.email === undefined) !== (q.org === undefined), {
    error: 'give exactly one of email or org',
    path: ['email'],
  });
export type SsoStartQuery = z.infer<typeof ssoStartQuerySchema>;

export const ssoCallbackQuerySchema = z.looseObject({
  state: z.string().max(200).optional(),
  code: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
});
