import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { UserRole } from '@rightly/core';
import type { Database } from '../../database';
import { sessions, teamMemberships, users } from '../../schema/index';

export interface OrgUserRow {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  active: boolean;
  hasPassword: boolean;
  createdAt: Date;
  deactivatedAt: Date | null;
}

/** Every user of the org, deactivated ones included; never the password hash itself. */
export async function listOrgUsers(db: Database, params: { orgId: string }): Promise<OrgUserRow[]> {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      createdAt: users.createdAt,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(eq(users.orgId, params.orgId))
    .orderBy(asc(users.name), asc(users.email));
}

export async function updateUserProfile(
  db: Database,
  params: { orgId: string; userId: string; name?: string | undefined; role?: UserRole | undefined },
): Promise<void> {
  const set: { name?: string; role?: UserRole } = {};
  if (params.name !== undefined) set.name = params.name;
  if (params.role !== undefined) set.role = params.role;
  if (Object.keys(set).length === 0) return;
  await db
    .update(users)
    .set(set)
    .where(and(eq(users.orgId, params.orgId), eq(users.id, params.userId)));
}

/**
 * Deactivates or reactivates a user. Deactivation also deletes their sessions (they are signed
 * out everywhere at once); the user row and everything they did stay.
 */
export async function setUserActive(
  db: Database,
  params: { orgId: string; userId: string; active: boolean; at: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ active: params.active, deactivatedAt: params.active ? null : params.at })
      .where(and(eq(users.orgId, params.orgId), eq(users.id, params.userId)));
    if (!params.active) {
      await tx.delete(sessions).where(and(eq(sessions.orgId, params.orgId), eq(sessions.userId, params.userId)));
    }
  });
}

/**
 * Runs `fn` in a transaction holding row locks on the org's active admins, and hands it their
 * ids. Two admins demoting each other at the same moment are serialised, so the second one sees
 * the first change and the org never loses its last admin.
 */
export async function withActiveAdminsLocked<T>(
  db: Database,
  params: { orgId: string },
  fn: (tx: Database, activeAdminIds: string[]) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, params.orgId), eq(users.role, 'admin'), eq(users.active, true)))
      .for('update');
    return fn(
      tx as unknown as Database,
      rows.map((r) => r.id),
    );
  });
}

/**
 * Puts the user in `teamId` (or in no team for null), closing their current membership so the
 * history keeps where they were. A membership opened at this very instant is replaced instead of
 * closed: it lasted no time and a zero-length range is not history.
 */
export async function moveMembership(
  db: Database,
  params: { orgId: string; userId: string; teamId: string | null; at: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(teamMemberships)
      .where(
        and(
          eq(teamMemberships.orgId, params.orgId),
          eq(teamMemberships.userId, params.userId),
          isNull(teamMemberships.validTo),
        ),
      )
      .for('update');
    if (current?.teamId === params.teamId) return;
    if (current) {
      const key = and(eq(teamMemberships.orgId, params.orgId), eq(teamMemberships.id, current.id));
      if (current.validFrom.getTime() >= params.at.getTime()) await tx.delete(teamMemberships).where(key);
      else await tx.update(teamMemberships).set({ validTo: params.at }).where(key);
    }
    if (params.teamId) {
      await tx.insert(teamMemberships).values({
        orgId: params.orgId,
        id: randomUUID(),
        teamId: params.teamId,
        userId: params.userId,
        validFrom: params.at,
      });
    }
  });
}
