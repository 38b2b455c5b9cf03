import type { BaseMeasure, IsoDate } from '@rightly/core';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../database';
import { queryRows } from '../query-rows';
import { ROLLUP_COLUMNS } from './measure-sql';
import { MONTH_ROLLUPS, splitByMonth, spanValues } from './month-rollups';

export interface DateRange {
  start: IsoDate;
  end: IsoDate;
}

/** Totals per rep, per requested range, per base-measure key. Missing means zero. */
export interface MeasureTotals {
  get(repId: string, rangeIndex: number, measureKey: string): number;
  /** Reps with any rollup row in any range (others simply have zeros). */
  reps(): Set<string>;
}

/**
 * Sums base measures over date ranges from the rollups only (never the raw tables): one query per
 * rollup table, all ranges at once, whole months from the month tables. `repIds: 'all'` reads every rep of the org.
 */
export async function loadMeasureTotals(
  db: Database,
  params: {
    orgId: string;
    repIds: readonly string[] | 'all';
    ranges: readonly DateRange[];
    measures: ReadonlyMap<string, BaseMeasure>;
  },
): Promise<MeasureTotals> {
  // One flat array of numbers per rep (ranges × measures): a thousand reps times a dozen ranges
  // and measures would otherwise be tens of thousands of long string keys.
  const measureIndex = new Map([...params.measures.keys()].map((key, i) => [key, i]));
  const width = measureIndex.size;
  const values = new Map<string, Float64Array>();
  const put = (rep: string, index: number, key: string, value: number) => {
    const m = measureIndex.get(key);
    if (m === undefined) return;
    let row = values.get(rep);
    if (!row) {
      row = new Float64Array(params.ranges.length * width);
      values.set(rep, row);
    }
    row[index * width + m] = (row[index * width + m] ?? 0) + value;
  };
  if (params.ranges.length > 0 && (params.repIds === 'all' || params.repIds.length > 0)) {
    const ranges = sql.join(
      params.ranges.map((r, i) => sql`(${i}::int, ${r.start}::date, ${r.end}::date)`),
      sql`, `,
    );
    // Whole calendar months come from the month tables (one row per rep and month), the days at
    // a range's edges from the day tables: a quarter of a thousand reps is 3,000 rows, not 90,000.
    const split = params.ranges.map((range, index) => ({ index, ...splitByMonth(range) }));
    const dayParts = spanValues(split.flatMap((s) => s.days.map((span) => ({ index: s.index, span }))));
    const monthParts = spanValues(split.flatMap((s) => (s.months ? [{ index: s.index, span: s.months }] : [])));
    // A join, not `= any(array)`: with a thousand reps the planner hashes it instead of scanning the list per row.
    const repJoin =
      params.repIds === 'all'
        ? sql``
        : sql`join unnest(${sql.param([...params.repIds])}::uuid[]) as wanted(id) on wanted.id = r.rep_id`;
    // One query per rollup table, sent together: the database reads the tables at the same time.
    const reads = (['activity', 'pipeline'] as const).map(async (table) => {
      const wanted = [...params.measures.keys()].flatMap((key) => {
        const column = ROLLUP_COLUMNS.get(key);
        return column?.table === table ? [{ key, column: column.column }] : [];
      });
      if (wanted.length === 0) return;
      const names = MONTH_ROLLUPS[table];
      const picked = sql.join(
        wanted.map((w, i) => sql`r.${sql.identifier(w.column)} as ${sql.identifier(`c${i}`)}`),
        sql`, `,
      );
      const branch = (values: SQL | null, tableName: string, unit: 'day' | 'month') =>
        values
          ? [
              sql`select r.rep_id, p.idx, ${picked}
                    from (values ${values}) as p(idx, s, e)
                    join ${sql.identifier(tableName)} r
                      on r.org_id = ${params.orgId} and r.${sql.identifier(unit)} between p.s and p.e
                    ${repJoin}`,
            ]
          : [];
      const branches = [...branch(dayParts, names.day, 'day'), ...branch(monthParts, names.month, 'month')];
      if (branches.length === 0) return;
      const sums = sql.join(
        wanted.map((_, i) => sql`coalesce(sum(x.${sql.identifier(`c${i}`)}), 0)::float8 as ${sql.identifier(`m${i}`)}`),
        sql`, `,
      );
      const rows = await queryRows<Record<string, number | string>>(
        db,
        sql`select x.rep_id, x.idx, ${sums}
              from (${sql.join(branches, sql` union all `)}) as x
             group by x.rep_id, x.idx`,
      );
      for (const row of rows) {
        wanted.forEach((w, i) => put(String(row.rep_id), Number(row.idx), w.key, Number(row[`m${i}`])));
      }
    });
    const custom = [...params.measures.keys()].filter((key) => !ROLLUP_COLUMNS.has(key));
    if (custom.length > 0) {
      reads.push(
        queryRows<{ rep_id: string; idx: number; measure_key: string; value: number }>(
          db,
          sql`select r.rep_id, p.idx, r.measure_key, sum(r.value)::float8 as value
                from (values ${ranges}) as p(idx, s, e)
                join custom_measure_rollups r on r.org_id = ${params.orgId} and r.day between p.s and p.e
                ${repJoin}
               where r.measure_key = any(${sql.param(custom)}::text[])
               group by 1, 2, 3`,
        ).then((rows) => {
          for (const row of rows) put(row.rep_id, Number(row.idx), row.measure_key, Number(row.value));
        }),
      );
    }
    await Promise.all(reads);
  }
  return {
    get: (rep, index, key) => {
      const m = measureIndex.get(key);
      return m === undefined ? 0 : (values.get(rep)?.[index * width + m] ?? 0);
    },
    reps: () => new Set(values.keys()),
  };
}
