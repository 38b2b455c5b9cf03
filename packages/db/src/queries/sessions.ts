import { and, eq, lt, or } from 'drizzle-orm';
import type { Database } from '../database';
import { sessions } from '../schema/index';

export type Session = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;

export async function insertSession(db: Database, session: NewSession): Promise<void> {
  await db.insert(sessions).values(session);
}

export async function findSession(db: Database, params: { orgId: string; id: string }): Promise<Session | null> {
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.orgId, params.orgId), eq(sessions.id, params.id)));
  return session ?? null;
}

export async function touchSession(
  db: Database,
  params: { orgId: string; id: string; lastSeenAt: Date },
): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: params.lastSeenAt })
    .where(and(eq(sessions.orgId, params.orgId), eq(sessions.id, params.id)));
}

export async function deleteSession(db: Database, params: { orgId: string; id: string }): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.orgId, params.orgId), eq(sessions.id, params.id)));
}

/** Removes an org's sessions that ended by either limit; called on sign-in, so the table stays small. */
export async function deleteEndedSessions(
  db: Database,
  params: { orgId: string; now: Date; idleBefore: Date },
): Promise<void> {
  await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.orgId, params.orgId),
        or(lt(sessions.expiresAt, params.now), lt(sessions.lastSeenAt, params.idleBefore)),
      ),
    );
}
