import { isMeasurable } from '../metrics/catalogue';
import type { Right } from '../metrics/metric-definition';
import { formatShare, formatValue, longDate, monthName } from './format';
import {
  basicsOf,
  judgedAsTime,
  leadTimeStatus,
  numbersOf,
  paceStatus,
  reportsStatus,
  thingStatus,
  wayJudgement,
  type AssessExpectationInput,
  type Basics,
  type WayInput,
} from './judge-expectation';
import { worstStatus, type AssessmentStatus } from './status';
import type { EvidenceItem, ExpectationAssessment, RightAssessment } from './types';

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
  const basics = basicsOf(input);
  const thing = assessThing(input, basics);
  const rights: Record<Right, RightAssessment> = {
    thing: judgedAsTime(input.metric) ? { right: 'thing', status: 'no_data', sentence: '', evidence: [] } : thing,
    way: assessWay(input),
    time: judgedAsTime(input.metric) ? { ...thing, right: 'time' } : assessTime(input, basics),
  };
  return {
    ...numbersOf(input, basics),
    rights,
    sentence: (['thing', 'way', 'time'] as const)
      .map((r) => rights[r])
      .filter((r) => r.status !== 'no_data')
      .map((r) => r.sentence)
      .join('; '),
  };
}

function assessThing(input: AssessExpectationInput, ctx: Basics): RightAssessment {
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
  const status = thingStatus(input, ctx);
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
  const { bound, status } = wayJudgement(w);
  const atLeast = w.standard.comparator === 'at_least';
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

function assessTime(input: AssessExpectationInput, ctx: Basics): RightAssessment {
  const items: { item: EvidenceItem; sentence: string }[] = [];
  const { metric, currency } = input;
  const fmt = (v: number | null) => formatValue(v, metric.unit, currency);
  const pace = paceStatus(input, ctx);
  if (pace !== null) {
    const status = pace;
    const behind = status === 'on_track' ? 'on pace' : 'behind pace';
    items.push({
      item: { label: 'Pace so far', value: input.actual, unit: metric.unit, against: ctx.pace, status },
      sentence: `${behind}: ${fmt(input.actual)} where the curve expected ${fmt(ctx.pace)} by ${longDate(input.asOf)}`,
    });
  }
  if (input.leadTime) {
    const lt = input.leadTime;
    const status = leadTimeStatus(lt);
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
  const reported = reportsStatus(reports);
  if (reports && reported !== null) {
    const status = reported;
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
