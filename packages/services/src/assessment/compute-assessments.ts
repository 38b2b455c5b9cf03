import {
  assessExpectation,
  compileCombination,
  judgeExpectation,
  isActiveDuring,
  median,
  onTimePercent,
  periodLengthDays,
  shiftPeriod,
  targetForPeriod,
  usersInScope,
  type AssessExpectationInput,
  type Combination,
  type Expectation,
  type ExpectationAssessment,
  type ExpectationJudgement,
  type IsoDate,
  type MetricInfo,
  type Period,
} from '@rightly/core';
import { loadMeasureTotals, type MeasureTotals } from '@rightly/db';
import { loadReportTallies, type ReportTallyReader } from '../reports/self-report-tallies';
import type { ServiceDeps } from '../deps';
import type { ForecastProvider } from '../forecast/forecast-provider';
import type { AssessmentContext } from './assessment-context';

export interface ComputeAssessmentsInput {
  ctx: AssessmentContext;
  repIds: readonly string[];
  period: Period;
  asOf: IsoDate;
  /** Earlier periods to assess as well (for streaks and trends), besides the current one. */
  previous: number;
  forecasts: ForecastProvider;
}

export interface PeriodResults<T extends ExpectationJudgement> {
  period: Period;
  asOf: IsoDate;
  byRep: Map<string, T[]>;
}
export type PeriodAssessments = PeriodResults<ExpectationAssessment>;
export type PeriodJudgements = PeriodResults<ExpectationJudgement>;

export interface AssessedPeriods {
  /** The period asked for, with the evidence and a sentence per right. */
  current: PeriodAssessments;
  /**
   * The `previous` periods before it, newest first: numbers and statuses only, since streaks and
   * trends need no more (and sentences for thousands of earlier assessments were most of the cost).
   */
  previous: PeriodJudgements[];
}

/** Periods used only to learn a rep's normal pace for projecting the current, open period. */
const NORMAL_WINDOW = 4;

/**
 * Assesses the reps against every expectation that applies to them, for the period and the
 * `previous` periods before it, reading the rollups once for all of them: one range per period,
 * and every figure is a sum over one or more consecutive periods.
 */
export async function computeAssessments(deps: ServiceDeps, input: ComputeAssessmentsInput): Promise<AssessedPeriods> {
  const { ctx, period } = input;
  const reps = new Set(input.repIds);
  const probe = Array.from({ length: input.previous + 1 }, (_, k) => shiftPeriod(period, -k));
  const applying = applicableExpectations(ctx, reps, probe);
  // A rate over a short period is noise (one deal makes a 0% or 100% share): rates are read over
  // the expectation's own length in whole periods, ending with the period assessed.
  const spanOf = new Map(applying.map((a) => [a.expectation.id, rateSpan(a, period)]));
  const deepest = Math.max(NORMAL_WINDOW, input.previous + Math.max(1, ...spanOf.values()) - 1);
  const periods = Array.from({ length: deepest + 1 }, (_, k) => shiftPeriod(period, -k));
  const metricKeys = new Set<string>();
  for (const { expectation } of applying) {
    metricKeys.add(expectation.metric);
    for (const w of expectation.way) metricKeys.add(w.metric);
  }
  // Team medians need every active rep of the teams involved, visible to the viewer or not.
  const teams = new Set(input.repIds.map((r) => ctx.teamOf.get(r)).filter((t): t is string => t !== undefined));
  const peers = ctx.structure.users.filter(
    (u) => u.role === 'rep' && u.active && teams.has(ctx.teamOf.get(u.id) ?? ''),
  );
  // When every active rep is wanted anyway, read the rollups without a rep filter at all.
  const wanted = new Set([...input.repIds, ...peers.map((p) => p.id)]);
  const readAll = ctx.structure.users.filter((u) => u.role === 'rep' && u.active).every((u) => wanted.has(u.id));
  const needsReports = applying.some((a) => a.expectation.time.selfReport || a.metric.measuredFrom === 'self_reports');
  // The rollups and the self-reports are independent reads: the database answers both at once.
  const [totals, tallies] = await Promise.all([
    loadMeasureTotals(deps.db, {
      orgId: ctx.org.id,
      repIds: readAll ? 'all' : [...wanted],
      ranges: periods.map((p) => ({ start: p.start, end: input.asOf < p.end ? input.asOf : p.end })),
      measures: ctx.registry.baseMeasures(metricKeys),
    }),
    needsReports ? loadReportTallies(deps, { ctx, repIds: [...wanted], periods, asOf: input.asOf }) : null,
  ]);
  const value = valueReader(ctx, totals, tallies);
  const medians = medianReader(ctx, peers, value);

  const inputsFor = (k: number, p: Period, asOf: IsoDate): ((repId: string) => AssessExpectationInput[]) => {
    // Everything that is the same for every rep is worked out once per expectation and period.
    const active = applying
      .filter(({ expectation }) => isActiveDuring(expectation, p))
      .map((a) => {
        const accumulates = a.metric.definition?.type === 'base';
        return {
          ...a,
          span: spanOf.get(a.expectation.id) ?? 1,
          accumulates,
          expectation: {
            ...a.expectation,
            target: targetForPeriod({ expectation: a.expectation, accumulates, period: p }),
          },
          way: a.expectation.way.flatMap((standard) => {
            const metric = ctx.registry.get(standard.metric);
            return metric ? [{ standard, metric }] : [];
          }),
        };
      });
    // Only an open period is projected, so only it needs the rep's normal pace.
    const open = asOf < p.end;
    return (repId) =>
      active
        .filter((a) => a.covered.has(repId))
        .map(({ expectation, metric, span, accumulates, way }) => ({
          expectation,
          metric,
          repId,
          period: p,
          asOf,
          actual: value(repId, k, span, metric.key),
          normal: open && accumulates ? normalPace(value, repId, k, metric.key) : null,
          teamMedian: medians(repId, k, span, metric.key),
          way: way.map(({ standard, metric: wayMetric }) => ({
            standard,
            metric: wayMetric,
            value: value(repId, k, 1, standard.metric),
            teamMedian: medians(repId, k, 1, standard.metric),
          })),
          leadTime:
            expectation.time.leadTime === 'sales_cycle'
              ? {
                  ...input.forecasts.leadTime({ repId, asOf, monthlyTarget: monthlyBookingsTarget(ctx, repId, p) }),
                  currency: ctx.org.currency,
                }
              : null,
          selfReports: expectation.time.selfReport && tallies ? tallies(repId, k, 1, expectation.id) : null,
          currency: ctx.org.currency,
        }));
  };
  const assessPeriod = <T extends ExpectationJudgement>(
    k: number,
    judge: (input: AssessExpectationInput) => T,
  ): PeriodResults<T> => {
    const p = periods[k] as Period;
    const asOf = input.asOf < p.end ? input.asOf : p.end;
    const inputs = inputsFor(k, p, asOf);
    const byRep = new Map<string, T[]>();
    for (const repId of input.repIds) byRep.set(repId, inputs(repId).map(judge));
    return { period: p, asOf, byRep };
  };
  return {
    current: assessPeriod(0, assessExpectation),
    previous: Array.from({ length: input.previous }, (_, i) => assessPeriod(i + 1, judgeExpectation)),
  };
}

/** The rep's average over the periods before period k, for projecting an open period. */
function normalPace(value: ValueReader, repId: string, k: number, metricKey: string): number | null {
  let sum = 0;
  let count = 0;
  for (let d = 1; d <= NORMAL_WINDOW; d++) {
    const v = value(repId, k + d, 1, metricKey);
    if (v === null) continue;
    sum += v;
    count += 1;
  }
  return count > 0 ? sum / count : null;
}

interface Applying {
  expectation: Expectation;
  metric: MetricInfo;
  covered: Set<string>;
}

function applicableExpectations(ctx: AssessmentContext, reps: Set<string>, periods: readonly Period[]): Applying[] {
  const span = { start: periods.at(-1)?.start ?? '', end: periods[0]?.end ?? '' };
  return ctx.expectations.flatMap((expectation) => {
    const metric = ctx.registry.get(expectation.metric);
    if (!metric || !isActiveDuring(expectation, span)) return [];
    const covered = new Set([...usersInScope(expectation.scope, ctx.structure)].filter((id) => reps.has(id)));
    return covered.size === 0 ? [] : [{ expectation, metric, covered }];
  });
}

/** How many whole periods a rate is read over: the expectation's own length, at least one. */
function rateSpan(applying: Applying, period: Period): number {
  if (applying.metric.definition?.type === 'base') return 1;
  const natural = { week: 7, month: 365.25 / 12, quarter: 365.25 / 4, custom: 0 }[applying.expectation.period];
  return Math.max(1, Math.round(natural / periodLengthDays(period)));
}

/** A metric for a rep over `span` consecutive periods starting with period k (and going back). */
type ValueReader = (repId: string, k: number, span: number, metricKey: string) => number | null;

function valueReader(ctx: AssessmentContext, totals: MeasureTotals, tallies: ReportTallyReader | null): ValueReader {
  const compiled = new Map<string, Combination | null>();
  const combinationOf = (key: string): Combination | null => {
    let combination = compiled.get(key);
    if (combination === undefined) {
      const definition = ctx.registry.get(key)?.definition;
      combination = definition ? compileCombination(definition, ctx.registry.lookup) : null;
      compiled.set(key, combination);
    }
    return combination;
  };
  return (repId, k, span, key) => {
    const metric = ctx.registry.get(key);
    if (metric?.measuredFrom === 'self_reports') return tallies ? onTimePercent(tallies(repId, k, span, null)) : null;
    const combination = combinationOf(key);
    if (!combination) return null;
    return combination((m) => {
      let sum = 0;
      for (let i = k; i < k + span; i++) sum += totals.get(repId, i, m);
      return sum;
    });
  };
}

function medianReader(ctx: AssessmentContext, peers: readonly { id: string }[], value: ValueReader): ValueReader {
  // Grouped once: filtering every peer of the org for each team, period and metric was a
  // quadratic cost on a thousand reps.
  const byTeam = new Map<string, string[]>();
  for (const peer of peers) {
    const team = ctx.teamOf.get(peer.id);
    if (team === undefined) continue;
    const members = byTeam.get(team);
    if (members) members.push(peer.id);
    else byTeam.set(team, [peer.id]);
  }
  // By team, metric, then period and span: no joined text key for every lookup.
  const cache = new Map<string, Map<string, Map<number, number | null>>>();
  return (repId, k, span, key) => {
    const team = ctx.teamOf.get(repId);
    if (!team) return null;
    let byMetric = cache.get(team);
    if (!byMetric) {
      byMetric = new Map();
      cache.set(team, byMetric);
    }
    let byPeriod = byMetric.get(key);
    if (!byPeriod) {
      byPeriod = new Map();
      byMetric.set(key, byPeriod);
    }
    // k and span are small counts of periods: one number keys both.
    const slot = k * 1000 + span;
    let cached = byPeriod.get(slot);
    if (cached === undefined) {
      const values = (byTeam.get(team) ?? [])
        .map((id) => value(id, k, span, key))
        .filter((v): v is number => v !== null);
      cached = median(values);
      byPeriod.set(slot, cached);
    }
    return cached;
  };
}

/**
 * A monthly bookings target for the lead-time check, when the rep has an active expectation on
 * bookings (won value); otherwise the rep's own normal month is the reference.
 */
export function monthlyBookingsTarget(
  ctx: AssessmentContext,
  repId: string,
  period: { start: IsoDate; end: IsoDate },
): number | null {
  for (const e of ctx.expectations) {
    if (e.metric !== 'won_value' || !isActiveDuring(e, period)) continue;
    if (!usersInScope(e.scope, ctx.structure).has(repId)) continue;
    const perMonth = { week: 365.25 / 12 / 7, month: 1, quarter: 1 / 3, custom: 0 }[e.period];
    if (perMonth > 0) return e.target * perMonth;
  }
  return null;
}
