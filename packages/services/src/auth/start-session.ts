import type { Viewer } from '@rightly/core';
import { deleteEndedSessions, insertSession } from '@rightly/db';
import type { SessionDeps } from './session-deps';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session-policy';
import { formatSessionCookie, newSessionToken, sessionId } from './session-token';

export interface StartedSession {
  /** The value for the session cookie; shown once, never stored. */
  cookieValue: string;
  expiresAt: Date;
}

/**
 * Opens a new session for a user who has just proven who they are (password sign-in, SSO): a
 * fresh random token, only its HMAC stored, 12 hours absolute. Ended sessions of the org are
 * cleared on the way, so the table stays small.
 */
export async function startSession(
  deps: SessionDeps,
  input: { viewer: Viewer; userAgent?: string | undefined; ipAddress?: string | undefined },
): Promise<StartedSession> {
  const now = deps.now();
  const session = newSessionToken(input.viewer.orgId);
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await deleteEndedSessions(deps.db, {
    orgId: input.viewer.orgId,
    now,
    idleBefore: new Date(now.getTime() - SESSION_IDLE_MS),
  });
  await insertSession(deps.db, {
    orgId: input.viewer.orgId,
    id: sessionId({ token: session.token, secret: deps.sessionSecret }),
    userId: input.viewer.userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    userAgent: input.userAgent?.slice(0, 512) ?? null,
    ipAddress: input.ipAddress ?? null,
  });
  return { cookieValue: formatSessionCookie(session), expiresAt };
}
