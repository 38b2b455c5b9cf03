import { BUILT_IN_BY_KEY, BUILT_IN_METRICS, type MetricInfo } from './catalogue';
import { baseMeasuresOf, type MetricLookup } from './evaluate-metric';
import type { BaseMeasure } from './metric-definition';

/** The metrics an org can use: the built-in catalogue plus its custom metrics. */
export interface MetricRegistry {
  get(key: string): MetricInfo | undefined;
  all(): readonly MetricInfo[];
  lookup: MetricLookup;
  /** Every base measure the given metrics need, by base-measure key. */
  baseMeasures(keys: Iterable<string>): Map<string, BaseMeasure>;
}

export function createMetricRegistry(custom: readonly MetricInfo[]): MetricRegistry {
  const byKey = new Map<string, MetricInfo>(BUILT_IN_BY_KEY);
  for (const metric of custom) byKey.set(metric.key, metric);
  const lookup: MetricLookup = (key) => byKey.get(key)?.definition ?? null;
  return {
    get: (key) => byKey.get(key),
    all: () => [...BUILT_IN_METRICS, ...custom],
    lookup,
    baseMeasures: (keys) => {
      const result = new Map<string, BaseMeasure>();
      for (const key of keys) {
        const definition = lookup(key);
        if (!definition) continue;
        for (const [k, m] of baseMeasuresOf(definition, lookup)) result.set(k, m);
      }
      return result;
    },
  };
}
