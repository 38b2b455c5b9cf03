import {
  addDays,
  assessExpectation,
  combineMeasures,
  daysBetween,
  isActiveDuring,
  median,
  shiftPeriod,
  summarizeRights,
  targetForPeriod,
  usersInScope,
  type AssessmentStatus,
  type Expectation,
  type ExpectationAssessment,
  type IsoDate,
  type MetricInfo,
  type Period,
  type Right,
} from '@rightly/core';
import { loadMeasureTotals, type MeasureTotals } from '@rightly/db';
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

export interface PeriodAssessments {
  period: Period;
  asOf: IsoDate;
  byRep: Map<string, ExpectationAssessment[]>;
}

/** Periods used only to learn a rep's normal pace for projections. */
const NORMAL_WINDOW = 4;

/**
 * Assesses the reps against every expectation that applies to them, for the period and the
 * `previous` periods before it, reading the rollups once for all of them.
 */
export async function computeAssessments(
  deps: ServiceDeps,
  input: ComputeAssessmentsInput,
): Promise<PeriodAssessments[]> {
  const { ctx, period } = input;
  const periods = Array.from({ length: input.previous + 1 + NORMAL_WINDOW }, (_, k) => shiftPeriod(period, -k));
  const reps = new Set(input.repIds);
  const applying = applicableExpectations(ctx, reps, periods);
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
  // Each period's own range first (index k = period k), then trailing windows for rates (below).
  const ranges = new RangeSet(periods.map((p) => ({ start: p.start, end: input.asOf < p.end ? input.asOf : p.end })));
  const rateWindows = new Map<string, number>();
  for (const { expectation, metric } of applying) {
    if (metric.definition?.type === 'base') continue;
    for (let k = 0; k <= input.previous; k++) {
      const window = rateWindow(expectation, periods[k] as Period, input.asOf);
      if (window) rateWindows.set(`${expectation.id}|${k}`, ranges.index(window));
    }
  }
  const totals = await loadMeasureTotals(deps.db, {
    orgId: ctx.org.id,
    repIds: [...new Set([...input.repIds, ...peers.map((p) => p.id)])],
    ranges: ranges.all(),
    measures: ctx.registry.baseMeasures(metricKeys),
  });
  const value = valueReader(ctx, totals);
  const medians = medianReader(ctx, peers, value);

  return periods.slice(0, input.previous + 1).map((p, k) => {
    const asOf = input.asOf < p.end ? input.asOf : p.end;
    const byRep = new Map<string, ExpectationAssessment[]>();
    for (const repId of input.repIds) {
      const list: ExpectationAssessment[] = [];
      for (const { expectation, metric, covered } of applying) {
        if (!covered.has(repId) || !isActiveDuring(expectation, p)) continue;
        const accumulates = metric.definition?.type === 'base';
        const normals = [1, 2, 3, 4].map((d) => value(repId, k + d, metric.key)).filter((v): v is number => v !== null);
        // A rate over a short period is noise (one deal makes a 0% or 100% share): rates are read
        // over the expectation's own period length, ending with this period.
        const range = rateWindows.get(`${expectation.id}|${k}`) ?? k;
        list.push(
          assessExpectation({
            expectation: { ...expectation, target: targetForPeriod({ expectation, accumulates, period: p }) },
            metric,
            repId,
            period: p,
            asOf,
            actual: value(repId, range, metric.key),
            normal: accumulates && normals.length > 0 ? normals.reduce((a, b) => a + b, 0) / normals.length : null,
            teamMedian: medians(repId, range, metric.key),
            way: expectation.way.flatMap((standard) => {
              const wayMetric = ctx.registry.get(standard.metric);
              if (!wayMetric) return [];
              return [
                {
                  standard,
                  metric: wayMetric,
                  value: value(repId, k, standard.metric),
                  teamMedian: medians(repId, k, standard.metric),
                },
              ];
            }),
            leadTime:
              expectation.time.leadTime === 'sales_cycle'
                ? {
                    ...input.forecasts.leadTime({ repId, asOf, monthlyTarget: monthlyBookingsTarget(ctx, repId, p) }),
                    currency: ctx.org.currency,
                  }
                : null,
            currency: ctx.org.currency,
          }),
        );
      }
      byRep.set(repId, list);
    }
    return { period: p, asOf, byRep };
  });
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

/** Date ranges to read, each once, addressed by index. */
class RangeSet {
  private readonly list: { start: IsoDate; end: IsoDate }[];
  constructor(initial: { start: IsoDate; end: IsoDate }[]) {
    this.list = [...initial];
  }
  index(range: { start: IsoDate; end: IsoDate }): number {
    const found = this.list.findIndex((r) => r.start === range.start && r.end === range.end);
    if (found >= 0) return found;
    this.list.push(range);
    return this.list.length - 1;
  }
  all(): { start: IsoDate; end: IsoDate }[] {
    return this.list;
  }
}

/** For a rate whose expectation runs over a longer period than the one assessed: the trailing window of that length. */
function rateWindow(expectation: Expectation, period: Period, asOf: IsoDate): { start: IsoDate; end: IsoDate } | null {
  const days = { week: 7, month: 30, quarter: 91, custom: 0 }[expectation.period];
  const end = asOf < period.end ? asOf : period.end;
  if (days === 0 || days <= daysBetween(period.start, end) + 1) return null;
  return { start: addDays(end, -(days - 1)), end };
}

type ValueReader = (repId: string, rangeIndex: number, metricKey: string) => number | null;

function valueReader(ctx: AssessmentContext, totals: MeasureTotals): ValueReader {
  return (repId, k, key) => {
    const definition = ctx.registry.get(key)?.definition;
    if (!definition) return null;
    return combineMeasures({ definition, lookup: ctx.registry.lookup, total: (m) => totals.get(repId, k, m) });
  };
}

function medianReader(ctx: AssessmentContext, peers: readonly { id: string }[], value: ValueReader): ValueReader {
  const cache = new Map<string, number | null>();
  return (repId, k, key) => {
    const team = ctx.teamOf.get(repId);
    if (!team) return null;
    const cacheKey = `${team}|${k}|${key}`;
    if (!cache.has(cacheKey)) {
      const values = peers
        .filter((p) => ctx.teamOf.get(p.id) === team)
        .map((p) => value(p.id, k, key))
        .filter((v): v is number => v !== null);
      cache.set(cacheKey, median(values));
    }
    return cache.get(cacheKey) ?? null;
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

/** Statuses per right for one rep in one period, for streaks and trends. */
export function rightsOf(assessments: readonly ExpectationAssessment[]): Record<Right, AssessmentStatus> {
  const summary = summarizeRights(assessments);
  return { thing: summary.thing.status, way: summary.way.status, time: summary.time.status };
}
