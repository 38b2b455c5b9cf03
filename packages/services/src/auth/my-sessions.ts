import { AppError, type MySession, type Viewer } from '@rightly/core';
import { deleteSession, deleteUserSessions, listUserSessions, type Session } from '@rightly/db';
import { recordAuthAudit, safeText } from './auth-audit';
import { keyedDigest } from './keyed-digest';
import type { SessionDeps } from './session-deps';
import { SESSION_IDLE_MS } from './session-policy';
import { parseSessionCookie, sessionId } from './session-token';

export interface MySessionsInput {
  viewer: Viewer;
  /** The cookie of the request, to mark (and protect) the session in use. */
  cookieValue: string | undefined;
}

/**
 * The id a session is shown and ended by. The stored id is an HMAC of the cookie token; showing
 * it would hand out a value one step from the secret, so the public id is a further HMAC of it.
 */
export function sessionPublicId(params: { secret: string; storedId: string }): string {
  return keyedDigest({ secret: params.secret, purpose: 'session-public-id', value: params.storedId }).slice(0, 32);
}

function currentStoredId(deps: SessionDeps, input: MySessionsInput): string | null {
  const parsed = parseSessionCookie(input.cookieValue);
  return parsed && parsed.orgId === input.viewer.orgId
    ? sessionId({ token: parsed.token, secret: deps.sessionSecret })
    : null;
}

async function liveSessions(deps: SessionDeps, viewer: Viewer): Promise<Session[]> {
  const now = deps.now().getTime();
  const all = await listUserSessions(deps.db, { orgId: viewer.orgId, userId: viewer.userId });
  return all.filter((s) => s.expiresAt.getTime() > now && s.lastSeenAt.getTime() + SESSION_IDLE_MS > now);
}

/** My sessions that have not ended, oldest first, the one in use marked `current`. */
export async function listMySessions(deps: SessionDeps, input: MySessionsInput): Promise<MySession[]> {
  const current = currentStoredId(deps, input);
  return (await liveSessions(deps, input.viewer)).map((s) => ({
    id: sessionPublicId({ secret: deps.sessionSecret, storedId: s.id }),
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    userAgent: s.userAgent,
    ipAddress: s.ipAddress,
    current: s.id === current,
  }));
}

/**
 * Ends one of my other sessions. Another user's session id, an ended one, or garbage all read as
 * "not found"; the session in use is ended by signing out, which also clears the cookie.
 */
export async function endMySession(deps: SessionDeps, input: MySessionsInput & { sessionId: string }): Promise<void> {
  const current = currentStoredId(deps, input);
  const sessions = await listUserSessions(deps.db, { orgId: input.viewer.orgId, userId: input.viewer.userId });
  const target = sessions.find(
    (s) => sessionPublicId({ secret: deps.sessionSecret, storedId: s.id }) === input.sessionId,
  );
  if (!target) {
    throw new AppError({
      code: 'not_found',
      message: 'No such session of yours; it may have ended already. List them with GET /api/v1/auth/sessions.',
    });
  }
  if (target.id === current) {
    throw new AppError({
      code: 'conflict',
      message: 'This is the session you are using; sign out instead (POST /api/v1/auth/sign-out).',
    });
  }
  await deleteSession(deps.db, { orgId: input.viewer.orgId, id: target.id });
  await recordAuthAudit(deps.db, {
    orgId: input.viewer.orgId,
    at: deps.now(),
    action: 'login_session_ended',
    actorId: input.viewer.userId,
    userId: input.viewer.userId,
    summary: 'Ended one of their other sessions',
    details: { userAgent: safeText(target.userAgent), ip: safeText(target.ipAddress, 64) },
  });
}

/**
 * Ends all my sessions: by default the one in use too (the browser is signed out as well), or all
 * but the one in use with `keepCurrent`. Returns how many ended.
 */
export async function signOutEverywhere(
  deps: SessionDeps,
  input: MySessionsInput & { keepCurrent: boolean },
): Promise<number> {
  const current = currentStoredId(deps, input);
  const ended = await deleteUserSessions(deps.db, {
    orgId: input.viewer.orgId,
    userId: input.viewer.userId,
    ...(input.keepCurrent && current ? { exceptId: current } : {}),
  });
  await recordAuthAudit(deps.db, {
    orgId: input.viewer.orgId,
    at: deps.now(),
    action: 'signed_out_everywhere',
    actorId: input.viewer.userId,
    userId: input.viewer.userId,
    summary: input.keepCurrent ? 'Signed out of every other session' : 'Signed out everywhere',
    details: { ended, keptCurrent: input.keepCurrent },
  });
  return ended;
}
