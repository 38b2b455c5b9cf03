import { listOrganizations } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { seedDemoOrg, type SeedDemoOrgResult } from './seed-demo-org';

/**
 * First start on an empty database seeds the demo, so `npm start` opens on data. A database with
 * any organization in it is left alone.
 */
export async function seedDemoIfEmpty(deps: ServiceDeps): Promise<SeedDemoOrgResult | null> {
  const orgs = await listOrganizations(deps.db);
  if (orgs.length > 0) return null;
  return seedDemoOrg(deps);
}
