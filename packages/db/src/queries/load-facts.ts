import type { ActivityFact, Facts, IsoDate, OpportunityFact, StageChangeFact } from '@rightly/core';
import { sql } from 'drizzle-orm';
import type { Database } from '../database';
import { queryRows } from '../query-rows';

/**
 * Raw records as core's in-memory metric evaluation sees them, dated by local day. Used to check
 * the rollups against the definitions and to build forecasts; assessments read the rollups.
 */
export async function loadFacts(
  db: Database,
  params: { orgId: string; timeZone: string; from: IsoDate; to: IsoDate },
): Promise<Facts> {
  const tz = params.timeZone;
  const activities = await queryRows<ActivityFact>(
    db,
    sql`select rep_id as "repId", (occurred_at at time zone ${tz})::date::text as day, type, channel, outcome,
               prospecting, meeting_number as "meetingNumber", duration_seconds as "durationSeconds"
          from activities
         where org_id = ${params.orgId}
           and (occurred_at at time zone ${tz})::date between ${params.from}::date and ${params.to}::date`,
  );
  const opportunities = await loadOpportunityFacts(db, params);
  const stageChanges = await queryRows<StageChangeFact>(
    db,
    sql`select o.rep_id as "repId", (c.changed_at at time zone ${tz})::date::text as day, c.stage, c.status,
               (c.status = 'open' and c.rn > 1) as advance
          from (select c.*, row_number() over (partition by c.opportunity_id order by c.changed_at, c.id) as rn
                  from opportunity_stage_changes c where c.org_id = ${params.orgId}) c
          join opportunities o on o.org_id = c.org_id and o.id = c.opportunity_id
         where (c.changed_at at time zone ${tz})::date between ${params.from}::date and ${params.to}::date`,
  );
  return { activities, opportunities, stageChanges };
}

/** Every opportunity of the org (they are few next to activities), amounts as numbers. */
export async function loadOpportunityFacts(
  db: Database,
  params: { orgId: string; timeZone: string },
): Promise<OpportunityFact[]> {
  const tz = params.timeZone;
  const rows = await queryRows<OpportunityFact & { amount: string | number; strategicWeight: string | number }>(
    db,
    sql`select o.rep_id as "repId", (o.created_at at time zone ${tz})::date::text as "createdDay",
               case when o.status <> 'open' and o.closed_at is not null
                    then (o.closed_at at time zone ${tz})::date::text end as "closedDay",
               o.status, o.amount, coalesce(f.strategic_weight, 0) as "strategicWeight",
               o.offering_id as "offeringId", o.stage
          from opportunities o
          left join offerings f on f.org_id = o.org_id and f.id = o.offering_id
         where o.org_id = ${params.orgId}`,
  );
  return rows.map((r) => ({ ...r, amount: Number(r.amount), strategicWeight: Number(r.strategicWeight) }));
}
