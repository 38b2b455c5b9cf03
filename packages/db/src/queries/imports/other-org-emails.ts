import { sql } from 'drizzle-orm';
import { queryRows } from '../../query-rows';
import type { Database } from '../../database';
import { users } from '../../schema/index';

/**
 * Of these e-mails, the ones a user of another organization signs in with (e-mails are unique
 * across orgs). A cross-org read, so through `rightly_emails_of_other_orgs()`, which answers only that.
 */
export async function findEmailsOfOtherOrgs(
  db: Database,
  params: { orgId: string; emails: readonly string[] },
): Promise<Set<string>> {
  if (params.emails.length === 0) return new Set();
  const rows = await queryRows<{ email: string }>(
    db,
    sql`select email from rightly_emails_of_other_orgs(${params.orgId}::uuid, ${sql.param([...params.emails])}::text[]) as email`,
  );
  return new Set(rows.map((r) => r.email));
}

/** Creates reps for owners an import named and the user chose to create (no password: they sign in once invited). */
export async function insertImportedOwners(
  db: Database,
  params: { orgId: string; owners: readonly { id: string; name: string; email: string }[]; now: Date },
): Promise<void> {
  if (params.owners.length === 0) return;
  await db.insert(users).values(
    params.owners.map((o) => ({
      orgId: params.orgId,
      id: o.id,
      email: o.email,
      name: o.name,
      role: 'rep' as const,
      passwordHash: null,
      createdAt: params.now,
    })),
  );
}
