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

/** One of my sessions, as listed under Settings → Security. `id` is a public id, not the stored key. */
export const mySessionSchema = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  userAgent: z.string().nullable(),
  ipAddress: z.string().nullable(),
  current: z.boolean(),
});
export type MySession = z.infer<typeof mySessionSchema>;

export const mySessionsSchema = z.object({ sessions: z.array(mySessionSchema) });
export type MySessionsResponse = z.infer<typeof mySessionsSchema>;

export const signOutEverywhereBodySchema = z.object({
  /** End the session making this request too (default), or keep it and end only the others. */
  keepCurrent: z.boolean().default(false),
});
export type SignOutEverywhereBody = z.infer<typeof signOutEverywhereBodySchema>;

export const signOutEverywhereResultSchema = z.object({ ended: z.number().int().min(0) });

/** Passwords: at least 12 characters, at most 256 (bounds the hashing work an attacker can ask for). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const passwordResetRequestBodySchema = z.object({
  email: z.email('must be an e-mail address like name@company.com').max(320),
});
export type PasswordResetRequestBody = z.infer<typeof passwordResetRequestBodySchema>;

export const passwordResetCompleteBodySchema = z.object({
  token: z.string().min(1, 'is required (the token from the link in the e-mail)').max(200),
  password: newPasswordSchema,
});
export type PasswordResetCompleteBody = z.infer<typeof passwordResetCompleteBodySchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, 'is required').max(1024, 'is longer than 1024 characters'),
  newPassword: newPasswordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const acceptedSchema = z.object({ message: z.string() });
