import { addDays, dayOfWeek, daysBetween, type IsoDate } from '../time/calendar';
import type { Period } from './period';

/**
 * How work is expected to accumulate over a period. `linear` spreads it evenly over working days
 * (Monday–Friday); `seasonal` weights each working day by its month's weight (a leader who knows
 * December is quiet gives it less), still over working days.
 */
export type PacingCurve = { kind: 'linear' } | { kind: 'seasonal'; monthWeights: readonly number[] };

function dayWeight(date: IsoDate, curve: PacingCurve): number {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return 0;
  if (curve.kind === 'linear') return 1;
  return Math.max(0, curve.monthWeights[Number(date.slice(5, 7)) - 1] ?? 1);
}

/**
 * The share of the period's work the curve expects done by the end of `asOf` (0 before the period,
 * 1 after it). A period without working days counts calendar days, so it still has a pace.
 */
export function expectedProgress(params: { period: Period; asOf: IsoDate; curve: PacingCurve }): number {
  const { period, asOf, curve } = params;
  if (asOf < period.start) return 0;
  if (asOf >= period.end) return 1;
  let total = 0;
  let done = 0;
  const days = daysBetween(period.start, period.end) + 1;
  for (let i = 0; i < days; i++) {
    const day = addDays(period.start, i);
    const w = dayWeight(day, curve);
    total += w;
    if (day <= asOf) done += w;
  }
  if (total === 0) return (daysBetween(period.start, asOf) + 1) / days;
  return done / total;
}
