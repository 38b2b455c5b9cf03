import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../database';
import { queryRows } from '../query-rows';
import { activities } from '../schema/index';
import { insertInChunks } from './bulk-insert';

/**
 * The definition of a prospecting touch, in one place: a call, e-mail or social touch made
 * before any opportunity with its account existed. A touch on no account at all counts too:
 * nothing is open with anyone yet. `row` is an activities row (table alias or incoming row).
 */
export function prospectingExpression(row: SQL): SQL {
  // coalesce: a missing channel must read as "not social", not as an unknown that nulls the result.
  return sql`coalesce((${row}.type in ('call', 'email') or (${row}.type = 'other' and ${row}.channel = 'social'))
    and not exists (
      select 1 from opportunities o
       where o.org_id = ${row}.org_id
         and o.account_id = ${row}.account_id
         and o.created_at <= ${row}.occurred_at), false)`;
}

/**
 * Inserts activities with `prospecting` computed as they land (writing a row once costs far less
 * than writing it and updating it). Meeting numbers still need `refreshActivityFacts`, because
 * they rank a row among its neighbours.
 */
export async function insertActivities(db: Database, rows: readonly (typeof activities.$inferInsert)[]): Promise<void> {
  await insertInChunks(db, activities, rows, {
    computed: [{ column: activities.prospecting, expression: prospectingExpression }],
  });
}

export interface RefreshActivityFactsParams {
  orgId: string;
  /**
   * Only the activities on these accounts (an import passes the accounts it touched). Both facts
   * depend on nothing outside a row's account, so this is exact; omitted, the whole org is done.
   */
  accountIds?: readonly string[];
  /**
   * Only one of the two facts. New activities get `prospecting` as they are inserted and it
   * depends on opportunities only, so an import of activities needs just the meeting numbers.
   */
  only?: 'prospecting' | 'meetingNumber';
}

/** Which rows a refresh rewrote, so their reps' daily rollups can be rebuilt. */
export interface ActivityFactsChange {
  changed: number;
  repIds: string[];
  from: Date | null;
  to: Date | null;
}

/**
 * Recomputes the derived facts of an org's activities, in the database and in two set-based
 * statements (no row-by-row work in Node):
 * - `prospecting` (see `prospectingExpression`), which changes when an opportunity arrives late;
 * - `meeting_number`: the rank of a held meeting among the rep's held meetings with that account.
 * Both only change rows whose value differs, so re-running after an unchanged import writes nothing.
 */
export async function refreshActivityFacts(
  db: Database,
  params: RefreshActivityFactsParams,
): Promise<ActivityFactsChange> {
  if (params.accountIds && params.accountIds.length === 0) return { changed: 0, repIds: [], from: null, to: null };
  // `in (select unnest(…))` is a hashed semi-join; `= any($1)` would compare every row with every
  // id of a parameter array (an import may touch tens of thousands of accounts).
  const onAccounts = params.accountIds
    ? sql`and x.account_id in (select unnest(${sql.param([...params.accountIds])}::text[]::uuid[]))`
    : sql``;
  const none: ActivityFactsChange = { changed: 0, repIds: [], from: null, to: null };
  const prospecting =
    params.only === 'meetingNumber'
      ? none
      : await summarize(
          db,
          sql`update activities a
       set prospecting = f.prospecting
      from (
        select x.org_id, x.id, ${prospectingExpression(sql`x`)} as prospecting
          from activities x
         where x.org_id = ${params.orgId} ${onAccounts}
      ) f
     where a.org_id = f.org_id and a.id = f.id and a.prospecting is distinct from f.prospecting
     returning a.rep_id, a.occurred_at`,
        );

  const meetings =
    params.only === 'prospecting'
      ? none
      : await summarize(
          db,
          sql`update activities a
       set meeting_number = r.n
      from (
        select x.org_id, x.id,
               case when x.type = 'meeting' and x.outcome = 'held' and x.account_id is not null
                    then row_number() over (
                      partition by x.org_id, x.rep_id, x.account_id,
                                   (x.type = 'meeting' and x.outcome = 'held' and x.account_id is not null)
                      order by x.occurred_at, x.id)
               end as n
          from activities x
         where x.org_id = ${params.orgId} ${onAccounts}
      ) r
     where a.org_id = r.org_id and a.id = r.id and a.meeting_number is distinct from r.n
     returning a.rep_id, a.occurred_at`,
        );
  const times = [prospecting.from, prospecting.to, meetings.from, meetings.to].filter((t): t is Date => t !== null);
  return {
    changed: prospecting.changed + meetings.changed,
    repIds: [...new Set([...prospecting.repIds, ...meetings.repIds])],
    from: times.length > 0 ? new Date(Math.min(...times.map((t) => t.getTime()))) : null,
    to: times.length > 0 ? new Date(Math.max(...times.map((t) => t.getTime()))) : null,
  };
}

async function summarize(db: Database, update: SQL): Promise<ActivityFactsChange> {
  const [row] = await queryRows<{ changed: number; reps: string[] | null; first: number | null; last: number | null }>(
    db,
    sql`with u as (${update})
        select count(*)::int as changed, (array_agg(distinct rep_id))::text[] as reps,
               (extract(epoch from min(occurred_at)) * 1000)::float8 as first,
               (extract(epoch from max(occurred_at)) * 1000)::float8 as last
          from u`,
  );
  return {
    changed: row?.changed ?? 0,
    repIds: row?.reps ?? [],
    from: row?.first !== null && row?.first !== undefined ? new Date(row.first) : null,
    to: row?.last !== null && row?.last !== undefined ? new Date(row.last) : null,
  };
}
