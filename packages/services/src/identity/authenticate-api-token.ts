import type { ApiTokenScope, Viewer } from '@rightly/core';
import { findApiTokenBySecret, touchApiToken } from '@rightly/db';
import type { SessionDeps } from '../auth/session-deps';
import { sessionId } from '../auth/session-token';
import { parseApiToken } from './api-token';

/** `last_used_at` is written at most this often per token, so reads do not each turn into a write. */
export const API_TOKEN_TOUCH_MS = 60_000;

export interface TokenViewer {
  viewer: Viewer;
  scopes: ApiTokenScope[];
  tokenId: string;
}

/**
 * The user a bearer token acts as, with the token's scopes; null when the token is malformed,
 * unknown, revoked, expired, or its user is deactivated. Callers answer all of these alike.
 */
export async function authenticateApiToken(deps: SessionDeps, input: { token: string }): Promise<TokenViewer | null> {
  const parts = parseApiToken(input.token);
  if (!parts) return null;
  const found = await findApiTokenBySecret(deps.db, {
    orgId: parts.orgId,
    secretHash: sessionId({ token: parts.secret, secret: deps.sessionSecret }),
  });
  const now = deps.now();
  if (!found || found.revokedAt || !found.active || (found.expiresAt && found.expiresAt <= now)) return null;
  await touchApiToken(deps.db, {
    orgId: found.orgId,
    id: found.id,
    at: now,
    unlessAfter: new Date(now.getTime() - API_TOKEN_TOUCH_MS),
  });
  return {
    viewer: { orgId: found.orgId, userId: found.userId, role: found.role },
    scopes: found.scopes,
    tokenId: found.id,
  };
}
