import { sql } from 'drizzle-orm';
import type { Database } from '../database';
import { refreshCustomMeasureRollups } from './custom-measures';
import { refreshPipelineRollups } from './pipeline-rollups';

export interface RefreshRollupsParams {
  orgId: string;
  /** IANA zone of the org: a day is a day on the org's wall clock. */
  timeZone: string;
}

/**
 * Rebuilds all of an org's per-rep, per-day rollups (activities, pipeline events, the base
 * measures of its custom metrics) from the raw records, set-based, inside the caller's
 * transaction, so readers never see a half-built day. Call it after writing activities or
 * opportunities.
 */
export async function refreshRepDayRollups(db: Database, params: RefreshRollupsParams): Promise<void> {
  await refreshActivityRollups(db, params);
  await refreshPipelineRollups(db, params);
  await refreshCustomMeasureRollups(db, params);
  await db.execute(sql`update organizations set data_version = data_version + 1 where id = ${params.orgId}`);
}

async function refreshActivityRollups(db: Database, params: RefreshRollupsParams): Promise<void> {
  await db.execute(sql`delete from rep_day_rollups where org_id = ${params.orgId}`);
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
     where org_id = ${params.orgId}
     group by 1, 2, 3`);
}
