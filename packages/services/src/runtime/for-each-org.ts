import { listOrganizations, withOrgScope, type Organization } from '@rightly/db';
import type { ServiceDeps } from '../deps';

/**
 * Background work that concerns every org (reminder rounds, import recovery) runs org by org,
 * each inside that org's scope: under row-level security a query sees only the scoped org's rows,
 * so one org's round can never read or write another's.
 */
export async function forEachOrg(deps: ServiceDeps, work: (org: Organization) => Promise<void>): Promise<void> {
  for (const org of await listOrganizations(deps.db)) {
    await withOrgScope({ orgId: org.id }, () => work(org));
  }
}
