import { z } from 'zod';
import { newPasswordSchema } from './auth';
import { USER_ROLES } from '../domain/roles';
import { idSchema } from './common';

/**
 * People management: invitations, the users list and team changes (admin only; see
 * docs/identity/people.md). Names end up in audit entries and e-mails, so control characters
 * (line breaks included) are refused rather than stored.
 */
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}\p{Zl}\p{Zp}]*$/u;

export const personNameSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(200, 'is longer than 200 characters')
  .regex(NO_CONTROL_CHARACTERS, 'must be one line without control characters');

export const teamNameSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(120, 'is longer than 120 characters')
  .regex(NO_CONTROL_CHARACTERS, 'must be one line without control characters');

export const emailAddressSchema = z
  .email('must be an e-mail address like name@company.com')
  .max(320, 'is longer than 320 characters')
  .transform((email) => email.toLowerCase());

const named = z.object({ id: idSchema, name: z.string() });

/* ------------------------------------------------------------------ invitations */

export const INVITATION_STATUSES = ['pending', 'expired', 'accepted', 'revoked'] as const;

export const createInvitationBodySchema = z.object({
  email: emailAddressSchema,
  name: personNameSchema,
  role: z.enum(USER_ROLES),
  teamId: idSchema.nullable().default(null),
});
export type CreateInvitationBody = z.input<typeof createInvitationBodySchema>;

export const invitationSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  team: named.nullable(),
  invitedBy: named.nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(INVITATION_STATUSES),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const createInvitationResponseSchema = z.object({
  invitation: invitationSchema,
  /** `email`: the link went out by e-mail. `manual`: it did not (no SMTP, or sending failed). */
  delivery: z.enum(['email', 'manual']),
  /** Only when delivery is manual: the admin passes this link on; it is shown once. */
  acceptUrl: z.string().optional(),
  /** Why the e-mail was not sent, when it was not. */
  deliveryNote: z.string().optional(),
});
export type CreateInvitationResponse = z.infer<typeof createInvitationResponseSchema>;

export const invitationsResponseSchema = z.object({ invitations: z.array(invitationSchema) });
export type InvitationsResponse = z.infer<typeof invitationsResponseSchema>;

const invitationTokenSchema = z.string().min(1, 'is required').max(200, 'is not an invitation token');

export const invitationTokenBodySchema = z.object({ token: invitationTokenSchema });

export const invitationPreviewSchema = z.object({
  organization: z.object({ name: z.string() }),
  email: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const acceptInvitationBodySchema = z.object({
  token: invitationTokenSchema,
  name: personNameSchema,
  password: newPasswordSchema,
});
export type AcceptInvitationBody = z.input<typeof acceptInvitationBodySchema>;

/* ------------------------------------------------------------------ users */

export const managedUserSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  role: z.enum(USER_ROLES),
  active: z.boolean(),
  /** False for users created by an import or SSO who never set a password. */
  hasPassword: z.boolean(),
  createdAt: z.string(),
  deactivatedAt: z.string().nullable(),
  team: named.nullable(),
  leads: z.array(named),
});
export type ManagedUser = z.infer<typeof managedUserSchema>;

export const usersResponseSchema = z.object({ users: z.array(managedUserSchema) });
export type UsersResponse = z.infer<typeof usersResponseSchema>;

export const updateUserBodySchema = z
  .object({
    name: personNameSchema.optional(),
    role: z.enum(USER_ROLES).optional(),
    /** The user's one team; null takes them out of their team. */
    teamId: idSchema.nullable().optional(),
  })
  .refine((body) => body.name !== undefined || body.role !== undefined || body.teamId !== undefined, {
    message: 'name at least one of name, role or teamId to change',
  });
export type UpdateUserBody = z.input<typeof updateUserBodySchema>;

/* ------------------------------------------------------------------ teams */

export const createTeamBodySchema = z.object({
  name: teamNameSchema,
  parentId: idSchema.nullable().default(null),
  leaderId: idSchema.nullable().default(null),
});
export type CreateTeamBody = z.input<typeof createTeamBodySchema>;

export const updateTeamBodySchema = z
  .object({
    name: teamNameSchema.optional(),
    /** null makes it a top-level team. */
    parentId: idSchema.nullable().optional(),
    /** null leaves the team without a leader. */
    leaderId: idSchema.nullable().optional(),
  })
  .refine((body) => body.name !== undefined || body.parentId !== undefined || body.leaderId !== undefined, {
    message: 'name at least one of name, parentId or leaderId to change',
  });
export type UpdateTeamBody = z.input<typeof updateTeamBodySchema>;
