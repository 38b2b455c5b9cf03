import { randomUUID } from 'node:crypto';
import { loadPreferences } from '@rightly/db';
import { loadOrgReportingContext } from '../reports/reporting-context';
import { forEachOrg } from '../runtime/for-each-org';
import { deliverNotifications, type DeliveryReport } from './deliver-notifications';
import type { NotifyDeps } from './notify-deps';
import { planDigests } from './plan-digests';
import { planRepNotices } from './plan-rep-notices';

export interface NotifyTickReport extends DeliveryReport {
  planned: number;
}

/**
 * One round of the reminder jobs for every org: plan what is due now (reminders, overdue
 * notices, digests), then send what is pending. Every step is safe to run on several instances
 * at once and again after a crash: planning is deduplicated by key, sending by claims.
 */
export async function runNotifyTick(deps: NotifyDeps, params: { workerId: string }): Promise<NotifyTickReport> {
  let planned = 0;
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  // Org by org, each in its own scope (row-level security), planning then sending.
  await forEachOrg(deps, async (org) => {
    const reporting = await loadOrgReportingContext(deps, { orgId: org.id });
    const prefs = await loadPreferences(deps.db, {
      orgId: org.id,
      userIds: reporting.structure.users.map((u) => u.id),
    });
    planned += await planRepNotices(deps, { ctx: reporting, prefs });
    planned += await planDigests(deps, { ctx: reporting, prefs });
    const delivered = await deliverNotifications(deps, { ...params, orgId: org.id });
    report.sent += delivered.sent;
    report.retried += delivered.retried;
    report.failed += delivered.failed;
  });
  return { planned, ...report };
}

export interface Notifier {
  /** Runs one round now (tests, and the first round at start). */
  tick(): Promise<NotifyTickReport>;
  stop(): Promise<void>;
}

/**
 * The in-process scheduler of a server instance: a round every `intervalMs`, never two at once
 * in one process. The guarantees come from the database, not from this timer, so any number of
 * instances may run it.
 */
export function startNotifier(
  deps: NotifyDeps,
  options: { intervalMs: number; onError: (error: unknown) => void; workerId?: string },
): Notifier {
  const workerId = options.workerId ?? `${process.pid}-${randomUUID()}`;
  let running: Promise<NotifyTickReport> | null = null;
  let stopped = false;
  const tick = () => {
    running ??= runNotifyTick(deps, { workerId }).finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) tick().catch(options.onError);
  }, options.intervalMs);
  timer.unref();
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
