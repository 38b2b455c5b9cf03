import {
  addDays,
  combineMeasures,
  estimatePlanEffect,
  isActiveDuring,
  localDate,
  usersInScope,
  weekStart,
  type IsoDate,
  type MetricInfo,
  type PlanEffect,
  type Right,
} from '@rightly/core';
import { loadMeasureTotals, type StoredPlan } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import type { CoachingContext } from './coaching-context';

/** Weeks before the plan that make the baseline, and at most this many weeks measured since. */
const BASELINE_WEEKS = 8;
const MAX_DURING_WEEKS = 26;
const MAX_METRICS = 4;

/**
 * The measured effect of a plan: for the metrics of the rights in focus, the rep's weekly values
 * over 8 weeks before the plan and the weeks since (to today, or the plan's close), against the
 * per-rep average of the rep's team over the same weeks; the effect is the difference in
 * differences (core `estimatePlanEffect`). Read from the per-rep, per-day rollups only.
 */
export async function computePlanEffect(
  deps: ServiceDeps,
  ctx: CoachingContext,
  plan: StoredPlan,
): Promise<PlanEffect | null> {
  const metrics = focusMetrics(ctx, plan);
  if (metrics.length === 0) return null;
  const end: IsoDate = plan.closedAt ? localDate(plan.closedAt, ctx.org.timeZone) : ctx.today;
  const first = addDays(weekStart(plan.startedOn, ctx.org.weekStartsOn), -7 * BASELINE_WEEKS);
  const weeks: { start: IsoDate; end: IsoDate }[] = [];
  for (let w = first; w <= end && weeks.length < BASELINE_WEEKS + MAX_DURING_WEEKS; w = addDays(w, 7)) {
    const last = addDays(w, 6);
    weeks.push({ start: w, end: last < end ? last : end });
  }
  const teamId = ctx.teamOf.get(plan.repId);
  const peers = ctx.structure.users
    .filter((u) => u.role === 'rep' && u.active && (u.id === plan.repId || (teamId && ctx.teamOf.get(u.id) === teamId)))
    .map((u) => u.id);
  if (!peers.includes(plan.repId)) peers.push(plan.repId);
  const totals = await loadMeasureTotals(deps.db, {
    orgId: ctx.org.id,
    repIds: peers,
    ranges: weeks,
    measures: ctx.registry.baseMeasures(new Set(metrics.map((m) => m.key))),
  });
  const value = (repId: string, week: number, metric: MetricInfo) =>
    metric.definition
      ? combineMeasures({
          definition: metric.definition,
          lookup: ctx.registry.lookup,
          total: (key) => totals.get(repId, week, key),
        })
      : null;
  const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  const results = metrics.map((metric) => {
    const weekly = weeks.map((w, i) => {
      const team = peers.map((p) => value(p, i, metric)).filter((v): v is number => v !== null);
      return {
        weekStart: w.start,
        rep: value(plan.repId, i, metric),
        team: team.length === 0 ? null : team.reduce((a, b) => a + b, 0) / team.length,
      };
    });
    const e = estimatePlanEffect({ weekly, planStart: plan.startedOn });
    return {
      estimate: e,
      metric: {
        metricKey: metric.key,
        name: metric.name,
        unit: metric.unit,
        right: metric.right,
        before: round(e.before),
        during: round(e.during),
        teamBefore: round(e.teamBefore),
        teamDuring: round(e.teamDuring),
        repChange: round(e.repChange),
        teamChange: round(e.teamChange),
        effect: round(e.effect),
        weekly: weekly.map((w) => ({ weekStart: w.weekStart, rep: round(w.rep), team: round(w.team) })),
      },
    };
  });
  const firstResult = results[0];
  return {
    planStart: plan.startedOn,
    baselineFrom: first,
    measuredTo: end,
    baselineWeeks: firstResult?.estimate.baselineWeeks ?? 0,
    duringWeeks: firstResult?.estimate.duringWeeks ?? 0,
    metrics: results.map((r) => r.metric),
    sentence: sentence(results.map((r) => r.metric)),
  };
}

/** CRM-measured metrics of the rep's active expectations that speak to the rights in focus. */
function focusMetrics(ctx: CoachingContext, plan: StoredPlan): MetricInfo[] {
  const range = { start: plan.startedOn, end: ctx.today };
  const keys: string[] = [];
  for (const e of ctx.expectations) {
    if (!isActiveDuring(e, range) || !usersInScope(e.scope, ctx.structure).has(plan.repId)) continue;
    keys.push(e.metric, ...e.way.map((w) => w.metric));
  }
  const measurable = [...new Set(keys)]
    .map((k) => ctx.registry.get(k))
    .filter((m): m is MetricInfo => m !== undefined && m.definition !== null && !m.measuredFrom);
  const inFocus = measurable.filter((m) => plan.focus.includes(m.right as Right));
  // Time is often measured from self-reports (not in the rollups): fall back to the rep's results.
  return (inFocus.length > 0 ? inFocus : measurable.filter((m) => m.kind === 'outcome')).slice(0, MAX_METRICS);
}

function sentence(metrics: PlanEffect['metrics']): string {
  const known = metrics.filter((m) => m.effect !== null);
  if (known.length === 0) return 'Not enough weeks on both sides of the start yet to measure an effect.';
  return known
    .map((m) => {
      const sign = (v: number | null) => (v === null ? '–' : `${v > 0 ? '+' : ''}${v}`);
      return `${m.name}: ${sign(m.repChange)} for the rep against ${sign(m.teamChange)} for the team (effect ${sign(m.effect)}).`;
    })
    .join(' ');
}
