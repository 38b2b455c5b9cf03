import type { UserRole } from '@rightly/core';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../database';
import { users } from '../../schema/index';
import type { User } from '../users';

/** A user of one org by e-mail; unlike `findUserByEmail`, never looks into other orgs. */
export async function findOrgUserByEmail(db: Database, params: { orgId: string; email: string }): Promise<User | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, params.orgId), eq(users.email, params.email.toLowerCase())));
  return user ?? null;
}

/**
 * Creates a user on their first SSO sign-in (no password). Null when the e-mail is already taken,
 * which can only be by another org (the caller looked in its own first).
 */
export async function insertSsoUser(
  db: Database,
  params: { orgId: string; id: string; email: string; name: string; role: UserRole; createdAt: Date },
): Promise<User | null> {
  const [user] = await db
    .insert(users)
    .values({ ...params, email: params.email.toLowerCase(), passwordHash: null })
    .onConflictDoNothing()
    .returning();
  return user ?? null;
}
