import { DEFAULT_PREFERENCES, type PreferencesRow } from '@rightly/db';
import type { NotifyDeps } from './notify-deps';

/**
 * The channels a message goes out on besides the in-app list, from the user's preferences: a
 * kind switched off and a channel switched off both mean no delivery; e-mail also needs SMTP.
 */
export function channelsFor(
  deps: Pick<NotifyDeps, 'email'>,
  prefs: PreferencesRow | undefined,
  kind: 'reminders' | 'overdue' | 'digest',
): ('email' | 'slack')[] {
  const p = prefs ?? DEFAULT_PREFERENCES;
  if (!p[kind]) return [];
  const channels: ('email' | 'slack')[] = [];
  if (p.email && deps.email) channels.push('email');
  if (p.slack && p.slackWebhookUrl) channels.push('slack');
  return channels;
}
