import type { BaseMeasure, IsoDate } from '@rightly/core';
import { sql } from 'drizzle-orm';
import type { Database } from '../database';
import { queryRows } from '../query-rows';
import { ROLLUP_COLUMNS } from './measure-sql';

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
 * rollup table, all ranges at once. `repIds: 'all'` reads every rep of the org.
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
  const values = new Map<string, number>();
  const reps = new Set<string>();
  const put = (rep: string, index: number, key: string, value: number) => {
    reps.add(rep);
    if (value !== 0) values.set(`${rep}|${index}|${key}`, (values.get(`${rep}|${index}|${key}`) ?? 0) + value);
  };
  if (params.ranges.length > 0 && (params.repIds === 'all' || params.repIds.length > 0)) {
    const ranges = sql.join(
      params.ranges.map((r, i) => sql`(${i}::int, ${r.start}::date, ${r.end}::date)`),
      sql`, `,
    );
    const repFilter =
      params.repIds === 'all' ? sql`true` : sql`r.rep_id = any(${sql.param([...params.repIds])}::uuid[])`;
    for (const table of ['activity', 'pipeline'] as const) {
      const wanted = [...params.measures.keys()].flatMap((key) => {
        const column = ROLLUP_COLUMNS.get(key);
        return column?.table === table ? [{ key, column: column.column }] : [];
      });
      if (wanted.length === 0) continue;
      const sums = sql.join(
        wanted.map(
          (w, i) => sql`coalesce(sum(r.${sql.identifier(w.column)}), 0)::float8 as ${sql.identifier(`m${i}`)}`,
        ),
        sql`, `,
      );
      const name = table === 'activity' ? 'rep_day_rollups' : 'rep_day_pipeline_rollups';
      const rows = await queryRows<Record<string, number | string>>(
        db,
        sql`select r.rep_id, p.idx, ${sums}
              from ${sql.identifier(name)} r
              join (values ${ranges}) as p(idx, s, e) on r.day between p.s and p.e
             where r.org_id = ${params.orgId} and ${repFilter}
             group by r.rep_id, p.idx`,
      );
      for (const row of rows) {
        wanted.forEach((w, i) => put(String(row.rep_id), Number(row.idx), w.key, Number(row[`m${i}`])));
      }
    }
    const custom = [...params.measures.keys()].filter((key) => !ROLLUP_COLUMNS.has(key));
    if (custom.length > 0) {
      const rows = await queryRows<{ rep_id: string; idx: number; measure_key: string; value: number }>(
        db,
        sql`select r.rep_id, p.idx, r.measure_key, sum(r.value)::float8 as value
              from custom_measure_rollups r
              join (values ${ranges}) as p(idx, s, e) on r.day between p.s and p.e
             where r.org_id = ${params.orgId} and ${repFilter}
               and r.measure_key = any(${sql.param(custom)}::text[])
             group by 1, 2, 3`,
      );
      for (const row of rows) put(row.rep_id, Number(row.idx), row.measure_key, Number(row.value));
    }
  }
  return {
    get: (rep, index, key) => values.get(`${rep}|${index}|${key}`) ?? 0,
    reps: () => reps,
  };
}
