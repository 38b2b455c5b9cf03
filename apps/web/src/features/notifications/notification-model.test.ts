import { describe, expect, it } from 'vitest';
import {
  firstLine,
  internalPath,
  preferencesOfDraft,
  timeAgo,
  unreadBadge,
  unsubscribedSentence,
  validatePreferences,
  type PreferencesDraft,
} from './notification-model';

const base: PreferencesDraft = {
  email: true,
  slack: false,
  slackWebhookUrl: '',
  reminders: true,
  overdue: true,
  digest: true,
};

describe('notification list', () => {
  it('previews the first non-empty line of a body', () => {
    expect(firstLine('\n  Your weekly report is due Monday 09:00.\nWrite it now.')).toBe(
      'Your weekly report is due Monday 09:00.',
    );
    expect(firstLine('')).toBe('');
  });

  it('says how long ago, then the date', () => {
    const now = new Date('2026-11-27T15:00:00Z');
    expect(timeAgo('2026-11-27T14:59:30Z', now)).toBe('just now');
    expect(timeAgo('2026-11-27T14:35:00Z', now)).toBe('25 min ago');
    expect(timeAgo('2026-11-27T12:00:00Z', now)).toBe('3 h ago');
    expect(timeAgo('2026-11-26T12:00:00Z', now)).toBe('yesterday');
    expect(timeAgo('2026-11-24T12:00:00Z', now)).toBe('3 days ago');
    expect(timeAgo('2026-11-02T12:00:00Z', now)).toMatch(/^Nov 2$/);
  });

  it('follows links inside the app in place, and leaves others alone', () => {
    const origin = 'http://localhost:3000';
    expect(internalPath('/reports', origin)).toBe('/reports');
    expect(internalPath('http://localhost:3000/reps/1?tab=reports', origin)).toBe('/reps/1?tab=reports');
    expect(internalPath('https://example.com/x', origin)).toBeNull();
    expect(internalPath('//evil.example/x', origin)).toBeNull();
    expect(internalPath('', origin)).toBeNull();
  });

  it('keeps the unread badge small', () => {
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(3)).toBe('3');
    expect(unreadBadge(12)).toBe('9+');
  });
});

describe('notification settings', () => {
  it('needs a webhook URL for Slack, and an https one', () => {
    expect(validatePreferences(base)).toEqual({});
    expect(validatePreferences({ ...base, slack: true }).slackWebhookUrl).toMatch(/^Paste the incoming-webhook URL/);
    expect(validatePreferences({ ...base, slack: true, slackWebhookUrl: 'hooks.slack.com/x' }).slackWebhookUrl).toBe(
      'must be a URL like https://hooks.slack.com/services/…',
    );
    expect(
      validatePreferences({ ...base, slack: true, slackWebhookUrl: 'http://hooks.slack.com/services/T/B/x' })
        .slackWebhookUrl,
    ).toBe('must start with https://');
    expect(
      validatePreferences({ ...base, slack: true, slackWebhookUrl: 'https://hooks.slack.com/services/T/B/x' }),
    ).toEqual({});
  });

  it('sends an empty webhook field as null', () => {
    expect(preferencesOfDraft({ ...base, slackWebhookUrl: '  ' }).slackWebhookUrl).toBeNull();
  });

  it('says what an unsubscribe stopped', () => {
    expect(unsubscribedSentence('email')).toBe('You will no longer get e-mails from Rightly.');
    expect(unsubscribedSentence('all')).toBe('You will no longer get e-mails or Slack messages from Rightly.');
  });
});
