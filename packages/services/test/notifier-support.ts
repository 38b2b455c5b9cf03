import { listOrganizations, loadPreferences } from '@rightly/db';
import { loadOrgReportingContext, type NotifyDeps } from '@rightly/services';
import { planDigests } from '../src/notifications/plan-digests';

/** Plans the digests without sending anything, as an instance does just before it dies. */
export async function planDigestsForTest(deps: NotifyDeps): Promise<number> {
  let planned = 0;
  for (const org of await listOrganizations(deps.db)) {
    const ctx = await loadOrgReportingContext(deps, { orgId: org.id });
    const prefs = await loadPreferences(deps.db, { orgId: org.id, userIds: ctx.structure.users.map((u) => u.id) });
    planned += await planDigests(deps, { ctx, prefs });
  }
  return planned;
}
