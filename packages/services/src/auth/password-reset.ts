import { AppError } from '@rightly/core';
import {
  consumePasswordResetToken,
  deleteAttemptsForKey,
  deleteEndedPasswordResetTokens,
  deletePasswordResetTokens,
  deleteUserSessions,
  findUser,
  findUserByEmail,
  insertPasswordResetToken,
  lookupPasswordResetToken,
  updateUserPassword,
  withOrgScope,
  type User,
} from '@rightly/db';
import { clientAddressKey, keyOf, rateLimitedError, reserveAttempt } from './attempt-limit';
import { recordAuthAudit, safeText } from './auth-audit';
import { keyedDigest } from './keyed-digest';
import { hashPassword } from './password';
import { checkNewPassword } from './password-rules';
import type { SessionDeps } from './session-deps';
import { formatSessionCookie, newSessionToken, parseSessionCookie } from './session-token';
import { normalizeEmail } from './sign-in-limits';

/** A reset link works for 30 minutes, once. */
export const PASSWORD_RESET_TTL_MS = 30 * 60_000;
/** Requests per hour: per e-mail (beyond it, silently no mail) and per client address (429). */
export const RESET_REQUESTS_PER_ACCOUNT_PER_HOUR = 5;
export const RESET_REQUESTS_PER_ADDRESS_PER_HOUR = 20;

export interface PasswordResetMessage {
  to: string;
  name: string;
  /** `<app url>/reset-password?token=<org id>.<token>` */
  url: string;
  expiresAt: Date;
}

export interface PasswordResetDeps extends SessionDeps {
  /** Where the web app is reached, without a trailing slash (PUBLIC_URL or the listen address). */
  appUrl: () => string;
  /**
   * Sends the link (e-mail, or a log line where mail is not configured). Not awaited by the
   * request: its duration would tell which e-mails have accounts. It must handle its own errors.
   */
  deliverPasswordReset: (message: PasswordResetMessage) => Promise<void>;
}

/**
 * Sends a reset link when the e-mail belongs to an active user with a password. The answer is
 * the same whether it does or not; only the per-address limit is ever reported (429).
 */
export async function requestPasswordReset(
  deps: PasswordResetDeps,
  input: { email: string; ipAddress?: string | undefined },
): Promise<void> {
  const email = normalizeEmail(input.email);
  const address = clientAddressKey(input.ipAddress);
  if (address) {
    const byAddress = await reserveAttempt(deps, {
      limits: [{ bucket: 'reset_address', value: address, max: RESET_REQUESTS_PER_ADDRESS_PER_HOUR }],
    });
    if (byAddress.limited) {
      throw rateLimitedError({
        retryAfterSeconds: byAddress.retryAfterSeconds,
        what: 'Too many password-reset requests from your network in the last hour.',
      });
    }
  }
  const byAccount = await reserveAttempt(deps, {
    limits: [{ bucket: 'reset_account', value: email, max: RESET_REQUESTS_PER_ACCOUNT_PER_HOUR }],
  });
  // The cross-org lookup: which org (if any) this e-mail belongs to.
  const user = await findUserByEmail(deps.db, { email });
  // Users who sign in only through SSO get no password this way.
  if (!user || !user.active || !user.passwordHash) return;
  // The request had no org; from here on everything belongs to the user's (row-level security).
  await withOrgScope({ orgId: user.orgId }, () =>
    issueResetLink(deps, { user, limited: byAccount.limited, ipAddress: input.ipAddress }),
  );
}

async function issueResetLink(
  deps: PasswordResetDeps,
  params: { user: User; limited: boolean; ipAddress: string | undefined },
): Promise<void> {
  const { user } = params;
  const input = { ipAddress: params.ipAddress };
  const byAccount = { limited: params.limited };
  const now = deps.now();
  if (byAccount.limited) {
    await recordAuthAudit(deps.db, {
      orgId: user.orgId,
      at: now,
      action: 'sign_in_rate_limited',
      actorId: null,
      userId: user.id,
      summary: 'Password-reset request ignored: too many in the last hour',
      details: { ip: safeText(input.ipAddress, 64) },
    });
    return;
  }
  const token = newSessionToken(user.orgId);
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
  // Only the newest link works: asking again makes earlier ones useless.
  await deletePasswordResetTokens(deps.db, { orgId: user.orgId, userId: user.id });
  await deleteEndedPasswordResetTokens(deps.db, { orgId: user.orgId, now });
  await insertPasswordResetToken(deps.db, {
    orgId: user.orgId,
    id: resetTokenId(deps.sessionSecret, token.token),
    userId: user.id,
    createdAt: now,
    expiresAt,
    usedAt: null,
  });
  await recordAuthAudit(deps.db, {
    orgId: user.orgId,
    at: now,
    action: 'password_reset_requested',
    actorId: null,
    userId: user.id,
    summary: 'Password reset requested',
    details: { ip: safeText(input.ipAddress, 64) },
  });
  const url = `${deps.appUrl()}/reset-password?token=${encodeURIComponent(formatSessionCookie(token))}`;
  void deps.deliverPasswordReset({ to: user.email, name: user.name, url, expiresAt });
}

/**
 * Sets a new password with a reset link's token: the token is used up, every session of the
 * user ends (whoever held one is out), and the per-account sign-in failure count is cleared,
 * since the link proves control of the e-mail.
 */
export async function completePasswordReset(
  deps: SessionDeps,
  input: { token: string; password: string },
): Promise<void> {
  const parsed = parseSessionCookie(input.token.trim());
  const refused = new AppError({
    code: 'validation_failed',
    message: 'token: this reset link is not valid, has expired or was already used. Ask for a new one.',
    issues: [{ field: 'token', message: 'is not valid, has expired or was already used; ask for a new link' }],
  });
  if (!parsed) throw refused;
  // Public: the link names the org, and everything below runs confined to it.
  await withOrgScope({ orgId: parsed.orgId }, () => resetInOrg(deps, { parsed, password: input.password, refused }));
}

async function resetInOrg(
  deps: SessionDeps,
  params: { parsed: { orgId: string; token: string }; password: string; refused: AppError },
): Promise<void> {
  const { parsed, refused } = params;
  const input = { password: params.password };
  const now = deps.now();
  const id = resetTokenId(deps.sessionSecret, parsed.token);
  const user = await findUserForToken(deps, { orgId: parsed.orgId, id, now });
  if (!user) throw refused;
  // Checked before the token is used up, so a too-short password does not cost the link.
  checkNewPassword({ password: input.password, email: user.email, field: 'password' });
  const token = await consumePasswordResetToken(deps.db, { orgId: parsed.orgId, id, now });
  if (!token) throw refused;
  await updateUserPassword(deps.db, {
    orgId: user.orgId,
    userId: user.id,
    passwordHash: await hashPassword(input.password),
  });
  const ended = await deleteUserSessions(deps.db, { orgId: user.orgId, userId: user.id });
  await deletePasswordResetTokens(deps.db, { orgId: user.orgId, userId: user.id });
  await deleteAttemptsForKey(deps.db, keyOf(deps.sessionSecret, { bucket: 'sign_in_account', value: user.email }));
  await recordAuthAudit(deps.db, {
    orgId: user.orgId,
    at: now,
    action: 'password_reset_completed',
    actorId: user.id,
    userId: user.id,
    summary: 'Password reset with an e-mailed link; all sessions ended',
    details: { sessionsEnded: ended },
  });
}

function resetTokenId(secret: string, token: string): string {
  return keyedDigest({ secret, purpose: 'password-reset', value: token });
}

/** The active user a live (unused, unexpired) token belongs to; looked up inside the token's org. */
async function findUserForToken(
  deps: SessionDeps,
  params: { orgId: string; id: string; now: Date },
): Promise<User | null> {
  const token = await lookupPasswordResetToken(deps.db, params);
  if (!token) return null;
  const user = await findUser(deps.db, { orgId: params.orgId, userId: token.userId });
  return user && user.active ? user : null;
}
