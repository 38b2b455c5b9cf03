import { isMeasurable, type MetricInfo } from '../metrics/catalogue';
import type { ReportTally } from '../reports/report-status';
import type { Right } from '../metrics/metric-definition';
import type { Expectation, WayStandard } from '../expectations/expectation';
import { expectedProgress } from '../periods/pacing';
import type { Period } from '../periods/period';
import type { IsoDate } from '../time/calendar';
import { formatShare, formatValue, longDate, monthName } from './format';
import { statusFromRatio, worstStatus, type AssessmentStatus } from './status';
import type { EvidenceItem, ExpectationAssessment, RightAssessment } from './types';

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

const PERIOD_NOUN = { week: 'week', month: 'month', quarter: 'quarter', custom: 'period' } as const;

/**
 * The heart of Rightly: one rep, one expectation, one period, three rights, each with the
 * numbers behind it and a sentence a leader can act on.
 *
 * - THING: the result against the target; for an open period, where the rep will end at their
 *   normal pace for the rest of it.
 * - WAY: each method standard against its bound (absolute, or relative to the team median).
 * - TIME: whether the work is on the pacing curve now (open periods), and, with a lead time,
 *   whether this period's work keeps the month one sales cycle ahead filled.
 */
export function assessExpectation(input: AssessExpectationInput): ExpectationAssessment {
  const { period, asOf, expectation, metric } = input;
  const closed = asOf >= period.end;
  const progress = expectedProgress({ period, asOf, curve: expectation.time.pacing });
  const accumulates = metric.definition?.type === 'base';
  const projected = project(input, progress, closed, accumulates);
  const pace = accumulates ? expectation.target * progress : null;

  const thing = assessThing(input, { closed, progress, projected });
  // "Self-reports on time" is itself about the right time: its result is judged there.
  const aboutTime = metric.right === 'time' && metric.measuredFrom === 'self_reports';
  const rights: Record<Right, RightAssessment> = {
    thing: aboutTime ? { right: 'thing', status: 'no_data', sentence: '', evidence: [] } : thing,
    way: assessWay(input),
    time: aboutTime ? { ...thing, right: 'time' } : assessTime(input, { closed, progress, pace, accumulates }),
  };
  return {
    expectationId: expectation.id,
    expectationName: expectation.name,
    repId: input.repId,
    period: { key: period.key, start: period.start, end: period.end, closed },
    asOf,
    metric: { key: metric.key, name: metric.name, unit: metric.unit },
    actual: input.actual,
    target: expectation.target,
    projected,
    pace,
    progress,
    teamMedian: input.teamMedian,
    rights,
    sentence: (['thing', 'way', 'time'] as const)
      .map((r) => rights[r])
      .filter((r) => r.status !== 'no_data')
      .map((r) => r.sentence)
      .join('; '),
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

function achievement(value: number | null, target: number, direction: 'higher' | 'lower'): number | null {
  if (value === null) return null;
  if (direction === 'higher') return target === 0 ? 1 : value / target;
  if (value === 0) return 1;
  return target / value;
}

function assessThing(
  input: AssessExpectationInput,
  ctx: { closed: boolean; progress: number; projected: number | null },
): RightAssessment {
  const { metric, expectation, currency } = input;
  const unitName = metric.name.toLowerCase();
  const target = expectation.target;
  const fmt = (v: number | null) => formatValue(v, metric.unit, currency);
  if (!isMeasurable(metric)) {
    return { right: 'thing', status: 'no_data', sentence: `${metric.name}: not measured yet`, evidence: [] };
  }
  if (input.actual === null) {
    return {
      right: 'thing',
      status: 'no_data',
      sentence: `${metric.name}: nothing to measure yet this ${PERIOD_NOUN[input.period.kind]}`,
      evidence: [],
    };
  }
  const status = statusFromRatio(achievement(ctx.projected, target, metric.direction), { onTrack: 1, atRisk: 0.8 });
  const countLike = metric.unit === 'count' || metric.unit === 'currency';
  let sentence: string;
  if (ctx.closed) {
    sentence = countLike
      ? `${fmt(input.actual)} of ${fmt(target)} ${unitName}`
      : `${unitName} ${fmt(input.actual)} against a target of ${fmt(target)}`;
  } else if (countLike) {
    sentence =
      `${fmt(input.actual)} of ${fmt(target)} ${unitName} with ${formatShare(ctx.progress)} of the ` +
      `${PERIOD_NOUN[input.period.kind]} gone, heading for ${fmt(ctx.projected)}`;
  } else {
    sentence = `${unitName} ${fmt(input.actual)} so far against a target of ${fmt(target)}`;
  }
  const evidence: EvidenceItem[] = [
    { label: metric.name, value: input.actual, unit: metric.unit, against: target, status },
  ];
  if (!ctx.closed && ctx.projected !== input.actual) {
    evidence.push({
      label: 'Projected at period end',
      value: ctx.projected,
      unit: metric.unit,
      against: target,
      status,
    });
  }
  if (input.teamMedian !== null) {
    evidence.push({
      label: 'Team median',
      value: input.teamMedian,
      unit: metric.unit,
      against: null,
      status: 'no_data',
    });
  }
  return { right: 'thing', status, sentence, evidence };
}

function assessWay(input: AssessExpectationInput): RightAssessment {
  if (input.way.length === 0) {
    return { right: 'way', status: 'no_data', sentence: 'no method standard set', evidence: [] };
  }
  const items = input.way.map((w) => wayItem(w, input.currency));
  const status = worstStatus(items.map((i) => i.item.status));
  // The sentence leads with what is off, so the leader reads the problem first.
  const ordered = [...items].sort((a, b) => rank(b.item.status) - rank(a.item.status));
  return {
    right: 'way',
    status,
    sentence: ordered.map((i) => i.sentence).join('; '),
    evidence: items.map((i) => i.item),
  };
}

function rank(status: AssessmentStatus): number {
  return { off_track: 3, at_risk: 2, on_track: 1, no_data: 0 }[status];
}

function wayItem(w: WayInput, currency: string): { item: EvidenceItem; sentence: string } {
  const bound =
    w.standard.bound.kind === 'absolute'
      ? w.standard.bound.value
      : w.teamMedian === null
        ? null
        : w.teamMedian * w.standard.bound.factor;
  const atLeast = w.standard.comparator === 'at_least';
  let ratio: number | null = null;
  if (w.value !== null && bound !== null) {
    if (atLeast) ratio = bound === 0 ? 1 : w.value / bound;
    else ratio = w.value === 0 ? 1 : bound / w.value;
  }
  const status = statusFromRatio(ratio, { onTrack: 1, atRisk: 0.9 });
  const fmt = (v: number | null) => formatValue(v, w.metric.unit, currency);
  const boundText =
    w.standard.bound.kind === 'absolute'
      ? `a standard of ${atLeast ? 'at least' : 'at most'} ${fmt(bound)}`
      : `${w.standard.bound.factor === 1 ? 'the team median' : `${w.standard.bound.factor}× the team median`} of ${fmt(bound)}`;
  const sentence =
    w.value === null
      ? `${w.metric.name.toLowerCase()}: no data yet`
      : `${w.metric.name.toLowerCase()} ${fmt(w.value)} against ${boundText}`;
  return { item: { label: w.metric.name, value: w.value, unit: w.metric.unit, against: bound, status }, sentence };
}

function assessTime(
  input: AssessExpectationInput,
  ctx: { closed: boolean; progress: number; pace: number | null; accumulates: boolean },
): RightAssessment {
  const items: { item: EvidenceItem; sentence: string }[] = [];
  const { metric, currency } = input;
  const fmt = (v: number | null) => formatValue(v, metric.unit, currency);
  if (!ctx.closed && ctx.accumulates && ctx.pace !== null && ctx.progress > 0 && input.actual !== null) {
    const ratio = metric.direction === 'higher' ? (ctx.pace === 0 ? 1 : input.actual / ctx.pace) : null;
    const status = statusFromRatio(ratio, { onTrack: 1, atRisk: 0.75 });
    const behind = status === 'on_track' ? 'on pace' : 'behind pace';
    items.push({
      item: { label: 'Pace so far', value: input.actual, unit: metric.unit, against: ctx.pace, status },
      sentence: `${behind}: ${fmt(input.actual)} where the curve expected ${fmt(ctx.pace)} by ${longDate(input.asOf)}`,
    });
  }
  if (input.leadTime) {
    const lt = input.leadTime;
    const ratio = lt.reference === 0 ? null : lt.forecast / lt.reference;
    // A forecast is uncertain: only a clear shortfall is off track.
    const status = statusFromRatio(ratio, { onTrack: 0.8, atRisk: 0.6 });
    const money = (v: number) => formatValue(v, 'currency', lt.currency);
    const span = monthSpan(lt.months);
    items.push({
      item: {
        label: `Bookings forecast for ${span}`,
        value: lt.forecast,
        unit: 'currency',
        against: lt.reference,
        status,
      },
      sentence:
        `${span} closes forecast at ${money(lt.forecast)} against ` +
        `${lt.referenceKind === 'target' ? 'targets of' : 'a normal'} ${money(lt.reference)}`,
    });
  }
  const reports = input.selfReports;
  if (reports && reports.due > 0) {
    // A report that never came is off track; one that came late is a warning.
    const status: AssessmentStatus = reports.missing > 0 ? 'off_track' : reports.late > 0 ? 'at_risk' : 'on_track';
    const missed = [
      reports.late > 0 ? `${reports.late} late` : null,
      reports.missing > 0 ? `${reports.missing} missing` : null,
    ].filter((x): x is string => x !== null);
    items.push({
      item: { label: 'Self-reports on time', value: reports.onTime, unit: 'count', against: reports.due, status },
      sentence: `${reports.onTime} of ${reports.due} self-reports in by their due date${missed.length > 0 ? ` (${missed.join(', ')})` : ''}`,
    });
  }
  if (items.length === 0) {
    return {
      right: 'time',
      status: 'no_data',
      sentence: ctx.closed ? 'period closed; no lead time set' : 'nothing to pace yet',
      evidence: [],
    };
  }
  return {
    right: 'time',
    status: worstStatus(items.map((i) => i.item.status)),
    sentence: items.map((i) => i.sentence).join('; '),
    evidence: items.map((i) => i.item),
  };
}

/** "April–June 2026", or "December 2026–February 2027" across a year end. */
export function monthSpan(months: readonly string[]): string {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last || first === last) return first ? monthName(first) : '';
  const name = (m: string) => monthName(m).split(' ')[0];
  return first.slice(0, 4) === last.slice(0, 4)
    ? `${name(first)}–${monthName(last)}`
    : `${monthName(first)}–${monthName(last)}`;
}
