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
  }>(
    db,
    sql`select o.id, o.rep_id as "repId", o.amount, (o.created_at at time zone ${tz})::date::text as "createdDay",
               case when o.status <> 'open' and o.closed_at is not null
                    then (o.closed_at at time zone ${tz})::date::text end as "closedDay",
               o.status
          from opportunities o
         where o.org_id = ${params.orgId}`,
  );
  // Stage history in one ordered scan, assembled here: cheaper than aggregating JSON per opportunity.
  const changes = await queryRows<{ opportunityId: string; day: string; stage: string }>(
    db,
    sql`select c.opportunity_id as "opportunityId", (c.changed_at at time zone ${tz})::date::text as day, c.stage
          from opportunity_stage_changes c
         where c.org_id = ${params.orgId}
         order by c.opportunity_id, c.changed_at, c.id`,
  );
  const stagesOf = new Map<string, { day: string; stage: string }[]>();
  for (const c of changes) {
    const list = stagesOf.get(c.opportunityId) ?? [];
    list.push({ day: c.day, stage: c.stage });
    stagesOf.set(c.opportunityId, list);
  }
  // The first opportunity opened with the account after each first meeting: one hash join.
  const firstMeetings = await queryRows<{ repId: string; day: string; convertedDay: string | null }>(
    db,
    sql`select a.rep_id as "repId", (a.occurred_at at time zone ${tz})::date::text as day,
               min((o.created_at at time zone ${tz})::date)::text as "convertedDay"
          from activities a
          left join opportunities o
            on o.org_id = a.org_id and o.account_id = a.account_id and o.rep_id = a.rep_id and o.created_at >= a.occurred_at
         where a.org_id = ${params.orgId} and a.meeting_number = 1
         group by a.id, a.rep_id, a.occurred_at`,
  );
  return {
    opportunities: opportunities.map((o) => ({
      id: o.id,
      repId: o.repId,
      amount: Number(o.amount),
      createdDay: o.createdDay,
      closedDay: o.closedDay,
      status: o.status,
      stageChanges: stagesOf.get(o.id) ?? [],
    })),
    firstMeetings,
  };
}
