import { randomUUID } from 'node:crypto';
import {
  AppError,
  createMetricRegistry,
  type BaseMeasure,
  type CustomMetricInput,
  type MeasureRef,
  type Viewer,
} from '@rightly/core';
import {
  findOrganization,
  insertCustomMetric,
  listCustomMetrics,
  listOfferings,
  refreshCustomMeasureRollups,
} from '@rightly/db';
import type { ServiceDeps } from '../deps';
import type { MetricListItem } from './list-metrics';

/**
 * Adds a metric defined as data. Its base measures are materialised into the rollups in the same
 * transaction, so the first assessment that uses it reads rollups like any built-in metric.
 */
export async function createCustomMetric(
  deps: ServiceDeps,
  input: { viewer: Viewer; metric: CustomMetricInput },
): Promise<MetricListItem> {
  const { viewer, metric } = input;
  if (viewer.role === 'rep')
    throw new AppError({ code: 'forbidden', message: 'Only leaders and admins define metrics.' });
  const org = await findOrganization(deps.db, { orgId: viewer.orgId });
  if (!org) throw new AppError({ code: 'not_found', message: 'Your organization no longer exists.' });
  const existing = await listCustomMetrics(deps.db, { orgId: viewer.orgId });
  const key = `custom.${slug(metric.name)}`;
  if (existing.some((m) => m.key === key)) {
    throw new AppError({
      code: 'conflict',
      message: `A metric named "${metric.name}" exists already.`,
      issues: [{ field: 'name', message: 'is taken by another custom metric' }],
    });
  }
  const registry = createMetricRegistry(existing);
  const offerings = new Set((await listOfferings(deps.db, { orgId: viewer.orgId })).map((o) => o.id));
  const measures = resolveParts(metric, registry.lookup);
  for (const [path, measure] of measures) checkOfferings(measure, offerings, path);

  const info = { ...metric, key, builtIn: false };
  await deps.db.transaction(async (tx) => {
    await insertCustomMetric(tx, {
      orgId: viewer.orgId,
      id: randomUUID(),
      key,
      name: metric.name,
      kind: metric.kind,
      right: metric.right,
      unit: metric.unit,
      direction: metric.direction,
      description: metric.description,
      definition: metric.definition,
      createdBy: viewer.userId,
      createdAt: deps.now(),
    });
    await refreshCustomMeasureRollups(tx, {
      orgId: viewer.orgId,
      timeZone: org.timeZone,
      measures: measures.map(([, m]) => m),
    });
  });
  return { ...info, measurable: true };
}

/** Each part of the definition as a base measure, with the path to name in an error. */
function resolveParts(
  metric: CustomMetricInput,
  lookup: ReturnType<typeof createMetricRegistry>['lookup'],
): [string, BaseMeasure][] {
  const d = metric.definition;
  const parts: [string, MeasureRef][] =
    d.type === 'base'
      ? [['definition.measure', d.measure]]
      : d.type === 'ratio'
        ? [
            ['definition.numerator', d.numerator],
            ...d.denominator.map((p, i): [string, MeasureRef] => [`definition.denominator.${i}`, p]),
          ]
        : [
            ['definition.part', d.part],
            ['definition.whole', d.whole],
          ];
  return parts.map(([path, ref]) => {
    if (!('metric' in ref)) return [path, ref];
    const referenced = lookup(ref.metric);
    if (!referenced || referenced.type !== 'base') {
      throw new AppError({
        code: 'validation_failed',
        message: `${path}: "${ref.metric}" is not a base metric; a part must count or sum records.`,
        issues: [{ field: `${path}.metric`, message: 'must name a base metric (a count or a sum)' }],
      });
    }
    return [path, referenced.measure];
  });
}

function checkOfferings(measure: BaseMeasure, offerings: Set<string>, path: string): void {
  if (measure.source !== 'opportunities') return;
  measure.filters.forEach((filter, i) => {
    if (filter.field !== 'offering') return;
    const values = (Array.isArray(filter.value) ? filter.value : [filter.value]).map(String);
    const unknown = values.filter((v) => !offerings.has(v));
    if (unknown.length > 0) {
      throw new AppError({
        code: 'validation_failed',
        message: `${path}: unknown offering id ${unknown.join(', ')}.`,
        issues: [{ field: `${path}.filters.${i}.value`, message: 'must be ids of this organization’s offerings' }],
      });
    }
  });
}

function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 60) || 'metric'
  );
}
