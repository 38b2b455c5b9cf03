import {
  addDays,
  AppError,
  startOfLocalDay,
  toSingleLine,
  visibleUserIds,
  type AuditAction,
  type AuditResponse,
  type IsoDate,
  type Viewer,
} from '@rightly/core';
import { findOrganization, listAuditPage, loadOrgStructure } from '@rightly/db';
import type { ServiceDeps } from '../deps';

export interface AuditLogInput {
  viewer: Viewer;
  action?: AuditAction;
  /** Who acted. */
  actor?: string;
  /** Whom the entry is about (`rep` is the same, as the coaching pages ask). */
  subject?: string;
  rep?: string;
  /** First and last day, inclusive, on the org's calendar. */
  from?: IsoDate;
  to?: IsoDate;
  /** The `nextCursor` of the page before. */
  before?: string;
  limit?: number;
}

/**
 * The org's audit log, newest first, a page at a time. Admins read all of it; leaders read the
 * entries about the reps in the teams they lead (and their sub-teams) — not org-wide entries, nor
 * entries about other leaders or admins; reps read none. A subject the viewer cannot see is
 * "not found", as for an id that does not exist. The summary is made one line again on the way
 * out, whatever is stored.
 */
export async function listAuditEntries(deps: ServiceDeps, input: AuditLogInput): Promise<AuditResponse> {
  const { viewer } = input;
  if (viewer.role === 'rep') {
    throw new AppError({ code: 'forbidden', message: 'The audit log is for leaders and admins.' });
  }
  const subject = input.subject ?? input.rep;
  if (input.subject && input.rep && input.subject !== input.rep) {
    throw new AppError({
      code: 'validation_failed',
      message: 'rep: give either subject or rep, not two different people.',
      issues: [{ field: 'rep', message: 'must be the same as subject, or left out' }],
    });
  }
  if (input.from && input.to && input.to < input.from) {
    throw new AppError({
      code: 'validation_failed',
      message: `to: must be ${input.from} (from) or later.`,
      issues: [{ field: 'to', message: `must be ${input.from} or later` }],
    });
  }
  const [org, structure] = await Promise.all([
    findOrganization(deps.db, { orgId: viewer.orgId }),
    loadOrgStructure(deps.db, { orgId: viewer.orgId }),
  ]);
  if (!org) throw new AppError({ code: 'not_found', message: 'Your organization no longer exists.' });

  let subjectIds: string[] | 'all' = 'all';
  if (viewer.role !== 'admin') {
    const visible = visibleUserIds({ viewer, teams: structure.teams, memberships: structure.memberships });
    subjectIds = structure.users
      .filter((u) => u.role === 'rep' && (visible === 'all' || visible.has(u.id)))
      .map((u) => u.id);
    if (subject && !subjectIds.includes(subject)) {
      throw new AppError({ code: 'not_found', message: 'No such rep among those you can see.' });
    }
  }
  const page = await listAuditPage(deps.db, {
    orgId: viewer.orgId,
    subjectIds,
    ...(input.action ? { action: input.action } : {}),
    ...(input.actor ? { actorId: input.actor } : {}),
    ...(subject ? { subjectId: subject } : {}),
    ...(input.from ? { from: startOfLocalDay(input.from, org.timeZone) } : {}),
    ...(input.to ? { until: startOfLocalDay(addDays(input.to, 1), org.timeZone) } : {}),
    ...(input.before ? { beforeSeq: Number(input.before) } : {}),
    limit: input.limit ?? 200,
  });
  const names = new Map(structure.users.map((u) => [u.id, u.name]));
  const nameOf = (id: string | null) => (id === null ? null : (names.get(id) ?? null));
  return {
    entries: page.entries.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorName: nameOf(e.actorId),
      action: e.action,
      subjectId: e.subjectId,
      subjectName: nameOf(e.subjectId),
      details: { ...e.details, summary: toSingleLine(String(e.details.summary ?? '')) },
    })),
    nextCursor: page.nextSeq === null ? null : String(page.nextSeq),
  };
}
