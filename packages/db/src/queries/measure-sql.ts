import {
  baseMeasureKey,
  BUILT_IN_METRICS,
  type ActivityFilter,
  type BaseMeasure,
  type OpportunityFilter,
  type StageChangeFilter,
} from '@rightly/core';
import { sql, type SQL } from 'drizzle-orm';
import type { RollupScope } from './rep-day-rollups';

/**
 * Where each built-in base measure lives in the wide rollup tables. A custom metric whose parts
 * match a built-in (same source, aggregate and filters) reads these columns too.
 */
const BUILT_IN_COLUMNS: Record<string, { table: 'activity' | 'pipeline'; column: string }> = {
  first_meetings_held: { table: 'activity', column: 'first_meetings_held' },
  second_meetings_held: { table: 'activity', column: 'second_meetings_held' },
  meetings_held: { table: 'activity', column: 'meetings_held' },
  prospecting_meetings_booked: { table: 'activity', column: 'prospecting_meetings_booked' },
  prospecting_touches: { table: 'activity', column: 'prospecting_touches' },
  prospecting_phone_touches: { table: 'activity', column: 'prospecting_phone' },
  calls_made: { table: 'activity', column: 'calls' },
  emails_sent: { table: 'activity', column: 'emails' },
  activities_logged: { table: 'activity', column: 'activities' },
  new_opportunities: { table: 'pipeline', column: 'opportunities_created' },
  pipeline_created: { table: 'pipeline', column: 'pipeline_created' },
  strategic_pipeline_created: { table: 'pipeline', column: 'strategic_pipeline_created' },
  deals_won: { table: 'pipeline', column: 'deals_won' },
  won_value: { table: 'pipeline', column: 'won_value' },
  deals_lost: { table: 'pipeline', column: 'deals_lost' },
  won_cycle_days: { table: 'pipeline', column: 'won_cycle_days' },
  stage_advances: { table: 'pipeline', column: 'stage_advances' },
};

export interface RollupColumn {
  table: 'activity' | 'pipeline';
  column: string;
}

/** Base-measure key → rollup column, for every built-in base metric. */
export const ROLLUP_COLUMNS: ReadonlyMap<string, RollupColumn> = new Map(
  BUILT_IN_METRICS.flatMap((metric) => {
    const column = BUILT_IN_COLUMNS[metric.key];
    if (!column || metric.definition?.type !== 'base') return [];
    return [[baseMeasureKey(metric.definition.measure), column] as const];
  }),
);

type AnyFilter = ActivityFilter | OpportunityFilter | StageChangeFilter;

/**
 * One filter as a SQL condition. Field names come from a fixed map, never from the user; values
 * travel as parameters. The null rules match core's `valuePasses`.
 */
function condition(filter: AnyFilter, columns: Record<string, SQL>): SQL {
  const column = columns[filter.field];
  if (!column) throw new RangeError(`No column for filter field ${filter.field}`);
  const { op, value } = filter;
  if (typeof value === 'boolean') return sql`(${column}) = ${value}`;
  if (typeof value === 'number') {
    const comparator = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' }[op as 'eq'];
    if (op === 'neq') return sql`(${column}) is distinct from ${value}`;
    return sql`(${column}) ${sql.raw(comparator)} ${value}`;
  }
  const list = Array.isArray(value) ? value.map(String) : [String(value)];
  if (op === 'eq' || op === 'in') return sql`(${column})::text = any(${sql.param(list)}::text[])`;
  return sql`coalesce((${column})::text <> all(${sql.param(list)}::text[]), true)`;
}

const where = (filters: readonly AnyFilter[], columns: Record<string, SQL>): SQL =>
  filters.length === 0
    ? sql`true`
    : sql.join(
        filters.map((f) => condition(f, columns)),
        sql` and `,
      );

/**
 * A base measure as a query over the raw tables yielding (rep_id, day, value) per rep and local
 * day: the statement that materialises a custom measure.
 */
export function compileBaseMeasure(
  measure: BaseMeasure,
  params: { orgId: string; timeZone: string; scope?: RollupScope },
): SQL {
  const tz = params.timeZone;
  const inScope = (rep: SQL, instant: SQL) => (params.scope ? params.scope.source(rep, instant) : sql``);
  if (measure.source === 'activities') {
    const columns = {
      type: sql`a.type`,
      channel: sql`a.channel`,
      outcome: sql`a.outcome`,
      prospecting: sql`a.prospecting`,
      meeting_number: sql`a.meeting_number`,
      duration_seconds: sql`a.duration_seconds`,
    };
    const value = measure.aggregate === 'count' ? sql`count(*)` : sql`coalesce(sum(a.duration_seconds), 0)`;
    return sql`select a.rep_id, (a.occurred_at at time zone ${tz})::date as day, ${value} as value
                 from activities a
                where a.org_id = ${params.orgId} and ${where(measure.filters, columns)}
                      ${inScope(sql`a.rep_id`, sql`a.occurred_at`)}
                group by 1, 2`;
  }
  if (measure.source === 'stage_changes') {
    const columns = {
      stage: sql`c.stage`,
      status: sql`c.status`,
      advance: sql`(c.status = 'open' and c.rn > 1)`,
    };
    return sql`select o.rep_id, (c.changed_at at time zone ${tz})::date as day, count(*) as value
                 from (select c.*, row_number() over (partition by c.opportunity_id order by c.changed_at, c.id) as rn
                         from opportunity_stage_changes c where c.org_id = ${params.orgId}) c
                 join opportunities o on o.org_id = c.org_id and o.id = c.opportunity_id
                where ${where(measure.filters, columns)} ${inScope(sql`o.rep_id`, sql`c.changed_at`)}
                group by 1, 2`;
  }
  const columns = {
    offering: sql`o.offering_id`,
    strategic: sql`coalesce(f.strategic_weight, 0) > 0`,
    stage: sql`o.stage`,
    status: sql`o.status`,
    amount: sql`o.amount`,
  };
  const created = sql`(o.created_at at time zone ${tz})::date`;
  const closed = sql`(o.closed_at at time zone ${tz})::date`;
  const eventDay = measure.event === 'created' ? created : closed;
  const eventCondition =
    measure.event === 'created'
      ? sql`true`
      : measure.event === 'closed'
        ? sql`o.status <> 'open' and o.closed_at is not null`
        : sql`o.status = ${measure.event} and o.closed_at is not null`;
  const field = measure.field ?? 'amount';
  const summed =
    field === 'amount'
      ? sql`o.amount`
      : field === 'strategic_amount'
        ? sql`o.amount * coalesce(f.strategic_weight, 0)`
        : sql`case when o.status <> 'open' and o.closed_at is not null then ${closed} - ${created} else 0 end`;
  const value = measure.aggregate === 'count' ? sql`count(*)` : sql`coalesce(sum(${summed}), 0)`;
  return sql`select o.rep_id, ${eventDay} as day, ${value} as value
               from opportunities o
               left join offerings f on f.org_id = o.org_id and f.id = o.offering_id
              where o.org_id = ${params.orgId} and ${eventCondition} and ${where(measure.filters, columns)}
                    ${inScope(sql`o.rep_id`, measure.event === 'created' ? sql`o.created_at` : sql`o.closed_at`)}
              group by 1, 2`;
}
