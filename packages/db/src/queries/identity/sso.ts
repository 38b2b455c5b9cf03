import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../../database';
import { queryRows } from '../../query-rows';
import { ssoLoginStates, ssoSettings } from '../../schema/index';

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
 * that is not scoped to one org, so it goes through `rightly_sso_orgs_for_email()`, which
 * row-level security lets read `users` and `sso_settings` across orgs for this one question.
 */
export async function findSsoOrgsForEmail(db: Database, params: { email: string; domain: string }): Promise<string[]> {
  const rows = await queryRows<{ org_id: string }>(
    db,
    sql`select org_id from rightly_sso_orgs_for_email(${params.email.toLowerCase()}, ${params.domain.toLowerCase()}) as org_id`,
  );
  return rows.map((row) => row.org_id);
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
