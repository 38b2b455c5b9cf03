import { randomUUID } from 'node:crypto';
import {
  AppError,
  type ApiTokenList,
  type ApiTokenView,
  type CreateApiTokenBody,
  type CreatedApiToken,
  type Viewer,
} from '@rightly/core';
import { appendAudit, findUser, insertApiToken, listApiTokens, revokeApiToken, type ListedApiToken } from '@rightly/db';
import type { SessionDeps } from '../auth/session-deps';
import { sessionId } from '../auth/session-token';
import { apiTokenPrefix, newApiToken } from './api-token';

const DAY_MS = 86_400_000;

/**
 * Admins and leaders create tokens (integrations feed and read team data); a rep's own data needs
 * no integration. Every user may list and revoke their own tokens; admins see and revoke all.
 */
export function mayCreateApiTokens(viewer: Viewer): boolean {
  return viewer.role === 'admin' || viewer.role === 'leader';
}

export async function createApiToken(
  deps: SessionDeps,
  input: { viewer: Viewer; body: CreateApiTokenBody },
): Promise<CreatedApiToken> {
  const { viewer, body } = input;
  if (!mayCreateApiTokens(viewer)) {
    throw new AppError({ code: 'forbidden', message: 'Only admins and leaders create API tokens.' });
  }
  const owner = await findUser(deps.db, { orgId: viewer.orgId, userId: viewer.userId });
  if (!owner) throw new AppError({ code: 'unauthenticated', message: 'Sign in first.' });
  const now = deps.now();
  const parts = newApiToken(viewer.orgId);
  const row = {
    orgId: viewer.orgId,
    id: randomUUID(),
    userId: viewer.userId,
    name: body.name,
    secretHash: sessionId({ token: parts.secret, secret: deps.sessionSecret }),
    prefix: apiTokenPrefix(parts),
    scopes: body.scopes,
    createdAt: now,
    expiresAt: body.expiresInDays === null ? null : new Date(now.getTime() + body.expiresInDays * DAY_MS),
  };
  await deps.db.transaction(async (tx) => {
    await insertApiToken(tx, row);
    await appendAudit(tx, {
      orgId: viewer.orgId,
      at: now,
      actorId: viewer.userId,
      action: 'api_token_created',
      subjectId: null,
      // Never the token: its id, name and what it may do.
      details: { tokenId: row.id, name: row.name, scopes: row.scopes, expiresAt: row.expiresAt?.toISOString() ?? null },
    });
  });
  return {
    token: parts.token,
    apiToken: view({ ...row, ownerId: owner.id, ownerName: owner.name, lastUsedAt: null }),
  };
}

export async function listApiTokensFor(deps: SessionDeps, input: { viewer: Viewer }): Promise<ApiTokenList> {
  const { viewer } = input;
  const tokens = await listApiTokens(deps.db, {
    orgId: viewer.orgId,
    userId: viewer.role === 'admin' ? null : viewer.userId,
  });
  return { tokens: tokens.map(view) };
}

/** Revokes at once: the next request with the token is refused. Another user's or org's id reads as absent. */
export async function revokeApiTokenFor(deps: SessionDeps, input: { viewer: Viewer; tokenId: string }): Promise<void> {
  const { viewer } = input;
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const revoked = await revokeApiToken(tx, {
      orgId: viewer.orgId,
      id: input.tokenId,
      userId: viewer.role === 'admin' ? null : viewer.userId,
      at: now,
    });
    if (!revoked) {
      throw new AppError({ code: 'not_found', message: 'There is no such API token (it may be revoked already).' });
    }
    await appendAudit(tx, {
      orgId: viewer.orgId,
      at: now,
      actorId: viewer.userId,
      action: 'api_token_revoked',
      subjectId: null,
      details: { tokenId: revoked.id, name: revoked.name, ownerId: revoked.userId },
    });
  });
}

function view(token: ListedApiToken): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    scopes: token.scopes,
    prefix: token.prefix,
    owner: { id: token.ownerId, name: token.ownerName },
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}
