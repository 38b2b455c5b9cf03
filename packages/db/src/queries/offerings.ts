import { eq } from 'drizzle-orm';
import type { Database } from '../database';
import { offerings } from '../schema/index';

export async function listOfferings(
  db: Database,
  params: { orgId: string },
): Promise<{ id: string; name: string; strategicWeight: number }[]> {
  return db
    .select({ id: offerings.id, name: offerings.name, strategicWeight: offerings.strategicWeight })
    .from(offerings)
    .where(eq(offerings.orgId, params.orgId))
    .orderBy(offerings.name);
}
