import { AppError, type Viewer } from '@rightly/core';
import { listOrganizations, loadOrgStructure, withOrgScope } from '@rightly/db';
import type { ServiceDeps } from '../deps';

/**
 * The CLI acts as an admin of one organization: the one in the database, or the one named by
 * slug when there are several. It borrows the id of the org's first admin for the records it writes.
 */
export async function systemViewer(deps: ServiceDeps, input: { org?: string | null }): Promise<Viewer> {
  const orgs = await listOrganizations(deps.db);
  const org = input.org
    ? orgs.find((o) => o.slug === input.org || o.id === input.org)
    : orgs.length === 1
      ? orgs[0]
      : undefined;
  if (!org) {
    throw new AppError({
      code: orgs.length === 0 ? 'not_found' : 'validation_failed',
      message:
        orgs.length === 0
          ? 'There is no organization in this database yet. Run `rightly demo` or import one first.'
          : input.org
            ? `There is no organization "${input.org}". Organizations: ${orgs.map((o) => o.slug).join(', ')}.`
            : `This database holds several organizations; choose one with --org (${orgs.map((o) => o.slug).join(', ')}).`,
      issues: [{ field: '--org', message: 'choose an organization' }],
    });
  }
  const structure = await withOrgScope({ orgId: org.id }, () => loadOrgStructure(deps.db, { orgId: org.id }));
  const admin = structure.users.find((u) => u.role === 'admin' && u.active);
  return { orgId: org.id, userId: admin?.id ?? '00000000-0000-0000-0000-000000000000', role: 'admin' };
}
