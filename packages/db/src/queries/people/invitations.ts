import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, isNull, TransactionRollbackError } from 'drizzle-orm';
import type { Database } from '../../database';
import { invitations, teamMemberships, users } from '../../schema/index';

export type StoredInvitation = typeof invitations.$inferSelect;
export type NewInvitation = typeof invitations.$inferInsert;

const open = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

export async function insertInvitation(db: Database, row: NewInvitation): Promise<void> {
  await db.insert(invitations).values(row);
}

/** Invitations neither accepted nor revoked, expired ones included, oldest first. */
export async function listOpenInvitations(db: Database, params: { orgId: string }): Promise<StoredInvitation[]> {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, params.orgId), open))
    .orderBy(asc(invitations.createdAt), asc(invitations.email));
}

export async function findOpenInvitationFor(
  db: Database,
  params: { orgId: string; email: string },
): Promise<StoredInvitation | null> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, params.orgId), eq(invitations.email, params.email), open));
  return row ?? null;
}

/** The invitation behind a link: looked up inside the org the link names, by the token's HMAC. */
export async function findInvitationByTokenHash(
  db: Database,
  params: { orgId: string; tokenHash: string },
): Promise<StoredInvitation | null> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, params.orgId), eq(invitations.tokenHash, params.tokenHash)));
  return row ?? null;
}

/** Revokes an open invitation; null when there is none by that id in the org (or it is closed). */
export async function revokeOpenInvitation(
  db: Database,
  params: { orgId: string; id: string; at: Date; by: string },
): Promise<StoredInvitation | null> {
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: params.at, revokedBy: params.by })
    .where(and(eq(invitations.orgId, params.orgId), eq(invitations.id, params.id), open))
    .returning();
  return row ?? null;
}

export interface AcceptInvitationRows {
  orgId: string;
  invitationId: string;
  user: { id: string; email: string; name: string; role: StoredInvitation['role']; passwordHash: string };
  teamId: string | null;
  now: Date;
}

/**
 * Creates the invited user (and their team membership) and closes the invitation, in one
 * transaction. The invitation is claimed by an UPDATE that re-checks it is open and unexpired,
 * so two acceptances racing each other create one user: the loser gets false and nothing stays.
 */
export async function acceptInvitationRows(db: Database, params: AcceptInvitationRows): Promise<boolean> {
  return db
    .transaction(async (tx) => {
      await tx.insert(users).values({
        orgId: params.orgId,
        id: params.user.id,
        email: params.user.email,
        name: params.user.name,
        role: params.user.role,
        passwordHash: params.user.passwordHash,
        active: true,
        createdAt: params.now,
      });
      if (params.teamId) {
        await tx.insert(teamMemberships).values({
          orgId: params.orgId,
          id: randomUUID(),
          teamId: params.teamId,
          userId: params.user.id,
          validFrom: params.now,
        });
      }
      const claimed = await tx
        .update(invitations)
        .set({ acceptedAt: params.now, acceptedUserId: params.user.id })
        .where(
          and(
            eq(invitations.orgId, params.orgId),
            eq(invitations.id, params.invitationId),
            open,
            gt(invitations.expiresAt, params.now),
          ),
        )
        .returning({ id: invitations.id });
      // Claimed by a concurrent acceptance, revoked or expired meanwhile: undo the user too.
      if (claimed.length === 0) tx.rollback();
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof TransactionRollbackError) return false;
      throw error;
    });
}
