import {
  AppError,
  forecastRep,
  gapAdvice,
  isIsoDate,
  splitByRep,
  type ForecastMonth,
  type GapAdvice,
  type IsoDate,
  type Viewer,
} from '@rightly/core';
import { forecastInputs } from './forecast-cache';
import type { ServiceDeps } from '../deps';
import { loadAssessmentContext } from '../assessment/assessment-context';
import { monthlyBookingsTarget } from '../assessment/compute-assessments';
import { resolveReps } from '../assessment/resolve-scope';

export interface ForecastResult {
  scope: { kind: 'rep' | 'team' | 'all'; id: string | null; name: string };
  asOf: IsoDate;
  currency: string;
  referenceKind: 'target' | 'normal';
  months: ForecastMonth[];
  gap: GapAdvice | null;
  reps: { rep: { id: string; name: string }; months: ForecastMonth[]; gap: GapAdvice | null }[];
  model: { medianLagDays: number; medianCycleDays: number; firstMeetingToOpportunity: number; winRate: number };
}

/**
 * Bookings expected in each coming month for a rep, a team or everyone the viewer sees, from the
 * org's own history, and what it would take to fill the first hole.
 */
export async function getForecast(
  deps: ServiceDeps,
  input: { viewer: Viewer; rep?: string | null; team?: string | null; months: number; asOf?: IsoDate | null },
): Promise<ForecastResult> {
  const ctx = await loadAssessmentContext(deps, input.viewer);
  if (input.asOf && !isIsoDate(input.asOf)) {
    throw new AppError({
      code: 'validation_failed',
      message: 'asOf must be a date like 2026-01-31.',
      issues: [{ field: 'asOf', message: 'must be a date like 2026-01-31' }],
    });
  }
  const asOf = input.asOf && input.asOf < ctx.today ? input.asOf : ctx.today;
  let scope: ForecastResult['scope'];
  let repIds: string[];
  if (input.rep) {
    const needle = input.rep.trim().toLowerCase();
    const rep = ctx.visibleReps.find((r) => r.id === input.rep || r.email === needle);
    if (!rep)
      throw new AppError({
        code: 'not_found',
        message: `No rep "${input.rep}" among those you can see.`,
        issues: [{ field: 'rep', message: 'no such rep' }],
      });
    scope = { kind: 'rep', id: rep.id, name: rep.name };
    repIds = [rep.id];
  } else if (input.team) {
    repIds = resolveReps(ctx, { team: input.team });
    const needle = input.team.trim().toLowerCase();
    const team = ctx.structure.teams.find((t) => t.id === input.team || t.name.toLowerCase() === needle);
    scope = { kind: 'team', id: team?.id ?? null, name: team?.name ?? input.team };
  } else {
    repIds = ctx.visibleReps.map((r) => r.id);
    scope = { kind: 'all', id: null, name: 'All reps you can see' };
  }

  const { data, provider } = await forecastInputs(deps.db, ctx.org);
  const model = provider.model(asOf);
  const byRep = splitByRep(data);
  const names = new Map(ctx.visibleReps.map((r) => [r.id, r.name]));
  let anyTarget = false;
  const reps = repIds.map((repId) => {
    const target = monthlyBookingsTarget(ctx, repId, { start: asOf, end: asOf });
    anyTarget ||= target !== null;
    const forecast = forecastRep({
      data: byRep.get(repId) ?? { opportunities: [], firstMeetings: [] },
      model,
      repId,
      months: input.months,
      monthlyTarget: target,
    });
    return {
      rep: { id: repId, name: names.get(repId) ?? '' },
      months: forecast.months,
      gap: gapAdvice({ months: forecast.months, rates: forecast.rates, model, currency: ctx.org.currency }),
      rates: forecast.rates,
    };
  });
  const months = sumMonths(reps.map((r) => r.months));
  const single = reps.length === 1 ? reps[0] : undefined;
  const gap = single
    ? single.gap
    : gapAdvice({
        months,
        rates: {
          firstMeetingToOpportunity: model.firstMeetingToOpportunity,
          winRate: model.overallWinRate,
          averageWonAmount: model.averageWonAmount,
          firstMeetingsPerWeek: 0,
          normalMonth: 0,
          cycleDays: model.cycleDays,
          medianCycleDays: model.medianCycleDays,
        },
        model,
        currency: ctx.org.currency,
      });
  return {
    scope,
    asOf,
    currency: ctx.org.currency,
    referenceKind: anyTarget ? 'target' : 'normal',
    months,
    gap,
    reps: reps.map(({ rates: _rates, ...r }) => r),
    model: {
      medianLagDays: model.medianLagDays,
      medianCycleDays: model.medianCycleDays,
      firstMeetingToOpportunity: model.firstMeetingToOpportunity,
      winRate: model.overallWinRate,
    },
  };
}

function sumMonths(perRep: readonly ForecastMonth[][]): ForecastMonth[] {
  const first = perRep[0] ?? [];
  return first.map((m, i) => {
    const all = perRep.map((r) => r[i] as ForecastMonth);
    const sum = (k: keyof Omit<ForecastMonth, 'month'>) => all.reduce((s, x) => s + x[k], 0);
    return {
      month: m.month,
      fromPipeline: sum('fromPipeline'),
      fromRecentMeetings: sum('fromRecentMeetings'),
      fromFuturePace: sum('fromFuturePace'),
      total: sum('total'),
      reference: sum('reference'),
    };
  });
}
