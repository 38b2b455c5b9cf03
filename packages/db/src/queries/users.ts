import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { queryTableRows } from '../query-rows';
import { users } from '../schema/index';

export type User = typeof users.$inferSelect;

/**
 * Sign-in (and password reset) looks across orgs: an e-mail belongs to exactly one user (unique
 * index). The one cross-org read of users by e-mail, through `rightly_find_user_by_email()`, which
 * row-level security lets see every org's users. Anything that follows runs in the user's org scope.
 */
export async function findUserByEmail(db: Database, params: { email: string }): Promise<User | null> {
  const [user] = await queryTableRows(
    db,
    users,
    sql`select * from rightly_find_user_by_email(${params.email.toLowerCase()})`,
  );
  return user ?? null;
}

export async function findUser(db: Database, params: { orgId: string; userId: string }): Promise<User | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, params.orgId), eq(users.id, params.userId)));
  return user ?? null;
}
