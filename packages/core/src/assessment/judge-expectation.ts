import { isMeasurable, type MetricInfo } from '../metrics/catalogue';
import type { Right } from '../metrics/metric-definition';
import type { ReportTally } from '../reports/report-status';
import type { Expectation, WayStandard } from '../expectations/expectation';
import { expectedProgress } from '../periods/pacing';
import type { Period } from '../periods/period';
import type { IsoDate } from '../time/calendar';
import { statusFromRatio, worstStatus, type AssessmentStatus } from './status';
import type { ExpectationJudgement } from './types';

export interface WayInput {
  standard: WayStandard;
  metric: MetricInfo;
  value: number | null;
  /** The team's median of the standard's metric in the same period, for relative bounds. */
  teamMedian: number | null;
}

export interface LeadTimeInput {
  /** The months this period's work mostly closes in (one sales cycle later), e.g. `2026-04`…`2026-06`. */
  months: readonly string[];
  /** Bookings forecast for those months from the pipeline and prospecting as of the period. */
  forecast: number;
  /** What those months should bring: the targets, or the rep's own normal months. */
  reference: number;
  referenceKind: 'target' | 'normal';
  currency: string;
}

export interface AssessExpectationInput {
  expectation: Pick<Expectation, 'id' | 'name' | 'target' | 'time' | 'metric'>;
  metric: MetricInfo;
  repId: string;
  period: Period;
  asOf: IsoDate;
  /** The metric over the period up to the as-of date; null when it cannot be computed (nothing to divide by). */
  actual: number | null;
  /** The rep's average per period over the previous periods, for projecting an open period. */
  normal: number | null;
  teamMedian: number | null;
  way: readonly WayInput[];
  leadTime: LeadTimeInput | null;
  /** The rep's self-reports for this expectation that fell due in the period; null when it asks for none. */
  selfReports?: ReportTally | null;
  currency: string;
}

/** The numbers every status is judged from. */
export interface Basics {
  closed: boolean;
  /** Share of the period's work the pacing curve expected done by the as-of date. */
  progress: number;
  /** The metric sums over time (a count or amount), rather than being a rate. */
  accumulates: boolean;
  projected: number | null;
  pace: number | null;
}

export function basicsOf(input: AssessExpectationInput): Basics {
  const { period, asOf, expectation, metric } = input;
  const closed = asOf >= period.end;
  const progress = expectedProgress({ period, asOf, curve: expectation.time.pacing });
  const accumulates = metric.definition?.type === 'base';
  return {
    closed,
    progress,
    accumulates,
    projected: project(input, progress, closed, accumulates),
    pace: accumulates ? expectation.target * progress : null,
  };
}

function project(
  input: AssessExpectationInput,
  progress: number,
  closed: boolean,
  accumulates: boolean,
): number | null {
  if (input.actual === null) return null;
  if (closed || !accumulates) return input.actual;
  // The rest of the period at the rep's normal pace; without history, at this period's pace so far.
  const normal = input.normal ?? (progress > 0 ? input.actual / progress : null);
  return normal === null ? input.actual : input.actual + normal * (1 - progress);
}

/** "Self-reports on time" is itself about the right time: its result is judged there, not as the thing. */
export function judgedAsTime(metric: MetricInfo): boolean {
  return metric.right === 'time' && metric.measuredFrom === 'self_reports';
}

function achievement(value: number | null, target: number, direction: 'higher' | 'lower'): number | null {
  if (value === null) return null;
  if (direction === 'higher') return target === 0 ? 1 : value / target;
  if (value === 0) return 1;
  return target / value;
}

/** THING: the result (projected to the period's end while it is open) against the target. */
export function thingStatus(input: AssessExpectationInput, basics: Basics): AssessmentStatus {
  if (!isMeasurable(input.metric) || input.actual === null) return 'no_data';
  return statusFromRatio(achievement(basics.projected, input.expectation.target, input.metric.direction), {
    onTrack: 1,
    atRisk: 0.8,
  });
}

/** WAY: one method standard against its bound (absolute, or a factor of the team median). */
export function wayJudgement(w: WayInput): { bound: number | null; status: AssessmentStatus } {
  const bound =
    w.standard.bound.kind === 'absolute'
      ? w.standard.bound.value
      : w.teamMedian === null
        ? null
        : w.teamMedian * w.standard.bound.factor;
  let ratio: number | null = null;
  if (w.value !== null && bound !== null) {
    if (w.standard.comparator === 'at_least') ratio = bound === 0 ? 1 : w.value / bound;
    else ratio = w.value === 0 ? 1 : bound / w.value;
  }
  return { bound, status: statusFromRatio(ratio, { onTrack: 1, atRisk: 0.9 }) };
}

/** TIME, while the period is open: the work so far against the pacing curve; null when nothing is paced. */
export function paceStatus(input: AssessExpectationInput, basics: Basics): AssessmentStatus | null {
  if (basics.closed || !basics.accumulates || basics.pace === null || basics.progress <= 0 || input.actual === null) {
    return null;
  }
  const ratio = input.metric.direction === 'higher' ? (basics.pace === 0 ? 1 : input.actual / basics.pace) : null;
  return statusFromRatio(ratio, { onTrack: 1, atRisk: 0.75 });
}

/** TIME, with a lead time: the months one sales cycle ahead against their reference. */
export function leadTimeStatus(leadTime: LeadTimeInput): AssessmentStatus {
  const ratio = leadTime.reference === 0 ? null : leadTime.forecast / leadTime.reference;
  // A forecast is uncertain: only a clear shortfall is off track.
  return statusFromRatio(ratio, { onTrack: 0.8, atRisk: 0.6 });
}

/** TIME, for self-reports: one that never came is off track, one that came late a warning. */
export function reportsStatus(reports: ReportTally | null | undefined): AssessmentStatus | null {
  if (!reports || reports.due <= 0) return null;
  return reports.missing > 0 ? 'off_track' : reports.late > 0 ? 'at_risk' : 'on_track';
}

function timeStatus(input: AssessExpectationInput, basics: Basics): AssessmentStatus {
  const parts: AssessmentStatus[] = [];
  const pace = paceStatus(input, basics);
  if (pace) parts.push(pace);
  if (input.leadTime) parts.push(leadTimeStatus(input.leadTime));
  const reports = reportsStatus(input.selfReports);
  if (reports) parts.push(reports);
  return worstStatus(parts);
}

/**
 * The statuses and numbers of an assessment without its sentences and evidence: what streaks,
 * trends and health panels read over many earlier periods. `assessExpectation` is built on the
 * same functions, so the two always agree (a property test holds them to it).
 */
export function judgeExpectation(input: AssessExpectationInput): ExpectationJudgement {
  const basics = basicsOf(input);
  const thing = thingStatus(input, basics);
  const aboutTime = judgedAsTime(input.metric);
  const rights: Record<Right, { status: AssessmentStatus }> = {
    thing: { status: aboutTime ? 'no_data' : thing },
    way: { status: worstStatus(input.way.map((w) => wayJudgement(w).status)) },
    time: { status: aboutTime ? thing : timeStatus(input, basics) },
  };
  return { ...numbersOf(input, basics), rights };
}

/** The fields a judgement and a full assessment share. */
export function numbersOf(input: AssessExpectationInput, basics: Basics): Omit<ExpectationJudgement, 'rights'> {
  const { expectation, metric, period } = input;
  return {
    expectationId: expectation.id,
    expectationName: expectation.name,
    repId: input.repId,
    period: { key: period.key, start: period.start, end: period.end, closed: basics.closed },
    asOf: input.asOf,
    metric: { key: metric.key, name: metric.name, unit: metric.unit },
    actual: input.actual,
    target: expectation.target,
    projected: basics.projected,
    pace: basics.pace,
    progress: basics.progress,
    teamMedian: input.teamMedian,
  };
}
