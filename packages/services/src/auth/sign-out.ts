import { deleteSession } from '@rightly/db';
import type { SessionDeps } from './session-deps';
import { parseSessionCookie, sessionId } from './session-token';

/** Ends the session behind the cookie. Signing out twice, or without a session, is not an error. */
export async function signOut(deps: SessionDeps, input: { cookieValue: string | undefined }): Promise<void> {
  const parsed = parseSessionCookie(input.cookieValue);
  if (!parsed) return;
  await deleteSession(deps.db, {
    orgId: parsed.orgId,
    id: sessionId({ token: parsed.token, secret: deps.sessionSecret }),
  });
}
