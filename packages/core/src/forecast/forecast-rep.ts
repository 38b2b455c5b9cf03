import { addDays, addMonths, daysBetween } from '../time/calendar';
import type { ForecastData } from './inputs';
import { median } from '../expectations/suggest-target';
import { closedAsOf, quantiles, stageAsOf, HISTORY_DAYS, CONVERSION_WINDOW_DAYS, type HistoryModel } from './model';

/** A rep's own rates, pulled toward the org's when the rep has few examples (shrinkage). */
export interface RepRates {
  firstMeetingToOpportunity: number;
  winRate: number;
  averageWonAmount: number;
  /** First meetings held per week over the last 8 weeks. */
  firstMeetingsPerWeek: number;
  /** Average won value per month over the last year (or since the data begins): a normal month. */
  normalMonth: number;
  /** The rep's own days from opening to winning, when there are enough of them; else the org's. */
  cycleDays: readonly number[];
  medianCycleDays: number;
}

export interface ForecastMonth {
  /** `YYYY-MM`. */
  month: string;
  /** Expected bookings from opportunities open on the as-of date. */
  fromPipeline: number;
  /** From first meetings already held that have not become opportunities yet. */
  fromRecentMeetings: number;
  /** From first meetings still to come, if the rep keeps the pace of the last 8 weeks. */
  fromFuturePace: number;
  total: number;
  /** The month's target, or the rep's normal month when no target is set. */
  reference: number;
}

const PSEUDO_COUNT = 10;
/** Won deals a rep needs before their own cycle lengths replace the org's. */
const MIN_OWN_CYCLES = 8;

/**
 * P(converts later | not converted after `age` days) = p·S(age) / (1 − p·(1 − S(age))), where p is
 * the overall conversion and S the share of conversions that take longer than `age`.
 */
export function laterConversionChance(p: number, lagDays: readonly number[], age: number): number {
  if (lagDays.length === 0) return p;
  const later = lagDays.filter((d) => d > age).length / lagDays.length;
  const denominator = 1 - p * (1 - later);
  return denominator <= 0 ? 0 : (p * later) / denominator;
}

export function repRates(data: ForecastData, model: HistoryModel, repId: string): RepRates {
  const asOf = model.asOf;
  const from = addDays(asOf, -HISTORY_DAYS);
  const closed = data.opportunities.filter(
    (o) => o.repId === repId && closedAsOf(o, asOf) && (o.closedDay as string) >= from && o.status !== 'open',
  );
  const won = closed.filter((o) => o.status === 'won');
  const maturedBy = addDays(asOf, -CONVERSION_WINDOW_DAYS);
  const recentFrom = addDays(asOf, -56);
  const matured = data.firstMeetings.filter((m) => m.repId === repId && m.day >= from && m.day <= maturedBy);
  const converted = matured.filter(
    (m) =>
      m.convertedDay !== null && m.convertedDay <= asOf && daysBetween(m.day, m.convertedDay) <= CONVERSION_WINDOW_DAYS,
  ).length;
  const recentMeetings = data.firstMeetings.filter((m) => m.repId === repId && m.day > recentFrom && m.day <= asOf);
  const wonValue = won.reduce((s, o) => s + o.amount, 0);
  const shrink = (hits: number, total: number, prior: number) => (hits + PSEUDO_COUNT * prior) / (total + PSEUDO_COUNT);
  // A young org has less than a year of history: average over the months there are.
  const start = model.dataStart > from ? model.dataStart : from;
  const months = Math.max(1, Math.min(12, daysBetween(start, asOf) / (365.25 / 12)));
  const ownCycles = won.map((o) => daysBetween(o.createdDay, o.closedDay as string));
  const cycleDays = ownCycles.length >= MIN_OWN_CYCLES ? quantiles(ownCycles) : model.cycleDays;
  return {
    firstMeetingToOpportunity: shrink(converted, matured.length, model.firstMeetingToOpportunity),
    winRate: shrink(won.length, closed.length, model.overallWinRate),
    averageWonAmount: (wonValue + 3 * model.averageWonAmount) / (won.length + 3),
    firstMeetingsPerWeek: recentMeetings.length / 8,
    normalMonth: wonValue / months,
    cycleDays,
    medianCycleDays:
      ownCycles.length >= MIN_OWN_CYCLES
        ? Math.round(median(ownCycles) ?? model.medianCycleDays)
        : model.medianCycleDays,
  };
}

/**
 * Expected bookings per month for one rep, for the months after the as-of date's: open pipeline weighted
 * by the chance of winning from its current stage and spread over the remaining-time history of
 * that stage; first meetings not yet converted; and first meetings at the recent pace.
 */
export function forecastRep(params: {
  data: ForecastData;
  model: HistoryModel;
  repId: string;
  months: number;
  /** Bookings target per month; the rep's normal month when absent. */
  monthlyTarget?: number | null;
  /** The rep's rates when the caller has them already. */
  rates?: RepRates;
}): { months: ForecastMonth[]; rates: RepRates } {
  const { data, model, repId } = params;
  const asOf = model.asOf;
  const rates = params.rates ?? repRates(data, model, repId);
  // The coming months, starting with the next one: the rest of this month is mostly decided.
  const firstMonth = addMonths(`${asOf.slice(0, 7)}-01`, 1).slice(0, 7);
  const keys = Array.from({ length: params.months }, (_, i) => addMonths(`${firstMonth}-01`, i).slice(0, 7));
  const buckets = keys.map(() => ({ pipeline: 0, recent: 0, future: 0 }));
  // Which month bucket a day offset from the as-of date falls in, worked out once per forecast.
  const horizonEnd = addMonths(`${keys.at(-1) ?? firstMonth}-01`, 1);
  const starts = keys.map((k) => daysBetween(asOf, `${k}-01`));
  const bucketOfOffset = Array.from({ length: daysBetween(asOf, horizonEnd) }, (_, offset) => {
    let index = -1;
    for (let i = 0; i < starts.length && offset >= (starts[i] as number); i++) index = i;
    return index;
  });
  const add = (offsetDays: number, value: number, part: 'pipeline' | 'recent' | 'future') => {
    const index = bucketOfOffset[Math.max(1, Math.round(offsetDays))] ?? -1;
    if (index >= 0) (buckets[index] as { pipeline: number; recent: number; future: number })[part] += value;
  };

  for (const o of data.opportunities) {
    if (o.repId !== repId || o.createdDay > asOf || closedAsOf(o, asOf)) continue;
    const { stage, since } = stageAsOf(o, asOf);
    const p = model.winRateByStage.get(stage) ?? model.overallWinRate;
    const inStage = daysBetween(since, asOf);
    // The org's stage timings, stretched to the rep's own cycle: enterprise deals take longer.
    const stretch = model.medianCycleDays > 0 ? rates.medianCycleDays / model.medianCycleDays : 1;
    const samples = (model.remainingDaysByStage.get(stage) ?? model.cycleDays)
      .map((r) => r * stretch - inStage)
      .filter((r) => r > 0);
    if (samples.length === 0) add(14, o.amount * p, 'pipeline');
    else for (const r of samples) add(r, (o.amount * p) / samples.length, 'pipeline');
  }

  const perMeeting = rates.firstMeetingToOpportunity * rates.winRate * rates.averageWonAmount;
  const spreadMeeting = (daysFromAsOf: number, value: number, part: 'recent' | 'future') => {
    const start = Math.max(daysFromAsOf + model.medianLagDays, 7);
    for (const c of rates.cycleDays) add(start + c, value / rates.cycleDays.length, part);
  };
  const windowStart = addDays(asOf, -CONVERSION_WINDOW_DAYS);
  for (const m of data.firstMeetings) {
    if (m.repId !== repId || m.day > asOf || m.day <= windowStart) continue;
    if (m.convertedDay !== null && m.convertedDay <= asOf) continue;
    // A meeting that has not converted after t days is less and less likely to: weight it by the
    // chance of converting later given that it has not yet.
    const chance = laterConversionChance(rates.firstMeetingToOpportunity, model.lagDays, daysBetween(m.day, asOf));
    spreadMeeting(-daysBetween(m.day, asOf), (perMeeting * chance) / rates.firstMeetingToOpportunity, 'recent');
  }
  const horizonDays = daysBetween(asOf, horizonEnd);
  for (let week = 0; week * 7 < horizonDays; week++) {
    spreadMeeting(week * 7 + 3, rates.firstMeetingsPerWeek * perMeeting, 'future');
  }

  const reference = params.monthlyTarget ?? rates.normalMonth;
  return {
    rates,
    months: keys.map((month, i) => {
      const b = buckets[i] as { pipeline: number; recent: number; future: number };
      return {
        month,
        fromPipeline: b.pipeline,
        fromRecentMeetings: b.recent,
        fromFuturePace: b.future,
        total: b.pipeline + b.recent + b.future,
        reference,
      };
    }),
  };
}
