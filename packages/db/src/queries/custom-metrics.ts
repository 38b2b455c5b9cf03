import {
  createMetricRegistry,
  metricDefinitionSchema,
  type BaseMeasure,
  type MetricInfo,
  type MetricKind,
  type MetricUnit,
  type Right,
} from '@rightly/core';
import { eq } from 'drizzle-orm';
import type { Database } from '../database';
import { customMetrics } from '../schema/index';

export type NewCustomMetric = typeof customMetrics.$inferInsert;

/** An org's custom metrics as MetricInfo, their definitions checked against the schema again. */
export async function listCustomMetrics(db: Database, params: { orgId: string }): Promise<MetricInfo[]> {
  const rows = await db
    .select()
    .from(customMetrics)
    .where(eq(customMetrics.orgId, params.orgId))
    .orderBy(customMetrics.name);
  return rows.map((row) => ({
    key: row.key,
    name: row.name,
    kind: row.kind as MetricKind,
    right: row.right as Right,
    unit: row.unit as MetricUnit,
    direction: row.direction === 'lower' ? 'lower' : 'higher',
    description: row.description,
    definition: metricDefinitionSchema.parse(row.definition),
    builtIn: false,
  }));
}

/** The custom metrics and every base measure they need, keyed by base-measure key. */
export async function loadCustomMetricDefinitions(
  db: Database,
  params: { orgId: string },
): Promise<{ metrics: MetricInfo[]; measures: Map<string, BaseMeasure> }> {
  const metrics = await listCustomMetrics(db, params);
  const registry = createMetricRegistry(metrics);
  return { metrics, measures: registry.baseMeasures(metrics.map((m) => m.key)) };
}

export async function insertCustomMetric(db: Database, row: NewCustomMetric): Promise<void> {
  await db.insert(customMetrics).values(row);
}
