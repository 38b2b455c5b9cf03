import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../database';
import { notificationDeliveries, notifications } from '../../schema/index';

export interface NewNotification {
  orgId: string;
  userId: string;
  kind: string;
  dedupeKey: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  bodySlack: string;
  link: string;
  /** The channels to send it over besides the in-app list. */
  channels: readonly ('email' | 'slack')[];
}

/**
 * Records a notification and its deliveries in one transaction, once: when another instance (or
 * an earlier run) already recorded the same `dedupeKey`, nothing is written and false comes back.
 */
export async function recordNotification(db: Database, params: NewNotification & { now: Date }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const inserted = await tx
      .insert(notifications)
      .values({
        orgId: params.orgId,
        id,
        userId: params.userId,
        kind: params.kind,
        dedupeKey: params.dedupeKey,
        subject: params.subject,
        bodyText: params.bodyText,
        bodyHtml: params.bodyHtml,
        bodySlack: params.bodySlack,
        link: params.link,
        createdAt: params.now,
      })
      .onConflictDoNothing({ target: [notifications.orgId, notifications.dedupeKey] })
      .returning({ id: notifications.id });
    if (inserted.length === 0) return false;
    if (params.channels.length > 0) {
      await tx.insert(notificationDeliveries).values(
        params.channels.map((channel) => ({
          orgId: params.orgId,
          id: randomUUID(),
          notificationId: id,
          channel,
          nextAttemptAt: params.now,
        })),
      );
    }
    return true;
  });
}

/** Which of these dedupe keys are already recorded, so a planner skips rendering them again. */
export async function existingDedupeKeys(
  db: Database,
  params: { orgId: string; keys: readonly string[] },
): Promise<Set<string>> {
  if (params.keys.length === 0) return new Set();
  const rows = await db
    .select({ key: notifications.dedupeKey })
    .from(notifications)
    .where(and(eq(notifications.orgId, params.orgId), inArray(notifications.dedupeKey, [...params.keys])));
  return new Set(rows.map((r) => r.key));
}

export interface StoredNotification {
  id: string;
  kind: string;
  subject: string;
  bodyText: string;
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

export async function listNotifications(
  db: Database,
  params: { orgId: string; userId: string; limit: number },
): Promise<{ items: StoredNotification[]; unread: number }> {
  const mine = and(eq(notifications.orgId, params.orgId), eq(notifications.userId, params.userId));
  const [items, [count]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        subject: notifications.subject,
        bodyText: notifications.bodyText,
        link: notifications.link,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(mine)
      .orderBy(desc(notifications.createdAt))
      .limit(params.limit),
    db
      .select({ unread: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  return { items, unread: count?.unread ?? 0 };
}

/** Marks the user's own notifications read (all of them when `ids` is null); others' ids are ignored. */
export async function markNotificationsRead(
  db: Database,
  params: { orgId: string; userId: string; ids: readonly string[] | null; now: Date },
): Promise<void> {
  if (params.ids !== null && params.ids.length === 0) return;
  await db
    .update(notifications)
    .set({ readAt: params.now })
    .where(
      and(
        eq(notifications.orgId, params.orgId),
        eq(notifications.userId, params.userId),
        isNull(notifications.readAt),
        params.ids === null ? undefined : inArray(notifications.id, [...params.ids]),
      ),
    );
}
