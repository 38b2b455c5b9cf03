/** The team's coaching health panel and its trend. */
import { formatShortDate } from '../../lib/format/format';
import type { TeamHealth } from './coaching-api';

export function formatShare(value: number | null): string {
  if (value === null) return '—';
  return `${Math.round(value * 100)}%`;
}

export interface HealthFigure {
  key: string;
  label: string;
  value: string;
  hint: string;
  /** `warn` draws attention; nothing here is ever red on its own. */
  tone: 'good' | 'neutral' | 'warn';
}

/** Above this, escalations are no longer rare: one rep in ten in a year. */
export const ESCALATION_RATE_WARNING = 0.1;

export function healthFigures(health: TeamHealth): HealthFigure[] {
  const share = (value: number | null, goodAt: number): HealthFigure['tone'] =>
    value === null ? 'neutral' : value >= goodAt ? 'good' : 'warn';
  return [
    {
      key: 'owner-target-date',
      label: 'Expectations with an owner, a target and a date',
      value: formatShare(health.expectationsWithOwnerTargetDate),
      hint:
        health.expectationsWithOwnerTargetDate === null
          ? 'No active expectation to count'
          : `of ${health.expectationsCount} active ${health.expectationsCount === 1 ? 'expectation' : 'expectations'}`,
      tone: share(health.expectationsWithOwnerTargetDate, 0.9),
    },
    {
      key: 'outcome-share',
      label: 'Outcome metrics',
      value: formatShare(health.outcomeMetricShare),
      hint:
        health.outcomeMetricShare === null
          ? 'No active expectation to count'
          : `outcome · ${formatShare(1 - health.outcomeMetricShare)} activity`,
      tone: 'neutral',
    },
    {
      key: 'self-reports',
      label: 'Self-reports on time',
      value: formatShare(health.selfReportsOnTime),
      hint: health.selfReportsOnTime === null ? 'No self-report was due' : 'of the reports due',
      tone: share(health.selfReportsOnTime, 0.8),
    },
    {
      key: 'plans',
      label: 'Coaching plans active',
      value: String(health.activePlans),
      hint: `for ${health.repsInScope} ${health.repsInScope === 1 ? 'rep' : 'reps'}`,
      tone: 'neutral',
    },
    {
      key: 'escalations',
      label: 'Escalations, last 12 months',
      value: String(health.escalationsLast12Months),
      hint:
        health.escalationRate === null
          ? 'Should stay rare'
          : `${formatShare(health.escalationRate)} of reps · should stay rare`,
      tone:
        health.escalationRate !== null && health.escalationRate > ESCALATION_RATE_WARNING
          ? 'warn'
          : health.escalationsLast12Months === 0
            ? 'good'
            : 'neutral',
    },
  ];
}

export interface HealthTrendPoint {
  label: string;
  results: number | null;
  thing: number | null;
  way: number | null;
  time: number | null;
}

/** The 13 periods as percentages (0–100) for the chart, oldest first. */
export function healthTrendData(trend: TeamHealth['trend']): HealthTrendPoint[] {
  const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);
  return [...trend]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((entry) => ({
      label: formatShortDate(entry.start),
      results: percent(entry.results),
      thing: percent(entry.onTrack.thing),
      way: percent(entry.onTrack.way),
      time: percent(entry.onTrack.time),
    }));
}
