import type { Viewer } from '@rightly/core';
import { deleteSession, findSession, findUser, touchSession } from '@rightly/db';
import type { SessionDeps } from './session-deps';
import { SESSION_IDLE_MS, SESSION_TOUCH_MS } from './session-policy';
import { parseSessionCookie, sessionId } from './session-token';

/**
 * The viewer behind a session cookie, or null when the cookie is missing, forged, ended by either
 * time limit, or belongs to a deactivated user. An ended session is deleted on sight.
 */
export async function resolveSession(
  deps: SessionDeps,
  input: { cookieValue: string | undefined },
): Promise<Viewer | null> {
  const parsed = parseSessionCookie(input.cookieValue);
  if (!parsed) return null;
  const key = { orgId: parsed.orgId, id: sessionId({ token: parsed.token, secret: deps.sessionSecret }) };
  const session = await findSession(deps.db, key);
  if (!session) return null;
  const now = deps.now();
  const idleEnd = session.lastSeenAt.getTime() + SESSION_IDLE_MS;
  if (now >= session.expiresAt || now.getTime() >= idleEnd) {
    await deleteSession(deps.db, key);
    return null;
  }
  const user = await findUser(deps.db, { orgId: session.orgId, userId: session.userId });
  if (!user || !user.active) {
    await deleteSession(deps.db, key);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    await touchSession(deps.db, { ...key, lastSeenAt: now });
  }
  return { orgId: user.orgId, userId: user.id, role: user.role };
}
