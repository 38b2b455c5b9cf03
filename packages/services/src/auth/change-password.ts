import { AppError, type Viewer } from '@rightly/core';
import { deleteUserSessions, findUser, updateUserPassword } from '@rightly/db';
import { rateLimitedError, releaseAttempt, reserveAttempt } from './attempt-limit';
import { recordAuthAudit } from './auth-audit';
import { hashPassword, verifyPassword } from './password';
import { checkNewPassword } from './password-rules';
import type { SessionDeps } from './session-deps';
import { parseSessionCookie, sessionId } from './session-token';
import { signInLimits } from './sign-in-limits';

export interface ChangePasswordInput {
  viewer: Viewer;
  cookieValue: string | undefined;
  currentPassword: string;
  newPassword: string;
  ipAddress?: string | undefined;
}

/**
 * A signed-in user sets a new password, proving the current one (a borrowed session alone is not
 * enough). Wrong current passwords count as failed sign-ins. Every other session of the user ends.
 */
export async function changePassword(deps: SessionDeps, input: ChangePasswordInput): Promise<void> {
  const user = await findUser(deps.db, { orgId: input.viewer.orgId, userId: input.viewer.userId });
  if (!user || !user.passwordHash) {
    throw new AppError({
      code: 'conflict',
      message: 'Your account has no password to change (you sign in through single sign-on).',
    });
  }
  const reservation = await reserveAttempt(deps, {
    limits: signInLimits({ email: user.email, ipAddress: input.ipAddress }),
  });
  if (reservation.limited) {
    throw rateLimitedError({
      retryAfterSeconds: reservation.retryAfterSeconds,
      what: 'Too many wrong passwords for this account in the last hour.',
    });
  }
  if (!(await verifyPassword({ hash: user.passwordHash, password: input.currentPassword }))) {
    throw new AppError({
      code: 'validation_failed',
      message: 'currentPassword: is not your current password',
      issues: [{ field: 'currentPassword', message: 'is not your current password' }],
    });
  }
  await releaseAttempt(deps, reservation);
  checkNewPassword({ password: input.newPassword, email: user.email, field: 'newPassword' });
  await updateUserPassword(deps.db, {
    orgId: user.orgId,
    userId: user.id,
    passwordHash: await hashPassword(input.newPassword),
  });
  const parsed = parseSessionCookie(input.cookieValue);
  const current = parsed ? sessionId({ token: parsed.token, secret: deps.sessionSecret }) : undefined;
  const ended = await deleteUserSessions(deps.db, {
    orgId: user.orgId,
    userId: user.id,
    ...(current ? { exceptId: current } : {}),
  });
  await recordAuthAudit(deps.db, {
    orgId: user.orgId,
    at: deps.now(),
    action: 'password_changed',
    actorId: user.id,
    userId: user.id,
    summary: 'Changed their password; other sessions ended',
    details: { sessionsEnded: ended },
  });
}
