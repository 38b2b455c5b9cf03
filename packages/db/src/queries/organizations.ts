import { eq } from 'drizzle-orm';
import type { Database } from '../database';
import { organizations } from '../schema/index';

export type Organization = typeof organizations.$inferSelect;

export async function findOrganization(db: Database, params: { orgId: string }): Promise<Organization | null> {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, params.orgId));
  return org ?? null;
}

export async function listOrganizations(db: Database): Promise<Organization[]> {
  return db.select().from(organizations).orderBy(organizations.createdAt);
}
