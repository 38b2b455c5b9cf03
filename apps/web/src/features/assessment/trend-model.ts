import type { AssessmentStatus, MetricUnit, Right } from '@rightly/core';
import type { RepAssessment } from './assessment-api';
import { periodLabel, periodShortLabel } from './period-nav';

export interface TrendChart {
  expectationId: string;
  expectationName: string;
  metric: { key: string; name: string; unit: MetricUnit };
  points: { period: string; label: string; actual: number | null; target: number | null }[];
}

/**
 * One chart per expectation over the trend's periods, oldest first. A period in which the
 * expectation did not apply has no point (a gap), rather than a zero that would read as a slump.
 */
export function trendCharts(trend: RepAssessment['trend']): TrendChart[] {
  const charts = new Map<string, TrendChart>();
  for (const entry of trend) {
    for (const value of entry.values) {
      if (!charts.has(value.expectationId)) {
        charts.set(value.expectationId, {
          expectationId: value.expectationId,
          expectationName: value.expectationName,
          metric: value.metric,
          points: [],
        });
      }
    }
  }
  for (const chart of charts.values()) {
    chart.points = trend.map((entry) => {
      const value = entry.values.find((v) => v.expectationId === chart.expectationId);
      return {
        period: entry.period.key,
        label: periodShortLabel(entry.period),
        actual: value ? value.actual : null,
        target: value ? value.target : null,
      };
    });
  }
  return [...charts.values()];
}

export interface StatusRow {
  right: Right;
  cells: { period: string; label: string; title: string; status: AssessmentStatus }[];
}

/** A row of status chips per right, one chip per period. */
export function statusRows(trend: RepAssessment['trend'], rights: readonly Right[]): StatusRow[] {
  return rights.map((right) => ({
    right,
    cells: trend.map((entry) => ({
      period: entry.period.key,
      label: periodShortLabel(entry.period),
      title: periodLabel(entry.period),
      status: entry.rights[right],
    })),
  }));
}
