import {
  addDays,
  AppError,
  isActiveDuring,
  periodContaining,
  RIGHTS,
  usersInScope,
  type Right,
  type TeamHealth,
  type Viewer,
  rightStatuses,
} from '@rightly/core';
import type { ExpectationJudgement } from '@rightly/core';
import { listCoachingPlans, listLadderSteps } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { computeAssessments } from '../assessment/compute-assessments';
import { resolveReps } from '../assessment/resolve-scope';
import { forecastInputs } from '../forecast/forecast-cache';
import { listSelfReports } from '../reports/list-self-reports';
import { loadCoachingContext } from './coaching-context';

const TREND_PERIODS = 13;
const REPORT_WEEKS = 13;

/**
 * The accountability health panel of a team (default: everyone the viewer leads): how well the
 * expectations are written (owner, target, date), outcome versus activity metrics, self-reports on
 * time, coaching plans active, escalations in the last 12 months and their rate per rep, and the
 * 13-week trend of results met and rights on track.
 */
export async function getTeamHealth(deps: ServiceDeps, input: { viewer: Viewer; team?: string }): Promise<TeamHealth> {
  const ctx = await loadCoachingContext(deps, input.viewer);
  if (input.viewer.role === 'rep') {
    throw new AppError({ code: 'forbidden', message: 'The team health panel is for leaders and admins.' });
  }
  const repIds = resolveReps(ctx, { team: input.team ?? null });
  const team = input.team ? ctx.structure.teams.find((t) => t.id === input.team || t.name === input.team) : null;
  const inScope = new Set(repIds);
  const today = { start: ctx.today, end: ctx.today };
  const expectations = ctx.expectations.filter(
    (e) => isActiveDuring(e, today) && [...usersInScope(e.scope, ctx.structure)].some((u) => inScope.has(u)),
  );
  const wellWritten = expectations.filter(
    (e) =>
      usersInScope(e.scope, ctx.structure).size > 0 && e.target > 0 && (e.period !== 'custom' || e.customEnd !== null),
  );
  const outcome = expectations.filter((e) => ctx.registry.get(e.metric)?.kind === 'outcome');
  const share = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

  const now = deps.now();
  const yearAgo = new Date(now.getTime() - 365 * 24 * 3600 * 1000);
  const [plans, steps, reports] = await Promise.all([
    listCoachingPlans(deps.db, { orgId: ctx.org.id, repIds, status: 'active' }),
    listLadderSteps(deps.db, { orgId: ctx.org.id, repIds, since: yearAgo }),
    repIds.length === 0
      ? null
      : listSelfReports(deps, {
          viewer: input.viewer,
          team: input.team,
          from: addDays(ctx.today, -7 * REPORT_WEEKS),
          to: ctx.today,
        }),
  ]);
  const escalations = steps.filter((s) => s.step !== 'coach').length;
  const dueReports = reports ? reports.summary.onTime + reports.summary.late + reports.summary.overdue : 0;

  const { provider: forecasts } = await forecastInputs(deps.db, ctx.org);
  const periods =
    repIds.length === 0
      ? []
      : await computeAssessments(deps, {
          ctx,
          repIds,
          period: periodContaining('week', ctx.today),
          asOf: ctx.today,
          previous: TREND_PERIODS - 1,
          forecasts,
        }).then((assessed) => [assessed.current, ...assessed.previous]);
  // Met: the result (projected to the period's end while it is open) reaches the target, in the
  // metric's own direction (a shorter sales cycle is better).
  const targetMet = (a: ExpectationJudgement): boolean => {
    const value = a.projected ?? a.actual;
    if (value === null) return false;
    return ctx.registry.get(a.metric.key)?.direction === 'lower' ? value <= a.target : value >= a.target;
  };
  const trend = [...periods].reverse().map((p) => {
    const lists = repIds.map((r) => p.byRep.get(r) ?? []);
    const measured = lists.flat().filter((a) => a.actual !== null && a.target > 0);
    const onTrack = Object.fromEntries(
      RIGHTS.map((right) => {
        const statuses = lists.filter((l) => l.length > 0).map((l) => rightStatuses(l)[right]);
        const known = statuses.filter((s) => s !== 'no_data');
        return [right, share(known.filter((s) => s === 'on_track').length, known.length)];
      }),
    ) as Record<Right, number | null>;
    return {
      period: p.period.key,
      start: p.period.start,
      end: p.period.end,
      results: share(measured.filter(targetMet).length, measured.length),
      onTrack,
    };
  });
  return {
    teamId: team?.id ?? null,
    teamName: team?.name ?? (input.viewer.role === 'admin' ? ctx.org.name : 'Your teams'),
    asOf: ctx.today,
    repsInScope: repIds.length,
    expectationsWithOwnerTargetDate: share(wellWritten.length, expectations.length),
    expectationsCount: expectations.length,
    outcomeMetricShare: share(outcome.length, expectations.length),
    selfReportsOnTime: reports ? share(reports.summary.onTime, dueReports) : null,
    activePlans: plans.length,
    escalationsLast12Months: escalations,
    escalationRate: share(escalations, repIds.length),
    trend,
  };
}
