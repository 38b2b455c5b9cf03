import type { Viewer } from '@rightly/core';
import { listNotifications as listStored, markNotificationsRead } from '@rightly/db';
import type { ServiceDeps } from '../deps';

/** The signed-in user's own notifications, newest first (everyone sees only their own). */
export async function listNotifications(deps: ServiceDeps, input: { viewer: Viewer; limit?: number }) {
  const { items, unread } = await listStored(deps.db, {
    orgId: input.viewer.orgId,
    userId: input.viewer.userId,
    limit: Math.min(input.limit ?? 50, 200),
  });
  return {
    unread,
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind as 'reminder' | 'overdue' | 'digest' | 'cadence_changed',
      subject: n.subject,
      body: n.bodyText,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
  };
}

/** Marks some (or all) of the user's notifications read; ids of other users' notifications do nothing. */
export async function markRead(deps: ServiceDeps, input: { viewer: Viewer; ids: readonly string[] | null }) {
  await markNotificationsRead(deps.db, {
    orgId: input.viewer.orgId,
    userId: input.viewer.userId,
    ids: input.ids,
    now: deps.now(),
  });
  const { unread } = await listStored(deps.db, { orgId: input.viewer.orgId, userId: input.viewer.userId, limit: 0 });
  return { unread };
}
