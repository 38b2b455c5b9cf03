import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../database';
import { queryRows } from '../../query-rows';
import { notificationDeliveries } from '../../schema/index';

export interface ClaimedDelivery {
  orgId: string;
  id: string;
  channel: 'email' | 'slack';
  attempts: number;
  userId: string;
  dedupeKey: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  bodySlack: string;
}

/**
 * Claims up to `limit` deliveries that are due, for this worker only. `for update skip locked`
 * lets several server instances claim side by side without ever taking the same row; a claim
 * that is not finished before `claimed_until` (the instance died mid-send) is claimed again.
 */
export async function claimDeliveries(
  db: Database,
  params: { orgId: string; workerId: string; now: Date; leaseMs: number; limit: number },
): Promise<ClaimedDelivery[]> {
  const until = new Date(params.now.getTime() + params.leaseMs);
  return queryRows<ClaimedDelivery>(
    db,
    sql`
      with due as (
        select org_id, id from notification_deliveries
        where org_id = ${params.orgId}::uuid
          and ((status = 'pending' and next_attempt_at <= ${params.now.toISOString()}::timestamptz)
           or (status = 'sending' and claimed_until < ${params.now.toISOString()}::timestamptz))
        order by next_attempt_at
        limit ${params.limit}
        for update skip locked
      )
      update notification_deliveries d
      set status = 'sending', claimed_by = ${params.workerId}, claimed_until = ${until.toISOString()}::timestamptz,
          attempts = d.attempts + 1
      from due, notifications n
      where d.org_id = due.org_id and d.id = due.id and n.org_id = d.org_id and n.id = d.notification_id
      returning d.org_id as "orgId", d.id, d.channel, d.attempts, n.user_id as "userId", n.dedupe_key as "dedupeKey",
        n.subject, n.body_text as "bodyText", n.body_html as "bodyHtml", n.body_slack as "bodySlack"`,
  );
}

/** Ends a claim: sent, to be retried at `retryAt`, or failed for good. Only the claimant may. */
export async function finishDelivery(
  db: Database,
  params: {
    orgId: string;
    id: string;
    workerId: string;
    outcome:
      { status: 'sent'; at: Date } | { status: 'retry'; at: Date; error: string } | { status: 'failed'; error: string };
  },
): Promise<void> {
  const { outcome } = params;
  await db
    .update(notificationDeliveries)
    .set(
      outcome.status === 'sent'
        ? { status: 'sent', sentAt: outcome.at, claimedUntil: null, lastError: null }
        : outcome.status === 'retry'
          ? {
              status: 'pending',
              nextAttemptAt: outcome.at,
              claimedUntil: null,
              lastError: outcome.error.slice(0, 1000),
            }
          : { status: 'failed', claimedUntil: null, lastError: outcome.error.slice(0, 1000) },
    )
    .where(
      and(
        eq(notificationDeliveries.orgId, params.orgId),
        eq(notificationDeliveries.id, params.id),
        eq(notificationDeliveries.claimedBy, params.workerId),
      ),
    );
}

/** Delivery counts by channel and status, for tests and the operator. */
export async function deliveryCounts(
  db: Database,
  params: { orgId: string },
): Promise<{ channel: string; status: string; count: number }[]> {
  return queryRows(
    db,
    sql`select channel, status, count(*)::int as count from notification_deliveries
        where org_id = ${params.orgId} group by channel, status order by channel, status`,
  );
}
