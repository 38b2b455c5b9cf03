import {
  notificationPreferencesSchema,
  notificationsResponseSchema,
  type NotificationPreferences,
} from '@rightly/core';
import { useQuery } from '@tanstack/react-query';
import { api, type ResponseSchema } from '../../lib/api/api-client';
import { queryString } from '../../lib/api/query-string';

export type NotificationsResponse = ReturnType<typeof notificationsResponseSchema.parse>;
export type AppNotification = NotificationsResponse['items'][number];
export type { NotificationPreferences };

export const NOTIFICATIONS_QUERY_KEY = ['notifications'] as const;
export const NOTIFICATION_PREFERENCES_QUERY_KEY = ['notification-preferences'] as const;

export function fetchNotifications(signal?: AbortSignal): Promise<NotificationsResponse> {
  return api.request('/api/v1/notifications', notificationsResponseSchema, signal ? { signal } : {});
}

/** The in-app list behind the bell; looked at again every minute while the app is open. */
export function useNotifications() {
  return useQuery({
    queryKey: NOTIFICATIONS_QUERY_KEY,
    queryFn: ({ signal }) => fetchNotifications(signal),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

const unreadSchema = notificationsResponseSchema.pick({ unread: true });

/** Marks the given notifications read, or all of them when `ids` is omitted. */
export function markNotificationsRead(ids?: string[]): Promise<{ unread: number }> {
  return api.request('/api/v1/notifications/read', unreadSchema, { method: 'POST', body: ids ? { ids } : {} });
}

export function fetchNotificationPreferences(signal?: AbortSignal): Promise<NotificationPreferences> {
  return api.request('/api/v1/notification-preferences', notificationPreferencesSchema, signal ? { signal } : {});
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: NOTIFICATION_PREFERENCES_QUERY_KEY,
    queryFn: ({ signal }) => fetchNotificationPreferences(signal),
  });
}

export function saveNotificationPreferences(body: NotificationPreferences): Promise<NotificationPreferences> {
  return api.request('/api/v1/notification-preferences', notificationPreferencesSchema, { method: 'PUT', body });
}

export interface UnsubscribeResult {
  /** `email`, `slack` or `all`. */
  channel: string;
  done: true;
}

/** The contract has no shared schema for this answer (the web app does not depend on zod itself). */
const unsubscribeSchema: ResponseSchema<UnsubscribeResult> = {
  parse(data: unknown): UnsubscribeResult {
    const value = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    if (typeof value.channel !== 'string' || value.done !== true) throw new Error('not an unsubscribe answer');
    return { channel: value.channel, done: true };
  },
};

/** One-click unsubscribe from an e-mail's link: the token is the only authority, no session needed. */
export function unsubscribe(token: string): Promise<UnsubscribeResult> {
  return api.request(`/api/v1/unsubscribe${queryString({ token })}`, unsubscribeSchema, { method: 'POST' });
}
