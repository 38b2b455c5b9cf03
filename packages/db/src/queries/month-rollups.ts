import { addDays, addMonths, type IsoDate } from '@rightly/core';
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../database';
import { repMonthPipelineRollups, repMonthRollups } from '../schema/index';
import type { RefreshRollupsParams } from './rep-day-rollups';

/** Each month table, the day table it sums, and the columns they share. */
export const MONTH_ROLLUPS = {
  activity: { day: 'rep_day_rollups', month: 'rep_month_rollups', columns: countColumns(repMonthRollups) },
  pipeline: {
    day: 'rep_day_pipeline_rollups',
    month: 'rep_month_pipeline_rollups',
    columns: countColumns(repMonthPipelineRollups),
  },
} as const;

function countColumns(table: typeof repMonthRollups | typeof repMonthPipelineRollups): string[] {
  return Object.values(getTableColumns(table))
    .map((c) => c.name)
    .filter((name) => !['org_id', 'rep_id', 'month'].includes(name));
}

/**
 * Rebuilds the month rows of the reps and months a day refresh touched, from the day rows (all of
 * each touched month's days, not only the refreshed ones). Runs after the day tables are rebuilt,
 * in the same transaction.
 */
export async function refreshMonthRollups(db: Database, params: RefreshRollupsParams): Promise<void> {
  const reps = params.repIds
    ? sql`and rep_id in (select unnest(${sql.param([...params.repIds])}::text[]::uuid[]))`
    : sql``;
  const from = params.from ? firstOfMonth(params.from) : null;
  const to = params.to ? firstOfMonth(params.to) : null;
  for (const table of Object.values(MONTH_ROLLUPS)) {
    const columns = sql.join(
      table.columns.map((c) => sql.identifier(c)),
      sql`, `,
    );
    const sums = sql.join(
      table.columns.map((c) => sql`sum(${sql.identifier(c)})`),
      sql`, `,
    );
    await db.execute(sql`
      delete from ${sql.identifier(table.month)}
       where org_id = ${params.orgId} ${reps}
             ${from ? sql`and month >= ${from}::date` : sql``}
             ${to ? sql`and month <= ${to}::date` : sql``}`);
    await db.execute(sql`
      insert into ${sql.identifier(table.month)} (org_id, rep_id, month, ${columns})
      select org_id, rep_id, date_trunc('month', day)::date, ${sums}
        from ${sql.identifier(table.day)}
       where org_id = ${params.orgId} ${reps}
             ${from ? sql`and day >= ${from}::date` : sql``}
             ${to ? sql`and day < ${addMonths(to, 1)}::date` : sql``}
       group by 1, 2, 3`);
  }
}

export interface DateSpan {
  start: IsoDate;
  end: IsoDate;
}

/**
 * A range of days as the rollups read it: the whole calendar months inside it (`months`, from the
 * first day of the first to the first day of the last) from the month table, and the days at
 * either edge (`days`, at most two spans) from the day table. Together they cover each day once.
 */
export function splitByMonth(range: DateSpan): { days: DateSpan[]; months: DateSpan | null } {
  if (range.end < range.start) return { days: [], months: null };
  const firstWhole = range.start.endsWith('-01') ? range.start : addMonths(firstOfMonth(range.start), 1);
  // The first day after the last whole month.
  const afterEnd = addDays(range.end, 1);
  const afterWhole = afterEnd.endsWith('-01') ? afterEnd : firstOfMonth(afterEnd);
  if (firstWhole >= afterWhole) return { days: [range], months: null };
  const days: DateSpan[] = [];
  if (range.start < firstWhole) days.push({ start: range.start, end: addDays(firstWhole, -1) });
  if (afterWhole <= range.end) days.push({ start: afterWhole, end: range.end });
  return { days, months: { start: firstWhole, end: addMonths(afterWhole, -1) } };
}

function firstOfMonth(day: IsoDate): IsoDate {
  return `${day.slice(0, 7)}-01`;
}

/** The SQL `VALUES` rows `(index, start, end)` of some spans, or null when there are none. */
export function spanValues(spans: readonly { index: number; span: DateSpan }[]): SQL | null {
  if (spans.length === 0) return null;
  return sql.join(
    spans.map(({ index, span }) => sql`(${index}::int, ${span.start}::date, ${span.end}::date)`),
    sql`, `,
  );
}
