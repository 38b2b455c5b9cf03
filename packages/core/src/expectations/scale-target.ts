import { periodLengthDays, type Period, type PeriodKind } from '../periods/period';
import { daysBetween } from '../time/calendar';
import type { Expectation } from './expectation';

const NATURAL_DAYS: Record<Exclude<PeriodKind, 'custom'>, number> = {
  week: 7,
  month: 365.25 / 12,
  quarter: 365.25 / 4,
};

/**
 * An expectation's target for another period length: 5 first meetings a week is about 21 in a
 * month. Rates and shares (a 60% phone share) do not scale. This lets the team matrix show weekly,
 * monthly and quarterly expectations side by side for any period.
 */
export function targetForPeriod(params: {
  expectation: Pick<Expectation, 'target' | 'period' | 'customStart' | 'customEnd'>;
  accumulates: boolean;
  period: Period;
}): number {
  const { expectation, accumulates, period } = params;
  if (!accumulates) return expectation.target;
  const natural =
    expectation.period === 'custom'
      ? daysBetween(expectation.customStart as string, expectation.customEnd as string) + 1
      : NATURAL_DAYS[expectation.period];
  if (expectation.period === period.kind && expectation.period !== 'custom') return expectation.target;
  return (expectation.target * periodLengthDays(period)) / natural;
}
