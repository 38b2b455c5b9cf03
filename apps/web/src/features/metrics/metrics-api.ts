import { metricsResponseSchema, type MetricResponse } from '@rightly/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client';

export type Metric = MetricResponse;

export function fetchMetrics(signal?: AbortSignal) {
  return api.request('/api/v1/metrics', metricsResponseSchema, signal ? { signal } : {});
}

/** The metric catalogue (built-in and custom); it changes rarely. */
export function useMetrics() {
  return useQuery({ queryKey: ['metrics'], queryFn: ({ signal }) => fetchMetrics(signal), staleTime: 5 * 60_000 });
}

export function metricsByKey(metrics: readonly Metric[] | undefined): Map<string, Metric> {
  return new Map((metrics ?? []).map((metric) => [metric.key, metric]));
}
