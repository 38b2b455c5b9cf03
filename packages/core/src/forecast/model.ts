import { addDays, daysBetween, type IsoDate } from '../time/calendar';
import { median } from '../expectations/suggest-target';
import type { ForecastData, ForecastOpportunity } from './inputs';

/**
 * What the org's own history says, as of a day: how often a deal in each stage is won and how long
 * it still takes, how long whole cycles take, how often a first meeting becomes an opportunity and
 * after how long. Only what was known on that day is used, so a back-test is honest.
 */
export interface HistoryModel {
  asOf: IsoDate;
  winRateByStage: ReadonlyMap<string, number>;
  overallWinRate: number;
  remainingDaysByStage: ReadonlyMap<string, readonly number[]>;
  cycleDays: readonly number[];
  firstMeetingToOpportunity: number;
  lagDays: readonly number[];
  medianLagDays: number;
  medianCycleDays: number;
  averageWonAmount: number;
  /** The earliest day with any opportunity: history before it does not exist, it is not zero. */
  dataStart: IsoDate;
}

export const HISTORY_DAYS = 365;
/** A first meeting counts as converted when an opportunity opens within this many days. */
export const CONVERSION_WINDOW_DAYS = 120;
/** Below this many examples a stage's own rate is too noisy; the overall rate stands in. */
const MIN_SAMPLES = 5;

export function closedAsOf(o: ForecastOpportunity, asOf: IsoDate): boolean {
  return o.closedDay !== null && o.closedDay <= asOf;
}

export function stageAsOf(o: ForecastOpportunity, asOf: IsoDate): { stage: string; since: IsoDate } {
  let current = { stage: o.stageChanges[0]?.stage ?? 'Open', since: o.createdDay };
  for (const change of o.stageChanges) {
    if (change.day > asOf) break;
    current = { stage: change.stage, since: change.day };
  }
  return current;
}

export function buildHistoryModel(data: ForecastData, asOf: IsoDate, repIds?: ReadonlySet<string>): HistoryModel {
  const from = addDays(asOf, -HISTORY_DAYS);
  const mine = <T extends { repId: string }>(rows: readonly T[]) =>
    repIds ? rows.filter((r) => repIds.has(r.repId)) : rows;
  const closed = mine(data.opportunities).filter(
    (o) => closedAsOf(o, asOf) && (o.closedDay as string) >= from && o.status !== 'open',
  );
  const won = closed.filter((o) => o.status === 'won');
  const overallWinRate = closed.length === 0 ? 0.25 : won.length / closed.length;

  const entered = new Map<string, { total: number; won: number; remaining: number[] }>();
  for (const o of closed) {
    const seen = new Set<string>();
    for (const change of o.stageChanges) {
      if (change.day > (o.closedDay as string) || seen.has(change.stage) || isClosingStage(change.stage)) continue;
      seen.add(change.stage);
      const stats = entered.get(change.stage) ?? { total: 0, won: 0, remaining: [] };
      stats.total++;
      if (o.status === 'won') {
        stats.won++;
        stats.remaining.push(daysBetween(change.day, o.closedDay as string));
      }
      entered.set(change.stage, stats);
    }
  }
  const winRateByStage = new Map<string, number>();
  const remainingDaysByStage = new Map<string, number[]>();
  for (const [stage, stats] of entered) {
    if (stats.total >= MIN_SAMPLES) winRateByStage.set(stage, stats.won / stats.total);
    if (stats.remaining.length >= MIN_SAMPLES) remainingDaysByStage.set(stage, quantiles(stats.remaining));
  }
  const cycleDays = won.map((o) => daysBetween(o.createdDay, o.closedDay as string));

  const maturedBy = addDays(asOf, -CONVERSION_WINDOW_DAYS);
  const matured = mine(data.firstMeetings).filter((m) => m.day >= from && m.day <= maturedBy);
  const converted = matured.filter(
    (m) =>
      m.convertedDay !== null && m.convertedDay <= asOf && daysBetween(m.day, m.convertedDay) <= CONVERSION_WINDOW_DAYS,
  );
  const lagDays = converted.map((m) => daysBetween(m.day, m.convertedDay as string));
  return {
    asOf,
    winRateByStage,
    overallWinRate,
    remainingDaysByStage,
    cycleDays: cycleDays.length > 0 ? quantiles(cycleDays) : [75],
    firstMeetingToOpportunity: matured.length === 0 ? 0.3 : converted.length / matured.length,
    lagDays: lagDays.length > 0 ? quantiles(lagDays) : [21],
    medianLagDays: Math.round(median(lagDays) ?? 21),
    medianCycleDays: Math.round(median(cycleDays) ?? 75),
    averageWonAmount: won.length === 0 ? 0 : won.reduce((s, o) => s + o.amount, 0) / won.length,
    dataStart: data.opportunities.reduce((min, o) => (o.createdDay < min ? o.createdDay : min), asOf),
  };
}

/**
 * The data split by rep, once: a rep's forecast then reads only their own records, so a team of a
 * thousand reps costs a thousand small passes instead of a thousand passes over everyone's.
 */
export function splitByRep(data: ForecastData): Map<string, ForecastData> {
  const result = new Map<
    string,
    { opportunities: ForecastOpportunity[]; firstMeetings: ForecastData['firstMeetings'][number][] }
  >();
  const entry = (repId: string) => {
    let e = result.get(repId);
    if (!e) {
      e = { opportunities: [], firstMeetings: [] };
      result.set(repId, e);
    }
    return e;
  };
  for (const o of data.opportunities) entry(o.repId).opportunities.push(o);
  for (const m of data.firstMeetings) entry(m.repId).firstMeetings.push(m);
  return result;
}

/**
 * A distribution kept as evenly spaced quantiles: spreading a deal over 24 representative
 * durations gives the same monthly shares as over thousands of raw ones, at a fraction of the work.
 */
export const DISTRIBUTION_POINTS = 24;

export function quantiles(samples: readonly number[], points = DISTRIBUTION_POINTS): number[] {
  if (samples.length <= points) return [...samples];
  const sorted = [...samples].sort((a, b) => a - b);
  return Array.from({ length: points }, (_, i) => sorted[Math.floor(((i + 0.5) / points) * sorted.length)] as number);
}

/** Stage names CRMs use for the end of a deal; entering them is a close, not a stage to forecast from. */
export function isClosingStage(stage: string): boolean {
  return /^closed\b/i.test(stage.trim());
}
