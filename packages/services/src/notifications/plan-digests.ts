import {
  addDays,
  dueAtText,
  localDateTime,
  periodContaining,
  RIGHTS,
  shiftPeriod,
  weekStart,
  windowText,
  type AssessmentStatus,
  type Viewer,
} from '@rightly/core';
import { existingDedupeKeys, recordNotification, type PreferencesRow } from '@rightly/db';
import { assessTeam } from '../assessment/assess-team';
import { buildReportItems } from '../reports/report-items';
import type { ReportingContext } from '../reports/reporting-context';
import { channelsFor } from './channels-for';
import { linksFor } from './message-links';
import type { NotifyDeps } from './notify-deps';
import { renderDigest, type DigestData } from './templates/digest';

const STATUS_TEXT: Record<AssessmentStatus, string> = {
  on_track: 'on track',
  at_risk: 'at risk',
  off_track: 'off track',
  no_data: 'no data',
};

/** A digest is still worth sending this long after its time (a server down over the weekend). */
const DIGEST_GRACE_DAYS = 2;

/**
 * Once a week, at the org's digest time, each leader gets what changed in their team matrix last
 * week, who needs help, overdue reports and open discrepancies. One per leader and week.
 */
export async function planDigests(
  deps: NotifyDeps,
  params: { ctx: ReportingContext; prefs: Map<string, PreferencesRow> },
): Promise<number> {
  const { ctx } = params;
  const now = deps.now();
  const { digestWeekday, digestTime } = ctx.settings;
  // This week's digest moment on the org's clock (ISO weekday 1 = Monday).
  const monday = weekStart(ctx.today, 1);
  const digestDay = addDays(monday, digestWeekday - 1);
  const moment = localDateTime(digestDay, digestTime, ctx.org.timeZone);
  if (now < moment || now.getTime() - moment.getTime() > DIGEST_GRACE_DAYS * 86_400_000) return 0;
  const leaders = ctx.structure.users.filter(
    (u) => u.active && u.role !== 'rep' && ctx.structure.teams.some((t) => t.leaderId === u.id),
  );
  const keys = leaders.map((l) => `digest:${l.id}:${monday}`);
  const done = await existingDedupeKeys(deps.db, { orgId: ctx.org.id, keys });
  let recorded = 0;
  for (const leader of leaders) {
    const key = `digest:${leader.id}:${monday}`;
    if (done.has(key)) continue;
    const viewer: Viewer = { orgId: ctx.org.id, userId: leader.id, role: leader.role };
    const data = await digestData(deps, { ctx, viewer, leaderName: leader.name, today: ctx.today });
    const message = renderDigest(data, linksFor(deps, { orgId: ctx.org.id, userId: leader.id }));
    const created = await recordNotification(deps.db, {
      orgId: ctx.org.id,
      userId: leader.id,
      kind: 'digest',
      dedupeKey: key,
      subject: message.subject,
      bodyText: message.text,
      bodyHtml: message.html,
      bodySlack: message.slack,
      link: '/team',
      channels: channelsFor(deps, params.prefs.get(leader.id), 'digest'),
      now,
    });
    if (created) recorded += 1;
  }
  return recorded;
}

async function digestData(
  deps: NotifyDeps,
  params: { ctx: ReportingContext; viewer: Viewer; leaderName: string; today: string },
): Promise<DigestData> {
  const { ctx, viewer } = params;
  const lastWeek = shiftPeriod(periodContaining('week', params.today), -1);
  const weekBefore = shiftPeriod(lastWeek, -1);
  const [latest, earlier] = await Promise.all([
    assessTeam(deps, { viewer, period: lastWeek.key }),
    assessTeam(deps, { viewer, period: weekBefore.key }),
  ]);
  const before = new Map(earlier.reps.map((r) => [r.rep.id, r.rights]));
  const matrixChanges = latest.reps.flatMap((r) =>
    RIGHTS.flatMap((right) => {
      const from = before.get(r.rep.id)?.[right].status;
      const to = r.rights[right].status;
      return from && from !== to && to !== 'no_data' && from !== 'no_data'
        ? [{ repName: r.rep.name, right, from: STATUS_TEXT[from], to: STATUS_TEXT[to] }]
        : [];
    }),
  );
  const repIds = latest.reps.map((r) => r.rep.id);
  const items = await buildReportItems(deps, {
    ctx,
    repIds,
    range: { start: addDays(params.today, -14), end: params.today },
  });
  const teamNames = ctx.structure.teams.filter((t) => t.leaderId === viewer.userId).map((t) => t.name);
  return {
    leaderName: params.leaderName,
    weekText: `week of ${windowText({ start: lastWeek.start, end: lastWeek.start, cadence: 'daily' })} ${lastWeek.start.slice(0, 4)}`,
    teamName: teamNames.join(' and ') || 'your team',
    matrixChanges,
    needsHelp: latest.needsHelp.map((n) => ({
      repName: n.rep.name,
      rightsOffTrack: n.offTrack.map((r) => `the right ${r}`),
      streak: n.periodsOffTrack,
      nextStep: n.nextStep.text,
      evidence: n.evidence[0] ?? '',
    })),
    overdueReports: dedupeWindows(items.filter((i) => i.status === 'overdue')).map((i) => ({
      repName: i.repName,
      windowText: windowText(i.window),
      dueAtText: dueAtText(new Date(i.dueAt), ctx.org.timeZone),
    })),
    discrepancies: items
      .filter((i) => i.discrepancy !== null && i.resolution === null)
      .map((i) => ({
        repName: i.repName,
        expectationName: i.expectationName,
        reported: String(i.reported ?? ''),
        measured: String(i.measured === null ? '' : Math.round(i.measured * 100) / 100),
      })),
    reportsUrl: `${deps.appUrl}/reports`,
    teamUrl: `${deps.appUrl}/team`,
  };
}

/** One line per rep and window, however many expectations the window holds. */
function dedupeWindows<T extends { repId: string; window: { start: string } }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = `${i.repId}|${i.window.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
