/** The measured effect of a coaching plan, as sentences and chart points. */
import { formatValue, type MetricUnit } from '@rightly/core';
import { formatShortDate } from '../../lib/format/format';
import type { PlanEffectMetric } from './coaching-api';

/** One decimal at most, without a trailing `.0`: 1.25 → `1.3`, 2 → `2`. */
function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** A change with its sign, as a reader says it: `+1.2`, `−0.3`, `±0`; points for percentages. */
export function formatChange(value: number, unit: MetricUnit, currency = 'USD'): string {
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return unit === 'percent' ? '±0 points' : '±0';
  const sign = rounded > 0 ? '+' : '−';
  const magnitude = Math.abs(rounded);
  switch (unit) {
    case 'percent':
      return `${sign}${oneDecimal(magnitude)} ${magnitude === 1 ? 'point' : 'points'}`;
    case 'currency':
      return `${sign}${formatValue(magnitude, 'currency', currency)}`;
    case 'days':
      return `${sign}${oneDecimal(magnitude)} ${magnitude === 1 ? 'day' : 'days'}`;
    case 'count':
      return `${sign}${oneDecimal(magnitude)}`;
  }
}

/** `First meetings` → `first meetings`, but `CRM hygiene` stays as it is. */
export function inSentence(name: string): string {
  const [first = '', second = ''] = name;
  if (second && second === second.toUpperCase() && second !== second.toLowerCase()) return name;
  return first.toLowerCase() + name.slice(1);
}

/**
 * The plain sentence under a plan's chart: how the rep's weekly figure moved since the plan started,
 * against the team over the same weeks, and the difference between the two (the effect).
 * e.g. `first meetings +1.2 a week against the team's +0.3: +0.9 beyond the team`.
 */
export function effectSentence(
  metric: Pick<PlanEffectMetric, 'name' | 'unit' | 'repChange' | 'teamChange' | 'effect'>,
  currency = 'USD',
): string {
  const name = inSentence(metric.name);
  const perWeek = metric.unit === 'count' || metric.unit === 'currency' ? ' a week' : '';
  const change = (value: number) => formatChange(value, metric.unit, currency);
  if (metric.repChange === null) {
    return `${name}: not enough weeks before and since the start to measure a change yet`;
  }
  if (metric.teamChange === null || metric.effect === null) {
    return `${name} ${change(metric.repChange)}${perWeek}; no team figures for the same weeks to compare with`;
  }
  const lead = `${name} ${change(metric.repChange)}${perWeek} against the team’s ${change(metric.teamChange)}`;
  const rounded = Math.round(metric.effect * 10) / 10;
  if (rounded === 0) return `${lead}: in step with the team`;
  if (rounded > 0) return `${lead}: ${change(metric.effect)} beyond the team`;
  return `${lead}: ${change(-metric.effect).replace(/^\+/, '')} behind the team`;
}

export interface EffectPoint {
  label: string;
  weekStart: string;
  rep: number | null;
  team: number | null;
}

/** The chart rows, oldest week first, with the label of the week the plan started in. */
export function effectChartData(
  metric: Pick<PlanEffectMetric, 'weekly'>,
  planStart: string,
): { points: EffectPoint[]; startLabel: string | null; measured: boolean } {
  const weekly = [...metric.weekly].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  const points = weekly.map((week) => ({
    label: formatShortDate(week.weekStart),
    weekStart: week.weekStart,
    rep: week.rep,
    team: week.team,
  }));
  const startWeek = points.filter((point) => point.weekStart <= planStart).at(-1) ?? points[0];
  return {
    points,
    startLabel: startWeek ? startWeek.label : null,
    measured: points.some((point) => point.rep !== null || point.team !== null),
  };
}
