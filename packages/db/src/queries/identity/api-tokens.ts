import type { ApiTokenScope, UserRole } from '@rightly/core';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../../database';
import { apiTokens, users } from '../../schema/index';

export type NewApiToken = typeof apiTokens.$inferInsert;

/** A token as lists show it, with the name of the user it acts as. */
export interface ListedApiToken {
  id: string;
  name: string;
  scopes: ApiTokenScope[];
  prefix: string;
  ownerId: string;
  ownerName: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

/** What authenticating a request needs: the token and its user's current standing. */
export interface ApiTokenCredential {
  id: string;
  orgId: string;
  scopes: ApiTokenScope[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  userId: string;
  role: UserRole;
  active: boolean;
}

export async function insertApiToken(db: Database, token: NewApiToken): Promise<void> {
  await db.insert(apiTokens).values(token);
}

export async function findApiTokenBySecret(
  db: Database,
  params: { orgId: string; secretHash: string },
): Promise<ApiTokenCredential | null> {
  const [row] = await db
    .select({
      id: apiTokens.id,
      orgId: apiTokens.orgId,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      userId: users.id,
      role: users.role,
      active: users.active,
    })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.orgId, apiTokens.orgId), eq(users.id, apiTokens.userId)))
    .where(and(eq(apiTokens.orgId, params.orgId), eq(apiTokens.secretHash, params.secretHash)));
  return row ?? null;
}

/** Records a use, unless one was recorded since `unlessAfter`: at most one write a minute per token. */
export async function touchApiToken(
  db: Database,
  params: { orgId: string; id: string; at: Date; unlessAfter: Date },
): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: params.at })
    .where(
      and(
        eq(apiTokens.orgId, params.orgId),
        eq(apiTokens.id, params.id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, params.unlessAfter)),
      ),
    );
}

/** The org's tokens not revoked, newest first; only `userId`'s when given. */
export async function listApiTokens(
  db: Database,
  params: { orgId: string; userId: string | null },
): Promise<ListedApiToken[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      prefix: apiTokens.prefix,
      ownerId: apiTokens.userId,
      ownerName: users.name,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.orgId, apiTokens.orgId), eq(users.id, apiTokens.userId)))
    .where(
      and(
        eq(apiTokens.orgId, params.orgId),
        isNull(apiTokens.revokedAt),
        params.userId ? eq(apiTokens.userId, params.userId) : undefined,
      ),
    )
    .orderBy(desc(apiTokens.createdAt), apiTokens.id);
}

/**
 * Revokes a live token of the org (only `userId`'s when given). Returns what was revoked, or null
 * when there is no such live token, so the caller answers 404 alike for "absent" and "not yours".
 */
export async function revokeApiToken(
  db: Database,
  params: { orgId: string; id: string; userId: string | null; at: Date },
): Promise<{ id: string; name: string; userId: string } | null> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: params.at })
    .where(
      and(
        eq(apiTokens.orgId, params.orgId),
        eq(apiTokens.id, params.id),
        isNull(apiTokens.revokedAt),
        params.userId ? eq(apiTokens.userId, params.userId) : undefined,
      ),
    )
    .returning({ id: apiTokens.id, name: apiTokens.name, userId: apiTokens.userId });
  return row ?? null;
}
