import {
  rankNeedsHelp,
  summarizeRights,
  type IsoDate,
  type NeedsHelpEntry,
  type RepRights,
  type Viewer,
  rightStatuses,
} from '@rightly/core';
import type { ServiceDeps } from '../deps';
import { forecastInputs } from '../forecast/forecast-cache';
import { loadAssessmentContext } from './assessment-context';
import { applySnapshots, loadRecordedSnapshots, type RecordedAssessment } from './apply-snapshots';
import { computeAssessments } from './compute-assessments';
import { resolvePeriod, resolveReps } from './resolve-scope';

export interface AssessTeamInput {
  viewer: Viewer;
  /** Team id or name; its sub-teams are included. Default: every rep the viewer may see. */
  team?: string | null;
  /** `2026-W05`, `2026-01`, `2026-Q1` or `2026-01-05..2026-02-13`; default: this week. */
  period?: string | null;
  asOf?: IsoDate | null;
}

export interface RepAssessmentRow {
  rep: { id: string; name: string; email: string };
  team: { id: string; name: string } | null;
  rights: RepRights;
  assessments: RecordedAssessment[];
}

export interface TeamAssessment {
  period: { key: string; start: IsoDate; end: IsoDate; closed: boolean };
  asOf: IsoDate;
  reps: RepAssessmentRow[];
  needsHelp: (NeedsHelpEntry & { rep: { id: string; name: string } })[];
}

/** Periods before this one that count towards "off track N periods in a row". */
const STREAK_PERIODS = 5;

/**
 * The team matrix for a period: every visible rep × the three rights, the evidence behind each
 * cell, and who needs help with a next step. A closed period is read from its snapshots when it
 * is assessed as of today, so history does not shift.
 */
export async function assessTeam(deps: ServiceDeps, input: AssessTeamInput): Promise<TeamAssessment> {
  const ctx = await loadAssessmentContext(deps, input.viewer);
  const { period, asOf, asOfIsToday } = resolvePeriod(ctx, input);
  const repIds = resolveReps(ctx, { team: input.team ?? null });
  const { provider: forecasts } = await forecastInputs(deps.db, ctx.org);
  const closed = asOf >= period.end;
  // A closed period seen today is shown as recorded: its snapshots load while the live figures are worked out.
  const stored = loadRecordedSnapshots(deps, { ctx, period, asOf, asOfIsToday });
  const { current, previous } = await computeAssessments(deps, {
    ctx,
    repIds,
    period,
    asOf,
    previous: STREAK_PERIODS,
    forecasts,
  });
  const live = current.byRep;
  const recorded: Map<string, RecordedAssessment[]> = stored
    ? await applySnapshots(deps, { orgId: ctx.org.id, periodKey: period.key, live, stored })
    : new Map([...live].map(([rep, list]) => [rep, list.map((a) => ({ ...a, recorded: null, revisions: [] }))]));

  const names = new Map(ctx.visibleReps.map((r) => [r.id, r]));
  const teams = new Map(ctx.structure.teams.map((t) => [t.id, t]));
  const reps = repIds.map((id): RepAssessmentRow => {
    const team = teams.get(ctx.teamOf.get(id) ?? '');
    const assessments = recorded.get(id) ?? [];
    return {
      rep: names.get(id) as { id: string; name: string; email: string },
      team: team ? { id: team.id, name: team.name } : null,
      rights: summarizeRights(assessments),
      assessments,
    };
  });
  const needsHelp = rankNeedsHelp(
    reps.map((r) => ({
      repId: r.rep.id,
      name: r.rep.name,
      current: r.rights,
      previous: [...previous].reverse().map((p) => rightStatuses(p.byRep.get(r.rep.id) ?? [])),
    })),
  ).map((entry) => ({ ...entry, rep: { id: entry.repId, name: names.get(entry.repId)?.name ?? '' } }));

  return { period: { key: period.key, start: period.start, end: period.end, closed }, asOf, reps, needsHelp };
}
