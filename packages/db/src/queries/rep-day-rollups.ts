import { addDays, startOfLocalDay, type IsoDate } from '@rightly/core';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../database';
import { refreshCustomMeasureRollups } from './custom-measures';
import { refreshMonthRollups } from './month-rollups';
import { refreshPipelineRollups } from './pipeline-rollups';

export interface RefreshRollupsParams {
  orgId: string;
  /** IANA zone of the org: a day is a day on the org's wall clock. */
  timeZone: string;
  /** Only these reps (an import passes the ones it touched); omitted, every rep of the org. */
  repIds?: readonly string[];
  /** Only the days from … to (local dates, inclusive); omitted, every day. */
  from?: IsoDate;
  to?: IsoDate;
}

/** The part of an org a refresh rebuilds, as SQL conditions for rollup rows and for source rows. */
export interface RollupScope {
  /** For rollup tables (`rep_id`, `day` columns). */
  rollupRows: SQL;
  /** For a source row: its rep column and its instant column are in scope. */
  source: (repColumn: SQL, instantColumn: SQL) => SQL;
}

export function rollupScope(params: RefreshRollupsParams): RollupScope {
  const reps = params.repIds ? sql.param([...params.repIds]) : null;
  const from = params.from ? startOfLocalDay(params.from, params.timeZone).toISOString() : null;
  const to = params.to ? startOfLocalDay(addDays(params.to, 1), params.timeZone).toISOString() : null;
  return {
    rollupRows: sql`${reps ? sql`and rep_id in (select unnest(${reps}::text[]::uuid[]))` : sql``}
      ${params.from ? sql`and day >= ${params.from}::date` : sql``}
      ${params.to ? sql`and day <= ${params.to}::date` : sql``}`,
    // The span as instants, so source scans can use their (rep, instant) indexes.
    source: (
      repColumn,
      instantColumn,
    ) => sql`${reps ? sql`and ${repColumn} in (select unnest(${reps}::text[]::uuid[]))` : sql``}
      ${from ? sql`and ${instantColumn} >= ${from}::timestamptz` : sql``}
      ${to ? sql`and ${instantColumn} < ${to}::timestamptz` : sql``}`,
  };
}

/**
 * Rebuilds an org's per-rep, per-day rollups (activities, pipeline events, the base measures of
 * its custom metrics) and the month sums of the first two from the raw records, set-based, inside the caller's transaction, so readers
 * never see a half-built day. With `repIds` and `from`/`to` only that part is rebuilt (an import
 * passes what it touched); without, everything. Bumps the org's data version, which tells caches
 * of derived data on every instance that they are stale. Call it after writing activities or
 * opportunities.
 */
export async function refreshRepDayRollups(db: Database, params: RefreshRollupsParams): Promise<void> {
  if (params.repIds && params.repIds.length === 0) return;
  const scope = rollupScope(params);
  await refreshActivityRollups(db, params, scope);
  await refreshPipelineRollups(db, params, scope);
  await refreshMonthRollups(db, params);
  await refreshCustomMeasureRollups(db, { ...params, scope });
  await db.execute(sql`update organizations set data_version = data_version + 1 where id = ${params.orgId}`);
}

async function refreshActivityRollups(db: Database, params: RefreshRollupsParams, scope: RollupScope): Promise<void> {
  await db.execute(sql`delete from rep_day_rollups where org_id = ${params.orgId} ${scope.rollupRows}`);
  await db.execute(sql`
    insert into rep_day_rollups (
      org_id, rep_id, day, activities, calls, emails, meetings_held, first_meetings_held,
      second_meetings_held, meetings_booked, prospecting_meetings_booked, prospecting_touches,
      prospecting_phone, prospecting_email)
    select org_id, rep_id, (occurred_at at time zone ${params.timeZone})::date,
           count(*),
           count(*) filter (where type = 'call'),
           count(*) filter (where type = 'email'),
           count(*) filter (where type = 'meeting' and outcome = 'held'),
           count(*) filter (where meeting_number = 1),
           count(*) filter (where meeting_number = 2),
           count(*) filter (where outcome = 'meeting_booked'),
           count(*) filter (where prospecting and outcome = 'meeting_booked'),
           count(*) filter (where prospecting),
           count(*) filter (where prospecting and channel = 'phone'),
           count(*) filter (where prospecting and channel = 'email')
      from activities
     where org_id = ${params.orgId} ${scope.source(sql`rep_id`, sql`occurred_at`)}
     group by 1, 2, 3`);
}
