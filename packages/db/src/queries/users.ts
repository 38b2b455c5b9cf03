import { and, eq } from 'drizzle-orm';
import type { Database } from '../database';
import { users } from '../schema/index';

export type User = typeof users.$inferSelect;

/** Sign-in looks across orgs: an e-mail belongs to exactly one user (unique index). */
export async function findUserByEmail(db: Database, params: { email: string }): Promise<User | null> {
  const [user] = await db.select().from(users).where(eq(users.email, params.email.toLowerCase()));
  return user ?? null;
}

export async function findUser(db: Database, params: { orgId: string; userId: string }): Promise<User | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, params.orgId), eq(users.id, params.userId)));
  return user ?? null;
}
