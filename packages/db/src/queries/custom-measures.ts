import { baseMeasureKey, type BaseMeasure } from '@rightly/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { customMeasureRollups } from '../schema/index';
import { loadCustomMetricDefinitions } from './custom-metrics';
import { compileBaseMeasure, ROLLUP_COLUMNS } from './measure-sql';
import type { RollupScope } from './rep-day-rollups';

/** The base measures an org's custom metrics need that no built-in rollup column holds. */
export async function customBaseMeasures(db: Database, params: { orgId: string }): Promise<Map<string, BaseMeasure>> {
  const { measures } = await loadCustomMetricDefinitions(db, params);
  return new Map([...measures].filter(([key]) => !ROLLUP_COLUMNS.has(key)));
}

/**
 * Materialises base measures per rep and local day. With `measures` it (re)builds just those (a
 * new custom metric); without, every custom measure of the org (after new data arrived), and it
 * drops rows of measures no custom metric uses any more.
 */
export async function refreshCustomMeasureRollups(
  db: Database,
  params: { orgId: string; timeZone: string; measures?: readonly BaseMeasure[]; scope?: RollupScope },
): Promise<void> {
  const measures = params.measures
    ? new Map(params.measures.map((m) => [baseMeasureKey(m), m]))
    : await customBaseMeasures(db, params);
  if (params.measures) {
    if (measures.size === 0) return;
    await db
      .delete(customMeasureRollups)
      .where(
        and(
          eq(customMeasureRollups.orgId, params.orgId),
          inArray(customMeasureRollups.measureKey, [...measures.keys()]),
        ),
      );
  } else if (params.scope) {
    if (measures.size === 0) return;
    await db.execute(sql`delete from custom_measure_rollups where org_id = ${params.orgId} ${params.scope.rollupRows}`);
  } else {
    await db.delete(customMeasureRollups).where(eq(customMeasureRollups.orgId, params.orgId));
  }
  for (const [key, measure] of measures) {
    if (ROLLUP_COLUMNS.has(key)) continue;
    await db.execute(sql`
      insert into custom_measure_rollups (org_id, measure_key, rep_id, day, value)
      select ${params.orgId}::uuid, ${key}, m.rep_id, m.day, m.value
        from (${compileBaseMeasure(measure, params)}) m
       where m.value <> 0`);
  }
}
