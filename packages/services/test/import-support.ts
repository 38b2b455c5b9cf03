import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Viewer } from '@rightly/core';
import { queryRows, users, type Database } from '@rightly/db';
import { runImport, startImport, type ImportActor, type ImportView, type ServiceDeps } from '@rightly/services';
import { eq, sql } from 'drizzle-orm';

export const FIXTURES = fileURLToPath(new URL('../../importers/test/fixtures/', import.meta.url));

/** Starts and runs an import of a fixture file (by path under the fixtures) or of given text. */
export async function importFixture(
  deps: ServiceDeps,
  actor: ImportActor,
  file: string | { name: string; text: string },
  options: Record<string, unknown> = {},
): Promise<ImportView> {
  const bytes = typeof file === 'string' ? statSync(`${FIXTURES}${file}`).size : Buffer.byteLength(file.text);
  const started = await startImport(deps, {
    actor,
    fileName: typeof file === 'string' ? file : file.name,
    fileBytes: bytes,
    options,
    via: 'cli',
  });
  return runImport(deps, {
    orgId: actor.kind === 'user' ? actor.viewer.orgId : actor.orgId,
    importId: started.id,
    file: {
      bytes,
      open: () =>
        typeof file === 'string' ? createReadStream(`${FIXTURES}${file}`) : Readable.from([Buffer.from(file.text)]),
    },
  });
}

export async function viewerByEmail(db: Database, email: string): Promise<Viewer> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  return { orgId: user.orgId, userId: user.id, role: user.role };
}

export interface StoredActivity {
  external_id: string;
  type: string;
  outcome: string | null;
  prospecting: boolean;
  meeting_number: number | null;
  account: string | null;
  rep: string;
}

/** Activities of one source (and optionally one account), as stored, in time order. */
export async function storedActivities(
  db: Database,
  params: { orgId: string; source: string; account?: string },
): Promise<StoredActivity[]> {
  return queryRows<StoredActivity>(
    db,
    sql`select a.external_id, a.type::text, a.outcome::text, a.prospecting, a.meeting_number, acc.name as account, u.name as rep
          from activities a
          join users u on u.org_id = a.org_id and u.id = a.rep_id
          left join accounts acc on acc.org_id = a.org_id and acc.id = a.account_id
         where a.org_id = ${params.orgId} and a.source = ${params.source}
           ${params.account ? sql`and acc.name = ${params.account}` : sql``}
         order by a.occurred_at, a.external_id`,
  );
}

/** The rollup row of a rep's day, straight from the table. */
export async function rollupOf(db: Database, params: { orgId: string; repName: string; day: string }) {
  const [row] = await queryRows<{
    activities: number;
    calls: number;
    meetings_held: number;
    first_meetings_held: number;
    second_meetings_held: number;
    prospecting_touches: number;
  }>(
    db,
    sql`select r.activities, r.calls, r.meetings_held, r.first_meetings_held, r.second_meetings_held, r.prospecting_touches
          from rep_day_rollups r join users u on u.org_id = r.org_id and u.id = r.rep_id
         where r.org_id = ${params.orgId} and u.name = ${params.repName} and r.day = ${params.day}::date`,
  );
  return row ?? null;
}

/**
 * The rollups as a full rebuild would compute them, for the rows the import left: the scoped
 * refresh must agree with it exactly.
 */
export async function rollupsMatchFullRebuild(
  db: Database,
  params: { orgId: string; timeZone: string },
): Promise<boolean> {
  const [diff] = await queryRows<{ n: number }>(
    db,
    sql`with expected as (
          select rep_id, (occurred_at at time zone ${params.timeZone})::date as day, count(*)::int as activities,
                 (count(*) filter (where meeting_number = 1))::int as first_meetings,
                 (count(*) filter (where prospecting))::int as prospecting
            from activities where org_id = ${params.orgId} group by 1, 2
        ), actual as (
          select rep_id, day, activities, first_meetings_held as first_meetings, prospecting_touches as prospecting
            from rep_day_rollups where org_id = ${params.orgId} and activities > 0
        )
        select count(*)::int as n from (
          (select * from expected except select * from actual) union all (select * from actual except select * from expected)
        ) d`,
  );
  return diff?.n === 0;
}
