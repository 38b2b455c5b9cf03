import { randomUUID } from 'node:crypto';
import { escapeHtml, escapeSlack } from '../notifications/templates/escape';
import { recordNotification } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import type { ReportingContext } from './reporting-context';

/**
 * Tells the rep, in the app, that their reporting rhythm changes: a shorter cadence is a
 * coaching step the rep should hear about from their leader first, so this is not e-mailed.
 */
export async function notifyCadenceChange(
  deps: ServiceDeps,
  params: { ctx: ReportingContext; repId: string; text: string },
): Promise<void> {
  const subject = 'Your reporting cadence changes';
  await recordNotification(deps.db, {
    orgId: params.ctx.org.id,
    userId: params.repId,
    kind: 'cadence_changed',
    // Every change is its own message.
    dedupeKey: `cadence:${params.repId}:${randomUUID()}`,
    subject,
    bodyText: params.text,
    bodyHtml: `<p>${escapeHtml(params.text)}</p>`,
    bodySlack: escapeSlack(params.text),
    link: '/reports',
    channels: [],
    now: deps.now(),
  });
}
