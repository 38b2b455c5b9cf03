import { claimDeliveries, finishDelivery, loadPreferences, loadOrgStructure, type ClaimedDelivery } from '@rightly/db';
import { isChannelError } from './channels/channel-error';
import { oneClickUnsubscribeUrl } from './message-links';
import { escapeSlack } from './templates/escape';
import type { NotifyDeps } from './notify-deps';

/** A claim lasts this long; an instance that dies mid-send leaves the row to be claimed again after it. */
const LEASE_MS = 2 * 60_000;
const BATCH = 20;
/** Attempts before a delivery is given up (the in-app notification stays either way). */
const MAX_ATTEMPTS = 6;

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends what is due for one org (called in its scope), batch by batch, until nothing is left to claim. Each row is claimed by one
 * worker only (`for update skip locked`), marked sent after the channel accepted it, and retried
 * with growing pauses when the channel says a retry may help.
 */
export async function deliverNotifications(
  deps: NotifyDeps,
  params: { orgId: string; workerId: string },
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const claimed = await claimDeliveries(deps.db, {
      orgId: params.orgId,
      workerId: params.workerId,
      now: deps.now(),
      leaseMs: LEASE_MS,
      limit: BATCH,
    });
    if (claimed.length === 0) return report;
    const recipients = await recipientsOf(deps, claimed);
    for (const delivery of claimed) {
      const outcome = await deliverOne(deps, delivery, recipients.get(`${delivery.orgId}|${delivery.userId}`));
      await finishDelivery(deps.db, { orgId: delivery.orgId, id: delivery.id, workerId: params.workerId, outcome });
      if (outcome.status === 'sent') report.sent += 1;
      else if (outcome.status === 'retry') report.retried += 1;
      else report.failed += 1;
    }
  }
}

interface Recipient {
  name: string;
  email: string;
  active: boolean;
  slackWebhookUrl: string | null;
}

async function recipientsOf(deps: NotifyDeps, claimed: readonly ClaimedDelivery[]): Promise<Map<string, Recipient>> {
  const result = new Map<string, Recipient>();
  for (const orgId of new Set(claimed.map((c) => c.orgId))) {
    const userIds = [...new Set(claimed.filter((c) => c.orgId === orgId).map((c) => c.userId))];
    const [structure, prefs] = await Promise.all([
      loadOrgStructure(deps.db, { orgId }),
      loadPreferences(deps.db, { orgId, userIds }),
    ]);
    for (const user of structure.users) {
      if (!userIds.includes(user.id)) continue;
      result.set(`${orgId}|${user.id}`, {
        name: user.name,
        email: user.email,
        active: user.active,
        slackWebhookUrl: prefs.get(user.id)?.slackWebhookUrl ?? null,
      });
    }
  }
  return result;
}

type Outcome = Parameters<typeof finishDelivery>[1]['outcome'];

async function deliverOne(deps: NotifyDeps, d: ClaimedDelivery, to: Recipient | undefined): Promise<Outcome> {
  if (!to || !to.active) return { status: 'failed', error: 'the recipient is no longer an active user' };
  try {
    if (d.channel === 'email') {
      if (!deps.email) return { status: 'failed', error: 'e-mail is not configured (SMTP_URL)' };
      await deps.email.send({
        to: to.email,
        toName: to.name,
        subject: d.subject,
        text: d.bodyText,
        html: d.bodyHtml,
        unsubscribeUrl: oneClickUnsubscribeUrl(deps, { orgId: d.orgId, userId: d.userId }),
        messageKey: d.dedupeKey,
      });
    } else {
      if (!to.slackWebhookUrl) return { status: 'failed', error: 'no Slack webhook URL in the preferences' };
      // Slack has no subject line: the subject leads the message in bold.
      await deps.sendSlack({ webhookUrl: to.slackWebhookUrl, text: `*${escapeSlack(d.subject)}*\n${d.bodySlack}` });
    }
    return { status: 'sent', at: deps.now() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (isChannelError(error) && error.retryable && d.attempts < MAX_ATTEMPTS) {
      // 1, 4, 9, 16, 25 minutes: a mail server that is down for maintenance gets time to return.
      return { status: 'retry', at: new Date(deps.now().getTime() + d.attempts * d.attempts * 60_000), error: message };
    }
    return { status: 'failed', error: message };
  }
}
