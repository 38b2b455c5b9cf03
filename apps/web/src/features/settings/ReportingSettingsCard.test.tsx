import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { problem } from '../../test/fake-fetch';
import { meFixture } from '../../test/fixtures';
import { jsonResponse } from '../../test/json-response';
import { renderApp } from '../../test/render-app';
import { stubApi } from '../../test/stub-api';

const settings = {
  dueTime: '09:00',
  reminderTime: '15:00',
  overdueAfterHours: 2,
  discrepancyTolerancePercent: 10,
  shortenAfterPeriods: 2,
  relaxAfterPeriods: 3,
  digestWeekday: 1,
  digestTime: '08:00',
};

describe('self-reporting settings', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lets an admin change the due time and shows the server’s word on a bad one', async () => {
    const { requests } = stubApi({
      'GET /api/v1/me': meFixture({ role: 'admin', email: 'admin@demo.test', name: 'Avery Quinn' }),
      'GET /api/v1/reporting-settings': settings,
      'PUT /api/v1/reporting-settings': (request: { body: unknown }) => {
        const body = request.body as typeof settings;
        return body.dueTime === '25:00'
          ? jsonResponse(
              400,
              problem(400, 'validation_failed', 'dueTime: must be a time like 09:00', [
                { field: 'dueTime', message: 'must be a time like 09:00' },
              ]),
            )
          : jsonResponse(200, body);
      },
    });
    const user = userEvent.setup();
    renderApp('/settings');
    const due = await screen.findByLabelText(/Reports due at/);
    await user.clear(due);
    await user.type(due, '25:00');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('must be a time like 09:00')).toBeTruthy();
    await user.clear(due);
    await user.type(due, '10:30');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'PUT').at(-1)?.body).toMatchObject({ dueTime: '10:30' });
  }, 20_000);

  it('shows a leader the settings without a way to change them', async () => {
    stubApi({ 'GET /api/v1/me': meFixture(), 'GET /api/v1/reporting-settings': settings });
    renderApp('/settings');
    const due = (await screen.findByLabelText(/Reports due at/)) as HTMLInputElement;
    expect(due.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.getByText(/Only an admin changes these/)).toBeTruthy();
  }, 20_000);
});
