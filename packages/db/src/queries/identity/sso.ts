import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../../database';
import { ssoLoginStates, ssoSettings, users } from '../../schema/index';

export type StoredSsoSettings = typeof ssoSettings.$inferSelect;
export type NewSsoSettings = Omit<typeof ssoSettings.$inferInsert, 'updatedAt'> & { updatedAt: Date };
export type SsoLoginState = typeof ssoLoginStates.$inferSelect;

export async function findSsoSettings(db: Database, params: { orgId: string }): Promise<StoredSsoSettings | null> {
  const [row] = await db.select().from(ssoSettings).where(eq(ssoSettings.orgId, params.orgId));
  return row ?? null;
}

export async function saveSsoSettings(db: Database, settings: NewSsoSettings): Promise<void> {
  const { orgId: _orgId, ...changes } = settings;
  await db.insert(ssoSettings).values(settings).onConflictDoUpdate({ target: ssoSettings.orgId, set: changes });
}

/**
 * CROSS-ORG LOOKUP (sign-in, before any org is known): the orgs whose enabled SSO applies to an
 * e-mail. When a user with the e-mail exists, only their own org can apply (an e-mail belongs to
 * one org); otherwise every org that lists the e-mail's domain. The only query of the SSO slice
 * that is not scoped to one org: with row-level security it becomes a SECURITY DEFINER function.
 */
export async function findSsoOrgsForEmail(db: Database, params: { email: string; domain: string }): Promise<string[]> {
  const email = params.email.toLowerCase();
  const owner = db.select({ orgId: users.orgId }).from(users).where(eq(users.email, email));
  const rows = await db
    .select({ orgId: ssoSettings.orgId })
    .from(ssoSettings)
    .where(
      and(
        eq(ssoSettings.enabled, true),
        sql`case when exists (${owner}) then ${ssoSettings.orgId} in (${owner})
                 else ${params.domain.toLowerCase()} = any(${ssoSettings.allowedDomains}) end`,
      ),
    );
  return rows.map((row) => row.orgId);
}

/** Stores a sign-in under way, and drops the org's abandoned ones so the table stays small. */
export async function insertSsoLoginState(db: Database, state: SsoLoginState & { now: Date }): Promise<void> {
  const { now, ...row } = state;
  await db.delete(ssoLoginStates).where(and(eq(ssoLoginStates.orgId, row.orgId), lt(ssoLoginStates.expiresAt, now)));
  await db.insert(ssoLoginStates).values(row);
}

/** Removes and returns a sign-in under way: a state can be used once, so a replay finds nothing. */
export async function takeSsoLoginState(
  db: Database,
  params: { orgId: string; id: string },
): Promise<SsoLoginState | null> {
  const [row] = await db
    .delete(ssoLoginStates)
    .where(and(eq(ssoLoginStates.orgId, params.orgId), eq(ssoLoginStates.id, params.id)))
    .returning();
  return row ?? null;
}
