import type { ForecastData, ForecastOpportunity } from '@rightly/core';
import { sql } from 'drizzle-orm';
import type { Database } from '../database';
import { queryRows } from '../query-rows';

/**
 * Everything the forecast reads, as local days: every opportunity with its stage history, and
 * every first meeting with the day an opportunity with that account opened after it (if one did).
 * Opportunities are few; first meetings are a small share of activities, found by index.
 */
export async function loadForecastData(
  db: Database,
  params: { orgId: string; timeZone: string },
): Promise<ForecastData> {
  const tz = params.timeZone;
  const opportunities = await queryRows<{
    id: string;
    repId: string;
    amount: string;
    createdDay: string;
    closedDay: string | null;
    status: ForecastOpportunity['status'];
    stages: { day: string; stage: string }[] | null;
  }>(
    db,
    sql`select o.id, o.rep_id as "repId", o.amount, (o.created_at at time zone ${tz})::date::text as "createdDay",
               case when o.status <> 'open' and o.closed_at is not null
                    then (o.closed_at at time zone ${tz})::date::text end as "closedDay",
               o.status,
               (select json_agg(json_build_object('day', (c.changed_at at time zone ${tz})::date::text, 'stage', c.stage)
                                order by c.changed_at, c.id)
                  from opportunity_stage_changes c
                 where c.org_id = o.org_id and c.opportunity_id = o.id) as stages
          from opportunities o
         where o.org_id = ${params.orgId}`,
  );
  const firstMeetings = await queryRows<{ repId: string; day: string; convertedDay: string | null }>(
    db,
    sql`select a.rep_id as "repId", (a.occurred_at at time zone ${tz})::date::text as day,
               (select min((o.created_at at time zone ${tz})::date)::text
                  from opportunities o
                 where o.org_id = a.org_id and o.account_id = a.account_id and o.rep_id = a.rep_id
                   and o.created_at >= a.occurred_at) as "convertedDay"
          from activities a
         where a.org_id = ${params.orgId} and a.meeting_number = 1`,
  );
  return {
    opportunities: opportunities.map((o) => ({
      id: o.id,
      repId: o.repId,
      amount: Number(o.amount),
      createdDay: o.createdDay,
      closedDay: o.closedDay,
      status: o.status,
      stageChanges: typeof o.stages === 'string' ? JSON.parse(o.stages) : (o.stages ?? []),
    })),
    firstMeetings,
  };
}
