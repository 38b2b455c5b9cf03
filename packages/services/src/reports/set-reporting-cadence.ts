import {
  addDays,
  AppError,
  CADENCE_LABELS,
  cadenceRank,
  teamsInLeaderScope,
  type PutReportingCadenceBody,
  type ReportingCadencesResponse,
  type Viewer,
} from '@rightly/core';
import { setCadence } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { recordOrgAudit } from '../audit/record-audit';
import { describeCadences } from './get-reporting-cadences';
import { loadReportingContext } from './reporting-context';
import { notifyCadenceChange } from './notify-cadence-change';

export interface SetReportingCadenceInput {
  viewer: Viewer;
  change: PutReportingCadenceBody;
}

/**
 * Sets the org default (admins), a team's cadence (its leaders and admins) or one rep's (the
 * leaders above the rep and admins), from tomorrow: windows that have begun keep their shape,
 * so no filed report is orphaned or duplicated. Shortening a rep's cadence is a coaching step,
 * so it needs a reason and a date to review it.
 */
export async function setReportingCadence(
  deps: ServiceDeps,
  input: SetReportingCadenceInput,
): Promise<ReportingCadencesResponse> {
  const { viewer, change } = input;
  const ctx = await loadReportingContext(deps, viewer);
  const subjectId = change.level === 'org' ? null : (change.subjectId ?? null);
  const forbidden = (message: string) => new AppError({ code: 'forbidden', message });
  const notFound = (what: string) =>
    new AppError({ code: 'not_found', message: `No such ${what} among those you can see.` });

  if (viewer.role === 'rep') throw forbidden('Only leaders and admins change reporting cadences.');
  if (change.level === 'org' && viewer.role !== 'admin') throw forbidden('Only an admin changes the org default.');
  if (change.level === 'team') {
    const team = ctx.structure.teams.find((t) => t.id === subjectId);
    const mine = viewer.role === 'admin' || teamsInLeaderScope(viewer.userId, ctx.structure.teams).has(subjectId ?? '');
    if (!team || !mine) throw notFound('team');
  }
  let before: ReportingCadencesResponse | null = null;
  if (change.level === 'rep') {
    if (!ctx.visibleReps.some((r) => r.id === subjectId)) throw notFound('rep');
    before = await describeCadences(deps, ctx, { viewer, repIds: [subjectId ?? ''] });
    const current = before.reps[0];
    const shortens = change.cadence !== null && current && cadenceRank(change.cadence) < cadenceRank(current.usual);
    const issues = [];
    if (change.cadence !== null && change.reason.trim() === '')
      issues.push({ field: 'reason', message: 'say why the rep reports on a different rhythm than the team' });
    if (shortens && !change.reviewOn)
      issues.push({ field: 'reviewOn', message: 'set a date to review the shorter cadence' });
    if (change.reviewOn && change.reviewOn <= ctx.today)
      issues.push({ field: 'reviewOn', message: 'must be after today' });
    if (issues.length > 0) {
      throw new AppError({
        code: 'validation_failed',
        message: `A rep's own cadence needs ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}.`,
        issues,
      });
    }
  }
  const effectiveFrom = addDays(ctx.today, 1);
  await deps.db.transaction(async (tx) => {
    await setCadence(tx, {
      orgId: viewer.orgId,
      level: change.level,
      subjectId,
      cadence: change.cadence,
      reason: change.reason,
      reviewOn: change.reviewOn,
      setBy: viewer.userId,
      effectiveFrom,
    });
    const what = change.level === 'org' ? 'the org default' : change.level === 'team' ? 'a team' : 'a rep';
    const to = change.cadence === null ? 'back to the usual' : CADENCE_LABELS[change.cadence];
    await recordOrgAudit(tx, {
      orgId: viewer.orgId,
      actorId: viewer.userId,
      action: 'reporting_cadence_changed',
      // About the rep when it is one rep's cadence, so the rep's leaders see it too.
      subjectId: change.level === 'rep' ? subjectId : null,
      at: deps.now(),
      summary: `Reporting cadence of ${what} set ${to} from ${effectiveFrom}`,
      details: {
        level: change.level,
        teamId: change.level === 'team' ? subjectId : null,
        before: change.level === 'rep' ? (before?.reps[0]?.cadence ?? null) : null,
        cadence: change.cadence,
        reason: change.reason,
        reviewOn: change.reviewOn ?? null,
        effectiveFrom,
      },
    });
  });
  const after = await loadReportingContext(deps, viewer);
  const repIds =
    change.level === 'rep' ? [subjectId ?? ''] : change.level === 'team' ? repsOfTeam(after, subjectId ?? '') : [];
  const result = await describeCadences(deps, after, { viewer, repIds });
  if (change.level === 'rep' && subjectId) {
    const now = result.reps[0];
    if (now) {
      await notifyCadenceChange(deps, {
        ctx: after,
        repId: subjectId,
        text:
          change.cadence === null
            ? `From ${effectiveFrom} you report ${CADENCE_LABELS[now.usual]} again, like your team.`
            : `From ${effectiveFrom} you report ${CADENCE_LABELS[change.cadence]}. ${change.reason}`.trim(),
      });
    }
  }
  return result;
}

function repsOfTeam(ctx: Awaited<ReturnType<typeof loadReportingContext>>, teamId: string): string[] {
  return ctx.visibleReps.filter((r) => ctx.teamOf.get(r.id) === teamId).map((r) => r.id);
}
