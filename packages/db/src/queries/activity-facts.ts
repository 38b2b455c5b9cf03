import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../database';
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

/**
 * Recomputes the derived facts of an org's activities, in the database and in two set-based
 * statements (no row-by-row work in Node):
 * - `prospecting` (see `prospectingExpression`), which changes when an opportunity arrives late;
 * - `meeting_number`: the rank of a held meeting among the rep's held meetings with that account.
 * Both only change rows whose value differs, so re-running after an unchanged import writes nothing.
 */
export async function refreshActivityFacts(db: Database, params: { orgId: string }): Promise<void> {
  await db.execute(sql`
    update activities a
       set prospecting = f.prospecting
      from (
        select x.org_id, x.id, ${prospectingExpression(sql`x`)} as prospecting
          from activities x
         where x.org_id = ${params.orgId}
      ) f
     where a.org_id = f.org_id and a.id = f.id and a.prospecting is distinct from f.prospecting`);

  await db.execute(sql`
    update activities a
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
         where x.org_id = ${params.orgId}
      ) r
     where a.org_id = r.org_id and a.id = r.id and a.meeting_number is distinct from r.n`);
}
