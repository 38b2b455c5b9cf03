import {
  AppError,
  parsePeriod,
  periodContaining,
  withDescendants,
  type IsoDate,
  type Period,
  isIsoDate,
} from '@rightly/core';
import type { AssessmentContext } from './assessment-context';

/** Reps to assess: the viewer's visible reps, narrowed to a team (and its sub-teams) or one rep. */
export function resolveReps(ctx: AssessmentContext, params: { team?: string | null; repId?: string | null }): string[] {
  let reps = ctx.visibleReps.map((r) => r.id);
  if (params.team) {
    const needle = params.team.trim().toLowerCase();
    const team = ctx.structure.teams.find((t) => t.id === params.team || t.name.toLowerCase() === needle);
    if (!team) {
      throw new AppError({
        code: 'not_found',
        message: `There is no team "${params.team}". Teams: ${ctx.structure.teams.map((t) => t.name).join(', ')}.`,
        issues: [{ field: 'team', message: 'no such team' }],
      });
    }
    const below = withDescendants([team.id], ctx.structure.teams);
    reps = reps.filter((r) => below.has(ctx.teamOf.get(r) ?? ''));
  }
  if (params.repId) {
    // A rep outside the viewer's scope is "not found", exactly like one that does not exist.
    if (!reps.includes(params.repId))
      throw new AppError({ code: 'not_found', message: 'No such rep among those you can see.' });
    reps = [params.repId];
  }
  return reps;
}

/** The period to assess (default: this week) and the as-of date (default: today, never later). */
export function resolvePeriod(
  ctx: AssessmentContext,
  params: { period?: string | null; asOf?: string | null },
): { period: Period; asOf: IsoDate; asOfIsToday: boolean } {
  if (params.asOf && !isIsoDate(params.asOf)) {
    throw new AppError({
      code: 'validation_failed',
      message: `asOf must be a date like 2026-01-31, not "${params.asOf}".`,
      issues: [{ field: 'asOf', message: 'must be a date like 2026-01-31' }],
    });
  }
  const asOf = params.asOf && params.asOf < ctx.today ? params.asOf : ctx.today;
  const period = params.period ? parsePeriod(params.period) : periodContaining('week', asOf);
  if (!period) {
    throw new AppError({
      code: 'validation_failed',
      message: `period must look like 2026-W05, 2026-01, 2026-Q1 or 2026-01-05..2026-02-13, not "${params.period}".`,
      issues: [{ field: 'period', message: 'must look like 2026-W05, 2026-01, 2026-Q1 or 2026-01-05..2026-02-13' }],
    });
  }
  return { period, asOf, asOfIsToday: asOf === ctx.today };
}
