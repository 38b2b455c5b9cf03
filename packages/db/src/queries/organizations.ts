import { eq, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { queryTableRows } from '../query-rows';
import { accounts, activities, opportunities, organizations, users } from '../schema/index';

export type Organization = typeof organizations.$inferSelect;

export async function findOrganization(db: Database, params: { orgId: string }): Promise<Organization | null> {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, params.orgId));
  return org ?? null;
}

/**
 * Every organization in the database, oldest first: for the work that walks all orgs (reminder
 * rounds, import recovery) and the CLI's choice of org. One of the few reads that cross orgs, so
 * it goes through the `rightly_list_organizations()` function, which row-level security lets see
 * every org's row (and nothing else).
 */
export async function listOrganizations(db: Database): Promise<Organization[]> {
  return queryTableRows(db, organizations, sql`select * from rightly_list_organizations()`);
}

export interface OrganizationSize {
  users: number;
  accounts: number;
  opportunities: number;
  activities: number;
}

export async function countOrganizationRecords(db: Database, params: { orgId: string }): Promise<OrganizationSize> {
  const [u, a, o, act] = await Promise.all([
    db.$count(users, eq(users.orgId, params.orgId)),
    db.$count(accounts, eq(accounts.orgId, params.orgId)),
    db.$count(opportunities, eq(opportunities.orgId, params.orgId)),
    db.$count(activities, eq(activities.orgId, params.orgId)),
  ]);
  return { users: u, accounts: a, opportunities: o, activities: act };
}

/** The org's data version: changes whenever its activities or opportunities (and rollups) change. */
export async function getDataVersion(db: Database, params: { orgId: string }): Promise<number | null> {
  const [row] = await db
    .select({ version: organizations.dataVersion })
    .from(organizations)
    .where(eq(organizations.id, params.orgId));
  return row?.version ?? null;
}
