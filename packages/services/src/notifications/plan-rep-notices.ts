import { addDays, dueAtText, windowText, type SelfReportItem } from '@rightly/core';
import { existingDedupeKeys, recordNotification, type PreferencesRow } from '@rightly/db';
import { buildReportItems } from '../reports/report-items';
import { windowsForRep, type ReportingContext } from '../reports/reporting-context';
import { linksFor } from './message-links';
import type { NotifyDeps } from './notify-deps';
import { renderOverdue } from './templates/overdue';
import { renderReminder } from './templates/reminder';
import { channelsFor } from './channels-for';

/** Overdue notices older than this are not sent: a server that was down a month should not flood. */
const OVERDUE_LOOKBACK_DAYS = 7;

/**
 * Reminders before a report is due and overdue notices after, one per rep and window: the
 * dedupe key makes each exactly one notification however many instances plan at once.
 */
export async function planRepNotices(
  deps: NotifyDeps,
  params: { ctx: ReportingContext; prefs: Map<string, PreferencesRow> },
): Promise<number> {
  const { ctx } = params;
  const now = deps.now();
  if (ctx.reported.length === 0) return 0;
  const repIds = ctx.structure.users.filter((u) => u.role === 'rep' && u.active).map((u) => u.id);
  const range = { start: addDays(ctx.today, -OVERDUE_LOOKBACK_DAYS - 31), end: ctx.today };
  // Every round looks at every rep, so it reads no CRM figures until a reminder needs them.
  const items = await buildReportItems(deps, { ctx, repIds, range, now, measure: false });
  const byWindow = new Map<string, SelfReportItem[]>();
  for (const item of items) {
    if (item.status !== 'open' && item.status !== 'overdue') continue;
    const key = `${item.repId}:${item.window.start}`;
    byWindow.set(key, [...(byWindow.get(key) ?? []), item]);
  }
  const remindAt = new Map<string, Date>();
  for (const repId of repIds) {
    for (const w of windowsForRep(ctx, repId, range)) remindAt.set(`${repId}:${w.start}`, w.remindAt);
  }
  const overdueAfterMs = ctx.settings.overdueAfterHours * 3_600_000;
  const candidates: { key: string; kind: 'reminder' | 'overdue'; items: SelfReportItem[] }[] = [];
  for (const [key, list] of byWindow) {
    const first = list[0];
    if (!first) continue;
    const due = new Date(first.dueAt);
    const remind = remindAt.get(key);
    if (first.status === 'open' && remind && remind <= now)
      candidates.push({ key: `reminder:${key}`, kind: 'reminder', items: list });
    if (
      first.status === 'overdue' &&
      now.getTime() >= due.getTime() + overdueAfterMs &&
      now.getTime() - due.getTime() <= OVERDUE_LOOKBACK_DAYS * 86_400_000
    )
      candidates.push({ key: `overdue:${key}`, kind: 'overdue', items: list });
  }
  const done = await existingDedupeKeys(deps.db, { orgId: ctx.org.id, keys: candidates.map((c) => c.key) });
  const due = candidates.filter((c) => !done.has(c.key));
  const measured = await measuredFor(deps, ctx, range, now, due);
  const users = new Map(ctx.structure.users.map((u) => [u.id, u]));
  let recorded = 0;
  for (const candidate of due) {
    const first = candidate.items[0] as SelfReportItem;
    const user = users.get(first.repId);
    if (!user) continue;
    const data = {
      repName: user.name,
      dueAtText: dueAtText(new Date(first.dueAt), ctx.org.timeZone),
      windowText: windowText(first.window),
      reportUrl: `${deps.appUrl}/reports`,
    };
    const links = linksFor(deps, { orgId: ctx.org.id, userId: user.id });
    const message =
      candidate.kind === 'reminder'
        ? renderReminder(
            {
              ...data,
              expectations: candidate.items.map((i) => {
                const value = measured.get(`${i.repId}|${i.expectationId}|${i.window.start}`) ?? null;
                return {
                  name: i.expectationName,
                  measuredText: value === null ? 'nothing in the CRM yet' : `CRM shows ${formatMeasured(i, value)}`,
                };
              }),
            },
            links,
          )
        : renderOverdue({ ...data, expectations: candidate.items.map((i) => ({ name: i.expectationName })) }, links);
    const created = await recordNotification(deps.db, {
      orgId: ctx.org.id,
      userId: user.id,
      kind: candidate.kind,
      dedupeKey: candidate.key,
      subject: message.subject,
      bodyText: message.text,
      bodyHtml: message.html,
      bodySlack: message.slack,
      link: '/reports',
      channels: channelsFor(deps, params.prefs.get(user.id), candidate.kind === 'reminder' ? 'reminders' : 'overdue'),
      now,
    });
    if (created) recorded += 1;
  }
  return recorded;
}

/** The CRM's figures for the reports a reminder is about to name, read for those reps only. */
async function measuredFor(
  deps: NotifyDeps,
  ctx: ReportingContext,
  range: { start: string; end: string },
  now: Date,
  candidates: readonly { kind: 'reminder' | 'overdue'; items: SelfReportItem[] }[],
): Promise<Map<string, number | null>> {
  const repIds = [
    ...new Set(candidates.filter((c) => c.kind === 'reminder').flatMap((c) => c.items.map((i) => i.repId))),
  ];
  if (repIds.length === 0) return new Map();
  const items = await buildReportItems(deps, { ctx, repIds, range, now });
  return new Map(items.map((i) => [`${i.repId}|${i.expectationId}|${i.window.start}`, i.measured]));
}

function formatMeasured(item: SelfReportItem, value: number): string {
  const shown = item.metric.unit === 'percent' ? `${Math.round(value)}%` : String(Math.round(value * 100) / 100);
  return item.metric.unit === 'count'
    ? `${shown} ${item.metric.name.toLowerCase()}`
    : `${item.metric.name.toLowerCase()} ${shown}`;
}
