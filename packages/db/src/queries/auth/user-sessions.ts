import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database } from '../../database';
import { sessions } from '../../schema/index';
import type { Session } from '../sessions';

/** One user's stored sessions, oldest first (ended ones included: the caller filters by time). */
export async function listUserSessions(db: Database, params: { orgId: string; userId: string }): Promise<Session[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.orgId, params.orgId), eq(sessions.userId, params.userId)))
    .orderBy(asc(sessions.createdAt), asc(sessions.id));
}

/** Ends every session of a user, or every one but `exceptId`; returns how many were ended. */
export async function deleteUserSessions(
  db: Database,
  params: { orgId: string; userId: string; exceptId?: string },
): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.orgId, params.orgId),
        eq(sessions.userId, params.userId),
        params.exceptId === undefined ? undefined : ne(sessions.id, params.exceptId),
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}
