import { AppError, type Viewer } from '@rightly/core';
import { deleteEndedSessions, findUserByEmail, insertSession, withOrgScope } from '@rightly/db';
import { hashPassword, verifyPassword } from './password';
import type { SessionDeps } from './session-deps';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session-policy';
import { formatSessionCookie, newSessionToken, sessionId } from './session-token';

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
  const user = await findUserByEmail(deps.db, { email: input.email.trim() });
  decoyHash ??= hashPassword('decoy password that never matches');
  const valid = await verifyPassword({
    hash: user?.passwordHash ?? (await decoyHash),
    password: input.password,
  });
  if (!user || !user.active || !user.passwordHash || !valid) {
    throw new AppError({
      code: 'invalid_credentials',
      message: 'The e-mail or the password is wrong, or the account is deactivated.',
    });
  }
  const now = deps.now();
  // A new random token on every sign-in: an id planted before sign-in is never promoted.
  const session = newSessionToken(user.orgId);
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  // The request had no org yet; from here on everything belongs to the user's (row-level security).
  await withOrgScope({ orgId: user.orgId }, async () => {
    await deleteEndedSessions(deps.db, {
      orgId: user.orgId,
      now,
      idleBefore: new Date(now.getTime() - SESSION_IDLE_MS),
    });
    await insertSession(deps.db, {
      orgId: user.orgId,
      id: sessionId({ token: session.token, secret: deps.sessionSecret }),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
      ipAddress: input.ipAddress ?? null,
    });
  });
  return {
    cookieValue: formatSessionCookie(session),
    expiresAt,
    viewer: { orgId: user.orgId, userId: user.id, role: user.role },
  };
}
