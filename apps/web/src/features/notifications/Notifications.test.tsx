import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { problem } from '../../test/fake-fetch';
import { meFixture, testUuid } from '../../test/fixtures';
import { jsonResponse } from '../../test/json-response';
import { renderApp } from '../../test/render-app';
import { stubApi } from '../../test/stub-api';

const SLOW = { timeout: 5000 };

function notification(overrides: Record<string, unknown> = {}) {
  return {
    id: testUuid(),
    kind: 'overdue',
    subject: 'Your report for Nov 16 – Nov 22 is overdue',
    body: 'It was due Monday 09:00. It is still accepted and will count as late.\nWrite it now.',
    link: '/reports',
    createdAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    readAt: null,
    ...overrides,
  };
}

const preferences = {
  email: true,
  slack: false,
  slackWebhookUrl: null,
  reminders: true,
  overdue: true,
  digest: false,
};

describe('notifications', () => {
  beforeEach(() => {
    // happy-dom has no layout, so Mantine's focus trap finds nothing "tabbable" and says so.
    const warn = console.warn.bind(console);
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('use-focus-trap')) return;
      warn(...args);
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    cleanup();
    vi.unstubAllGlobals();
  });

  it('counts unread notifications on the bell, lists them and marks them all read', async () => {
    const items = [
      notification(),
      notification({ kind: 'reminder', subject: 'Report due Monday', readAt: '2026-11-20T10:00:00Z' }),
    ];
    const { requests } = stubApi({
      'GET /api/v1/me': meFixture(),
      'GET /api/v1/notifications': { unread: 1, items },
      'POST /api/v1/notifications/read': { unread: 0 },
    });
    const user = userEvent.setup();
    renderApp('/settings');

    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' }, SLOW);
    await user.click(bell);
    // happy-dom has no layout, so the dropdown counts as hidden (and nameless) while it positions itself.
    const dialog = await screen.findByRole('dialog', { hidden: true }, SLOW);
    expect(dialog.getAttribute('aria-label')).toBe('Notifications');
    const list = within(dialog).getByRole('list', { hidden: true });
    expect(within(list).getAllByRole('listitem', { hidden: true })).toHaveLength(2);
    expect(list.textContent).toContain('It was due Monday 09:00. It is still accepted and will count as late.');
    expect(list.textContent).not.toContain('Write it now.');
    expect(list.textContent).toContain('3 h ago');
    expect(
      within(list)
        .getAllByRole('button', { hidden: true })
        .map((button) => button.getAttribute('aria-label')),
    ).toEqual(['Unread: Your report for Nov 16 – Nov 22 is overdue', 'Report due Monday']);

    await user.click(within(dialog).getByText('Mark all read'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Notifications' })).toBeTruthy());
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({});
  });

  it('saves notification settings, asking for a Slack webhook when Slack is on', async () => {
    const { requests } = stubApi({
      'GET /api/v1/me': meFixture(),
      'GET /api/v1/notifications': { unread: 0, items: [] },
      'GET /api/v1/notification-preferences': preferences,
      'PUT /api/v1/notification-preferences': ({ body }) => {
        const sent = body as { slackWebhookUrl: string | null };
        if (sent.slackWebhookUrl?.includes('wrong')) {
          return jsonResponse(
            400,
            problem(400, 'validation_failed', 'slackWebhookUrl: Slack did not accept this webhook', [
              { field: 'slackWebhookUrl', message: 'Slack did not accept this webhook' },
            ]),
          );
        }
        return jsonResponse(200, body);
      },
    });
    const user = userEvent.setup();
    renderApp('/settings/notifications');

    const form = await screen.findByRole('form', { name: 'Notification settings' }, SLOW);
    expect((within(form).getByRole('switch', { name: /^E-mail/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(form).getByRole('switch', { name: /^Slack/ }));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByText(/^Paste the incoming-webhook URL from Slack/)).toBeTruthy();

    const url = within(form).getByRole('textbox', { name: /^Slack webhook URL/ });
    await user.type(url, 'https://hooks.slack.com/services/wrong');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('Slack did not accept this webhook')).toBeTruthy();

    await user.clear(url);
    await user.type(url, 'https://hooks.slack.com/services/T000/B000/xyz');
    await user.click(within(form).getByRole('switch', { name: /^Weekly digest/ }));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('Saved')).toBeTruthy();
    expect(requests.filter((request) => request.method === 'PUT').at(-1)?.body).toEqual({
      ...preferences,
      slack: true,
      slackWebhookUrl: 'https://hooks.slack.com/services/T000/B000/xyz',
      digest: true,
    });
  });

  it('unsubscribes from a mail link without signing in', async () => {
    const { requests } = stubApi({
      'POST /api/v1/unsubscribe': ({ url }) =>
        url.searchParams.get('token') === 'good-token'
          ? jsonResponse(200, { channel: 'email', done: true })
          : jsonResponse(400, problem(400, 'validation_failed', 'This unsubscribe link is not valid.')),
    });
    const user = userEvent.setup();
    renderApp('/unsubscribe?token=good-token');

    await user.click(await screen.findByRole('button', { name: 'Unsubscribe' }));
    expect(await screen.findByText('You will no longer get e-mails from Rightly.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Settings → Notifications' }).getAttribute('href')).toBe(
      '/settings/notifications',
    );
    expect(requests.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      'POST /api/v1/unsubscribe',
    ]);
    expect(screen.getByTestId('location').textContent).toBe('/unsubscribe?token=good-token');
  });

  it('explains a link that does not work', async () => {
    stubApi({
      'POST /api/v1/unsubscribe': () =>
        jsonResponse(400, problem(400, 'validation_failed', 'This unsubscribe link is not valid.')),
    });
    const user = userEvent.setup();
    renderApp('/unsubscribe?token=forged');
    await user.click(await screen.findByRole('button', { name: 'Unsubscribe' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This link does not work');
    expect(alert.textContent).toContain('This unsubscribe link is not valid.');
  });
});
