import {
  AppError,
  addDays,
  combineMeasures,
  median,
  periodContaining,
  roundTarget,
  shiftPeriod,
  suggestTarget,
  type Viewer,
} from '@rightly/core';
import { loadMeasureTotals } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { loadAssessmentContext, type AssessmentContext } from '../assessment/assessment-context';
import { resolveReps } from '../assessment/resolve-scope';

export interface TargetSuggestions {
  metric: string;
  period: 'week' | 'month' | 'quarter';
  reps: { rep: { id: string; name: string }; suggested: number | null; history: (number | null)[] }[];
  suggested: number | null;
}

const HISTORY_PERIODS = 12;

/**
 * A target per rep from their own history (the 80th percentile of the last 12 complete periods),
 * and one for the group: the median of those. Shown beside the target field.
 */
export async function suggestTargets(
  deps: ServiceDeps,
  input: {
    viewer: Viewer;
    metric: string;
    period: 'week' | 'month' | 'quarter';
    team?: string | null;
    repIds?: string[];
  },
): Promise<TargetSuggestions> {
  const ctx = await loadAssessmentContext(deps, input.viewer);
  return suggestFor(deps, ctx, {
    metric: input.metric,
    period: input.period,
    repIds: input.repIds ?? resolveReps(ctx, { team: input.team ?? null }),
  });
}

export async function suggestFor(
  deps: ServiceDeps,
  ctx: AssessmentContext,
  params: { metric: string; period: 'week' | 'month' | 'quarter'; repIds: string[] },
): Promise<TargetSuggestions> {
  const metric = ctx.registry.get(params.metric);
  if (!metric?.definition) {
    throw new AppError({
      code: 'validation_failed',
      message: `There is no measurable metric "${params.metric}".`,
      issues: [{ field: 'metric', message: 'must be a measurable metric' }],
    });
  }
  const definition = metric.definition;
  const last = shiftPeriod(periodContaining(params.period, ctx.today), -1);
  const periods = Array.from({ length: HISTORY_PERIODS }, (_, i) => shiftPeriod(last, i - (HISTORY_PERIODS - 1)));
  const totals = await loadMeasureTotals(deps.db, {
    orgId: ctx.org.id,
    repIds: params.repIds,
    ranges: periods.map((p) => ({ start: p.start, end: p.end < ctx.today ? p.end : addDays(ctx.today, -1) })),
    measures: ctx.registry.baseMeasures([metric.key]),
  });
  const names = new Map(ctx.structure.users.map((u) => [u.id, u.name]));
  const reps = params.repIds.map((id) => {
    const history = periods.map((_, k) =>
      combineMeasures({ definition, lookup: ctx.registry.lookup, total: (m) => totals.get(id, k, m) }),
    );
    const known = history.filter((v): v is number => v !== null);
    // A good period for "lower is better" (sales cycle) is a short one: the 20th percentile.
    const suggested = suggestTarget(known, metric.direction === 'lower' ? 0.2 : 0.8);
    return { rep: { id, name: names.get(id) ?? '' }, suggested, history };
  });
  const group = median(reps.map((r) => r.suggested).filter((v): v is number => v !== null));
  return { metric: metric.key, period: params.period, reps, suggested: group === null ? null : roundTarget(group) };
}
