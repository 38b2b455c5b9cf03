import { randomUUID } from 'node:crypto';
import { AppError } from '@rightly/core';
import { acceptInvitationRows, appendAudit, findUserByEmail, withOrgScope } from '@rightly/db';
import { hashPassword } from '../auth/password';
import type { SessionDeps } from '../auth/session-deps';
import { signIn, type SignInResult } from '../auth/sign-in';
import { invitationOrgId } from './invitation-token';
import { INVALID_INVITATION_MESSAGE, openInvitationFor } from './open-invitation';

export interface AcceptInvitationInput {
  token: string;
  name: string;
  password: string;
  userAgent?: string | undefined;
  ipAddress?: string | undefined;
}

/**
 * The invitee chooses a name and password: the user is created with the invited role and team,
 * the invitation is closed (single use), and they are signed in through the ordinary sign-in.
 */
export function acceptInvitation(deps: SessionDeps, input: AcceptInvitationInput): Promise<SignInResult> {
  // Public: the request has no org yet, the link names it.
  return withOrgScope({ orgId: invitationOrgId(input.token) }, () => acceptInOrg(deps, input));
}

async function acceptInOrg(deps: SessionDeps, input: AcceptInvitationInput): Promise<SignInResult> {
  const invitation = await openInvitationFor(deps, input.token);
  // Someone may have created the address meanwhile (an import, another org's invitation).
  if (await findUserByEmail(deps.db, { email: invitation.email })) {
    throw new AppError({
      code: 'conflict',
      message: `${invitation.email} has an account already. Sign in with it, or reset its password.`,
    });
  }
  const now = deps.now();
  const userId = randomUUID();
  const passwordHash = await hashPassword(input.password);
  let accepted: boolean;
  try {
    accepted = await acceptInvitationRows(deps.db, {
      orgId: invitation.orgId,
      invitationId: invitation.id,
      user: { id: userId, email: invitation.email, name: input.name, role: invitation.role, passwordHash },
      teamId: invitation.teamId,
      now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError({
        code: 'conflict',
        message: `${invitation.email} has an account already. Sign in with it, or reset its password.`,
        cause: error,
      });
    }
    throw error;
  }
  if (!accepted) throw new AppError({ code: 'not_found', message: INVALID_INVITATION_MESSAGE });
  await appendAudit(deps.db, {
    orgId: invitation.orgId,
    at: now,
    actorId: userId,
    action: 'invitation_accepted',
    subjectId: userId,
    details: {
      summary: `${invitation.email} accepted the invitation`,
      invitationId: invitation.id,
      after: { email: invitation.email, name: input.name, role: invitation.role, teamId: invitation.teamId },
    },
  });
  return signIn(deps, {
    email: invitation.email,
    password: input.password,
    userAgent: input.userAgent,
    ipAddress: input.ipAddress,
  });
}

/** PostgreSQL's unique_violation, from either driver, wrapped by Drizzle or not. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
