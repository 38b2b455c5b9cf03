import { AppError, toSingleLine, type AuditResponse, type Viewer } from '@rightly/core';
import { listAudit as listStoredAudit } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { loadCoachingContext, requireVisibleRep } from './coaching-context';

/**
 * The audit log: admins read all of it, leaders the entries about the reps they lead, reps none.
 * The summary is made a single line again on the way out, whatever is stored.
 */
export async function listAuditEntries(
  deps: ServiceDeps,
  input: { viewer: Viewer; repId?: string; limit?: number },
): Promise<AuditResponse> {
  const ctx = await loadCoachingContext(deps, input.viewer);
  if (input.viewer.role === 'rep') {
    throw new AppError({ code: 'forbidden', message: 'The audit log is for leaders and admins.' });
  }
  const subjectIds = input.repId
    ? [requireVisibleRep(ctx, input.repId).id]
    : input.viewer.role === 'admin'
      ? ('all' as const)
      : ctx.visibleReps.map((r) => r.id);
  const entries = await listStoredAudit(deps.db, { orgId: ctx.org.id, subjectIds, limit: input.limit ?? 200 });
  return {
    entries: entries.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorName: ctx.nameOf(e.actorId),
      action: e.action,
      subjectId: e.subjectId,
      subjectName: ctx.nameOf(e.subjectId),
      details: { ...e.details, summary: toSingleLine(String(e.details.summary ?? '')) },
    })),
  };
}
