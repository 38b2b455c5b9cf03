import { AppError, type Viewer } from '@rightly/core';
import { findUserByEmail, withOrgScope, type User } from '@rightly/db';
import { rateLimitedError, releaseAttempt, reserveAttempt } from './attempt-limit';
import { recordAuthAudit, safeText } from './auth-audit';
import { hashPassword, verifyPassword } from './password';
import type { SessionDeps } from './session-deps';
import { startSession } from './start-session';
import { normalizeEmail, signInLimits } from './sign-in-limits';

export interface SignInInput {
  email: string;
  password: string;
  userAgent?: string | undefined;
  ipAddress?: string | undefined;
}

export interface SignInResult {
  /** The value for the session cookie; shown once, never stored. */
  cookieValue: string;
  expiresAt: Date;
  viewer: Viewer;
}

// Verifying against a real hash when the e-mail is unknown keeps the answer time the same, so
// response timing does not reveal which e-mails have accounts.
let decoyHash: Promise<string> | undefined;

export async function signIn(deps: SessionDeps, input: SignInInput): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  // The one cross-org lookup of sign-in: which org does this e-mail belong to.
  const user = await findUserByEmail(deps.db, { email });
  // Counted before the hash is checked, so a guesser past the limit gets no answer at all.
  const reservation = await reserveAttempt(deps, { limits: signInLimits({ email, ipAddress: input.ipAddress }) });
  if (reservation.limited) {
    if (user) {
      await audit(deps, user, 'sign_in_rate_limited', input, { limit: reservation.bucket });
    }
    throw rateLimitedError({
      retryAfterSeconds: reservation.retryAfterSeconds,
      what:
        reservation.bucket === 'sign_in_account'
          ? 'Too many failed sign-ins for this e-mail in the last hour. Reset the password (Forgot password?) or wait.'
          : 'Too many failed sign-ins from your network in the last hour.',
    });
  }
  decoyHash ??= hashPassword('decoy password that never matches');
  const valid = await verifyPassword({
    hash: user?.passwordHash ?? (await decoyHash),
    password: input.password,
  });
  if (!user || !user.active || !user.passwordHash || !valid) {
    // The reservation stays: it is now one counted failure.
    if (user) {
      const reason = !user.active ? 'deactivated' : !user.passwordHash ? 'no_password' : 'wrong_password';
      await audit(deps, user, 'sign_in_failed', input, { reason });
    }
    throw new AppError({
      code: 'invalid_credentials',
      message: 'The e-mail or the password is wrong, or the account is deactivated.',
    });
  }
  // Only this attempt is withdrawn: earlier failures from the address or for the account still count.
  await releaseAttempt(deps, reservation);
  const viewer: Viewer = { orgId: user.orgId, userId: user.id, role: user.role };
  // The request had no org yet; from here on everything belongs to the user's (row-level security).
  // A new random token on every sign-in: an id planted before sign-in is never promoted.
  const session = await withOrgScope({ orgId: user.orgId }, () =>
    startSession(deps, { viewer, userAgent: input.userAgent, ipAddress: input.ipAddress }),
  );
  await audit(deps, user, 'sign_in_succeeded', input, {});
  return { ...session, viewer };
}

function audit(
  deps: SessionDeps,
  user: User,
  action: 'sign_in_succeeded' | 'sign_in_failed' | 'sign_in_rate_limited',
  input: SignInInput,
  details: Record<string, unknown>,
): Promise<void> {
  const summaries = {
    sign_in_succeeded: 'Signed in',
    sign_in_failed: 'Sign-in failed',
    sign_in_rate_limited: 'Sign-in refused: too many failed attempts',
  } as const;
  return recordAuthAudit(deps.db, {
    orgId: user.orgId,
    at: deps.now(),
    action,
    actorId: action === 'sign_in_succeeded' ? user.id : null,
    userId: user.id,
    summary: summaries[action],
    // The e-mail as typed, cut and made one line; never the password.
    details: { ...details, email: safeText(input.email, 80), ip: safeText(input.ipAddress, 64) },
  });
}
