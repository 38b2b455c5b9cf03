import { addDays, startOfLocalDay, type IsoDate } from '@rightly/core';
import { sql } from 'drizzle-orm';
import type { Database } from '../database';

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

/**
 * Rebuilds an org's per-rep, per-day rollups from its activities in one statement pair, inside
 * the caller's transaction, so readers never see a half-built day.
 */
export async function refreshRepDayRollups(db: Database, params: RefreshRollupsParams): Promise<void> {
  if (params.repIds && params.repIds.length === 0) return;
  const reps = params.repIds
    ? sql`and rep_id in (select unnest(${sql.param([...params.repIds])}::text[]::uuid[]))`
    : sql``;
  const days = sql`${params.from ? sql`and day >= ${params.from}::date` : sql``} ${params.to ? sql`and day <= ${params.to}::date` : sql``}`;
  // The same span as instants, so the activity scan can use its (rep, occurred_at) index.
  const instants = sql`${params.from ? sql`and occurred_at >= ${startOfLocalDay(params.from, params.timeZone).toISOString()}::timestamptz` : sql``} ${
    params.to
      ? sql`and occurred_at < ${startOfLocalDay(addDays(params.to, 1), params.timeZone).toISOString()}::timestamptz`
      : sql``
  }`;
  await db.execute(sql`delete from rep_day_rollups where org_id = ${params.orgId} ${reps} ${days}`);
  await db.execute(sql`
    insert into rep_day_rollups (
      org_id, rep_id, day, activities, calls, emails, meetings_held, first_meetings_held,
      second_meetings_held, meetings_booked, prospecting_touches, prospecting_phone, prospecting_email)
    select org_id, rep_id, (occurred_at at time zone ${params.timeZone})::date,
           count(*),
           count(*) filter (where type = 'call'),
           count(*) filter (where type = 'email'),
           count(*) filter (where type = 'meeting' and outcome = 'held'),
           count(*) filter (where meeting_number = 1),
           count(*) filter (where meeting_number = 2),
           count(*) filter (where outcome = 'meeting_booked'),
           count(*) filter (where prospecting),
           count(*) filter (where prospecting and channel = 'phone'),
           count(*) filter (where prospecting and channel = 'email')
      from activities
     where org_id = ${params.orgId} ${reps} ${instants}
     group by 1, 2, 3`);
}
