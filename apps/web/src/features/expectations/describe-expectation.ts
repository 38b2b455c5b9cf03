import {
  formatValue,
  type ExpectationInput,
  type ExpectationScope,
  type MetricUnit,
  type WayStandard,
} from '@rightly/core';
import { formatDate } from '../../lib/format/format';

interface MetricLike {
  name: string;
  unit: MetricUnit;
}
type MetricLookup = (key: string) => MetricLike | undefined;

const PERIOD_WORDS: Record<string, string> = { week: 'per week', month: 'per month', quarter: 'per quarter' };

/** "2 per week", "25% per quarter", "$120,000 per month", or the custom dates. */
export function targetText(
  expectation: Pick<ExpectationInput, 'target' | 'period' | 'customStart' | 'customEnd'>,
  unit: MetricUnit,
  currency = 'USD',
): string {
  const value = formatValue(expectation.target, unit, currency);
  const per =
    expectation.period === 'custom'
      ? expectation.customStart && expectation.customEnd
        ? `from ${formatDate(expectation.customStart)} to ${formatDate(expectation.customEnd)}`
        : 'in a custom period'
      : (PERIOD_WORDS[expectation.period] ?? `per ${expectation.period}`);
  return `${value} ${per}`;
}

const ROLE_SCOPES: Record<string, string> = { rep: 'All reps', leader: 'All leaders', admin: 'All admins' };

/** "All reps", "Team NA Enterprise (with its sub-teams)", "Jamie Ortiz". */
export function scopeText(
  scope: ExpectationScope,
  names: { team: (id: string) => string | undefined; rep: (id: string) => string | undefined },
): string {
  if (scope.kind === 'role') return ROLE_SCOPES[scope.role] ?? `Everyone with the role ${scope.role}`;
  if (scope.kind === 'team') return `Team ${names.team(scope.teamId) ?? '(a team you do not see)'}, with its sub-teams`;
  return names.rep(scope.repId) ?? 'One rep (not among the reps you see)';
}

/** "Phone share of prospecting at least 55%", "Win rate at least 0.8 × the team median". */
export function wayStandardText(standard: WayStandard, metric: MetricLookup): string {
  const info = metric(standard.metric);
  const name = info?.name ?? standard.metric;
  const comparator = standard.comparator === 'at_least' ? 'at least' : 'at most';
  if (standard.bound.kind === 'absolute') {
    return `${name} ${comparator} ${formatValue(standard.bound.value, info?.unit ?? 'count')}`;
  }
  const factor = standard.bound.factor;
  return `${name} ${comparator} ${factor === 1 ? 'the team median' : `${factor} × the team median`}`;
}

/** The time right in words: pacing, due date and lead time, each only when it says something. */
export function timeText(time: ExpectationInput['time']): string[] {
  const parts: string[] = [];
  parts.push(time.pacing.kind === 'seasonal' ? 'Seasonal pacing (month weights)' : 'Even pacing through the period');
  if (time.dueInDays > 0) parts.push(`Due ${time.dueInDays} ${time.dueInDays === 1 ? 'day' : 'days'} after the period`);
  else parts.push('Due at the end of the period');
  if (time.leadTime === 'sales_cycle') parts.push('Lead time: one sales cycle');
  if (time.selfReport) parts.push('Self-report each reporting window');
  return parts;
}
