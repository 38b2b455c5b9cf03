import { z } from 'zod';
import { USER_ROLES } from '../domain/roles';
import { idSchema } from './common';

export const signInBodySchema = z.object({
  email: z.email('must be an e-mail address like name@company.com').max(320),
  password: z.string().min(1, 'is required').max(1024, 'is longer than 1024 characters'),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

const named = z.object({ id: idSchema, name: z.string() });

export const meSchema = z.object({
  user: z.object({ id: idSchema, name: z.string(), email: z.string(), role: z.enum(USER_ROLES) }),
  organization: z.object({
    id: idSchema,
    name: z.string(),
    timeZone: z.string(),
    currency: z.string(),
    weekStartsOn: z.number().int().min(0).max(6),
    isDemo: z.boolean(),
  }),
  team: named.nullable(),
  leads: z.array(named),
});
export type MeResponse = z.infer<typeof meSchema>;

export const demoSignInsSchema = z.object({
  signIns: z.array(z.object({ email: z.string(), password: z.string(), role: z.string() })),
});
export type DemoSignInsResponse = z.infer<typeof demoSignInsSchema>;
