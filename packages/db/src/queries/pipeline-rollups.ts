import { sql } from 'drizzle-orm';
import type { Database } from '../database';
import type { RefreshRollupsParams, RollupScope } from './rep-day-rollups';

/**
 * Pipeline events per rep and local day: opportunities opened (count, value, value weighted by
 * the offering's strategic weight), won and lost (by close day; days to win), and stage advances
 * (an open opportunity entering a stage after its first). Each event is dated by its own instant,
 * so a scoped refresh picks the events of the reps and days in scope.
 */
export async function refreshPipelineRollups(
  db: Database,
  params: RefreshRollupsParams,
  scope: RollupScope,
): Promise<void> {
  const tz = params.timeZone;
  await db.execute(sql`delete from rep_day_pipeline_rollups where org_id = ${params.orgId} ${scope.rollupRows}`);
  await db.execute(sql`
    insert into rep_day_pipeline_rollups (
      org_id, rep_id, day, opportunities_created, pipeline_created, strategic_pipeline_created,
      deals_won, won_value, deals_lost, won_cycle_days, stage_advances)
    select ${params.orgId}::uuid, rep_id, day,
           sum(created), sum(created_value), sum(strategic_value),
           sum(won), sum(won_value), sum(lost), sum(won_days), sum(advances)
      from (
        select o.rep_id, (o.created_at at time zone ${tz})::date as day,
               1 as created, o.amount as created_value,
               o.amount * coalesce(f.strategic_weight, 0) as strategic_value,
               0 as won, 0 as won_value, 0 as lost, 0 as won_days, 0 as advances
          from opportunities o
          left join offerings f on f.org_id = o.org_id and f.id = o.offering_id
         where o.org_id = ${params.orgId} ${scope.source(sql`o.rep_id`, sql`o.created_at`)}
        union all
        select o.rep_id, (o.closed_at at time zone ${tz})::date,
               0, 0, 0,
               case when o.status = 'won' then 1 else 0 end,
               case when o.status = 'won' then o.amount else 0 end,
               case when o.status = 'lost' then 1 else 0 end,
               case when o.status = 'won'
                    then (o.closed_at at time zone ${tz})::date - (o.created_at at time zone ${tz})::date
                    else 0 end,
               0
          from opportunities o
         where o.org_id = ${params.orgId} and o.status <> 'open' and o.closed_at is not null
               ${scope.source(sql`o.rep_id`, sql`o.closed_at`)}
        union all
        select o.rep_id, (c.changed_at at time zone ${tz})::date, 0, 0, 0, 0, 0, 0, 0, 1
          from (select c.*, row_number() over (partition by c.opportunity_id order by c.changed_at, c.id) as rn
                  from opportunity_stage_changes c
                 where c.org_id = ${params.orgId}) c
          join opportunities o on o.org_id = c.org_id and o.id = c.opportunity_id
         where c.status = 'open' and c.rn > 1 ${scope.source(sql`o.rep_id`, sql`c.changed_at`)}
      ) events
     group by rep_id, day`);
}
