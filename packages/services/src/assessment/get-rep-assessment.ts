import {
  summarizeRights,
  type AssessmentStatus,
  type IsoDate,
  type MetricUnit,
  type RepRights,
  type Right,
  type Viewer,
  rightStatuses,
} from '@rightly/core';
import type { ServiceDeps } from '../deps';
import { forecastInputs } from '../forecast/forecast-cache';
import { applySnapshots, loadRecordedSnapshots, type RecordedAssessment } from './apply-snapshots';
import { loadAssessmentContext } from './assessment-context';
import { computeAssessments } from './compute-assessments';
import { resolvePeriod, resolveReps } from './resolve-scope';

export interface RepAssessment {
  rep: { id: string; name: string; email: string };
  team: { id: string; name: string } | null;
  period: { key: string; start: IsoDate; end: IsoDate; closed: boolean };
  asOf: IsoDate;
  rights: RepRights;
  assessments: RecordedAssessment[];
  trend: {
    period: { key: string; start: IsoDate; end: IsoDate; closed: boolean };
    rights: Record<Right, AssessmentStatus>;
    values: {
      expectationId: string;
      expectationName: string;
      metric: { key: string; name: string; unit: MetricUnit };
      actual: number | null;
      target: number;
    }[];
  }[];
}

/** One rep's evidence per right for a period, and how the rights and numbers moved over the periods before. */
export async function getRepAssessment(
  deps: ServiceDeps,
  input: { viewer: Viewer; repId: string; period?: string | null; asOf?: IsoDate | null; periods: number },
): Promise<RepAssessment> {
  const ctx = await loadAssessmentContext(deps, input.viewer);
  const [repId] = resolveReps(ctx, { repId: input.repId });
  const { period, asOf, asOfIsToday } = resolvePeriod(ctx, input);
  const { provider: forecasts } = await forecastInputs(deps.db, ctx.org);
  const closed = asOf >= period.end;
  const stored = loadRecordedSnapshots(deps, { ctx, period, asOf, asOfIsToday, repIds: [repId as string] });
  const assessed = await computeAssessments(deps, {
    ctx,
    repIds: [repId as string],
    period,
    asOf,
    previous: input.periods - 1,
    forecasts,
  });
  const current = assessed.current.byRep;
  const all = [assessed.current, ...assessed.previous];
  const recorded = stored
    ? ((await applySnapshots(deps, { orgId: ctx.org.id, periodKey: period.key, live: current, stored })).get(
        repId as string,
      ) ?? [])
    : (current.get(repId as string) ?? []).map((a) => ({ ...a, recorded: null, revisions: [] }));
  const rep = ctx.visibleReps.find((r) => r.id === repId) as RepAssessment['rep'];
  const team = ctx.structure.teams.find((t) => t.id === ctx.teamOf.get(rep.id));
  return {
    rep,
    team: team ? { id: team.id, name: team.name } : null,
    period: { key: period.key, start: period.start, end: period.end, closed },
    asOf,
    rights: summarizeRights(recorded),
    assessments: recorded,
    trend: [...all].reverse().map((p) => {
      const list = p.byRep.get(rep.id) ?? [];
      return {
        period: { key: p.period.key, start: p.period.start, end: p.period.end, closed: p.asOf >= p.period.end },
        rights: rightStatuses(list),
        values: list.map((a) => ({
          expectationId: a.expectationId,
          expectationName: a.expectationName,
          metric: a.metric,
          actual: a.actual,
          target: a.target,
        })),
      };
    }),
  };
}
