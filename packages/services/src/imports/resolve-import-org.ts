import { AppError } from '@rightly/core';
import { listOrganizations } from '@rightly/db';
import type { ServiceDeps } from '../deps';

/**
 * The organization a command-line import writes to: the one named by slug or name, or the only one
 * in the database. Asking is better than guessing when there are several.
 */
export async function resolveImportOrg(
  deps: ServiceDeps,
  input: { org?: string | undefined },
): Promise<{ id: string; name: string; slug: string; timeZone: string }> {
  const orgs = await listOrganizations(deps.db);
  const wanted = input.org?.trim().toLowerCase();
  const found = wanted
    ? orgs.filter((o) => o.slug.toLowerCase() === wanted || o.name.toLowerCase() === wanted)
    : orgs.length === 1
      ? orgs
      : [];
  const [org] = found;
  if (org && found.length === 1) return { id: org.id, name: org.name, slug: org.slug, timeZone: org.timeZone };
  const list = orgs.map((o) => `${o.slug} (${o.name})`).join(', ');
  if (orgs.length === 0) {
    throw new AppError({
      code: 'not_found',
      message:
        'This database holds no organization to import into. Create one first (`rightly demo` creates the demo).',
    });
  }
  throw new AppError({
    code: wanted ? 'not_found' : 'validation_failed',
    message: wanted
      ? `There is no organization "${input.org ?? ''}". The database holds: ${list}.`
      : `This database holds several organizations (${list}); name one with --org.`,
    issues: [
      {
        field: '--org',
        message: wanted ? 'names no organization' : 'is required when there are several organizations',
      },
    ],
  });
}
