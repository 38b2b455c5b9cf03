import type { MetricInfo, Viewer } from '@rightly/core';
import { listCustomMetrics } from '@rightly/db';
import { createMetricRegistry, isMeasurable } from '@rightly/core';
import type { ServiceDeps } from '../deps';

export type MetricListItem = MetricInfo & { measurable: boolean };

/** The built-in catalogue followed by the org's custom metrics, each with its one-line definition. */
export async function listMetrics(deps: ServiceDeps, input: { viewer: Viewer }): Promise<MetricListItem[]> {
  const custom = await listCustomMetrics(deps.db, { orgId: input.viewer.orgId });
  return createMetricRegistry(custom)
    .all()
    .map((m) => ({ ...m, measurable: isMeasurable(m) }));
}
