import { notificationPreferencesSchema, type NotificationPreferences } from '@rightly/core';

/** The first non-empty line of a body, for a one-line preview. */
export function firstLine(body: string): string {
  return (
    body
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line !== '') ?? ''
  );
}

const dateFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });

/** `just now`, `5 min ago`, `3 h ago`, `2 days ago`, then the date. */
export function timeAgo(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  const seconds = Math.max(0, (now.getTime() - then.getTime()) / 1000);
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return days === 1 ? 'yesterday' : `${days} days ago`;
  return dateFormat.format(then);
}

/**
 * Where a notification's link leads inside the app (`/reports?…`), or null for a link elsewhere.
 * Links may come as paths or as absolute URLs to this same app.
 */
export function internalPath(link: string, origin: string): string | null {
  if (link.startsWith('/') && !link.startsWith('//')) return link;
  try {
    const url = new URL(link);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

export const KIND_LABELS: Record<string, string> = {
  reminder: 'Reminder',
  overdue: 'Overdue',
  digest: 'Digest',
  cadence_changed: 'Cadence',
};

/** Unread count for a badge: `9+` past nine, so the bell stays small. */
export function unreadBadge(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > 9 ? '9+' : String(unread);
}

/** The settings as typed: the webhook field is text, empty while unset. */
export interface PreferencesDraft extends Omit<NotificationPreferences, 'slackWebhookUrl'> {
  slackWebhookUrl: string;
}

export function draftOfPreferences(preferences: NotificationPreferences): PreferencesDraft {
  return { ...preferences, slackWebhookUrl: preferences.slackWebhookUrl ?? '' };
}

export function preferencesOfDraft(draft: PreferencesDraft): NotificationPreferences {
  const url = draft.slackWebhookUrl.trim();
  return { ...draft, slackWebhookUrl: url === '' ? null : url };
}

/** The webhook is needed for Slack, and must be the https URL Slack gives; same messages as the server. */
export function validatePreferences(draft: PreferencesDraft): { slackWebhookUrl?: string } {
  const url = draft.slackWebhookUrl.trim();
  if (url === '') {
    return draft.slack ? { slackWebhookUrl: 'Paste the incoming-webhook URL from Slack, or turn Slack off' } : {};
  }
  const checked = notificationPreferencesSchema.shape.slackWebhookUrl.safeParse(url);
  if (!checked.success) return { slackWebhookUrl: checked.error.issues[0]?.message ?? 'must be a URL' };
  if (!url.startsWith('https://')) return { slackWebhookUrl: 'must start with https://' };
  return {};
}

const UNSUBSCRIBED: Record<string, string> = {
  email: 'You will no longer get e-mails from Rightly.',
  slack: 'You will no longer get Slack messages from Rightly.',
  all: 'You will no longer get e-mails or Slack messages from Rightly.',
};

export function unsubscribedSentence(channel: string): string {
  return UNSUBSCRIBED[channel] ?? 'You will no longer get these messages from Rightly.';
}
