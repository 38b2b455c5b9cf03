import type { ReportingCadencesResponse } from '@rightly/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { problem } from '../../test/fake-fetch';
import { meFixture, rosterEntry, rosterFixture } from '../../test/fixtures';
import { jsonResponse } from '../../test/json-response';
import {
  CASEY,
  cadenceEntry,
  cadencesFixture,
  repCadenceFixture,
  selfReportsFixture,
} from '../../test/report-fixtures';
import { renderApp } from '../../test/render-app';
import { silenceChartSizeWarnings, stubApi } from '../../test/stub-api';

const SLOW = { timeout: 5000 };
const REASON = '3 periods in a row off track: report twice a week instead of weekly until it turns';

function casey() {
  const entry = rosterEntry({ name: CASEY.name, team: { id: '00000000-0000-4000-8000-0000000000bb', name: 'EMEA' } });
  return { ...entry, rep: { ...entry.rep, id: CASEY.id } };
}

function stubRepPage(role: 'leader' | 'rep' = 'leader') {
  let cadences: ReportingCadencesResponse = cadencesFixture([
    repCadenceFixture({ advice: { action: 'shorten', to: 'twice_weekly', reason: REASON } }),
  ]);
  let rejectOnce = true;
  const stub = stubApi({
    'GET /api/v1/me': meFixture(role === 'rep' ? { id: CASEY.id, name: CASEY.name, role: 'rep' } : {}),
    'GET /api/v1/notifications': { unread: 0, items: [] },
    'GET /api/v1/roster': rosterFixture([casey()]),
    'GET /api/v1/self-reports': selfReportsFixture([]),
    'GET /api/v1/reporting-cadences': () => jsonResponse(200, cadences),
    'PUT /api/v1/reporting-cadences': ({ body }) => {
      const { reason, cadence, reviewOn } = body as {
        reason: string;
        cadence: 'twice_weekly';
        reviewOn: string | null;
      };
      if (rejectOnce) {
        rejectOnce = false;
        return jsonResponse(
          400,
          problem(400, 'validation_failed', 'reason: say more than that', [
            { field: 'reason', message: 'say more than that' },
          ]),
        );
      }
      const entry = cadenceEntry({ cadence, reason, reviewOn });
      // The server still advises from today's cadence; the page knows the change is already set.
      cadences = cadencesFixture([
        repCadenceFixture({
          upcoming: entry,
          history: [entry],
          advice: { action: 'shorten', to: 'twice_weekly', reason: REASON },
        }),
      ]);
      return jsonResponse(200, cadences);
    },
  });
  return stub.requests;
}

describe('reporting cadence on the rep page', () => {
  beforeEach(() => {
    silenceChartSizeWarnings();
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T20:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    cleanup();
    vi.unstubAllGlobals();
  });

  it('turns the advice into a prefilled change the leader confirms, and shows it as upcoming', async () => {
    const requests = stubRepPage();
    const user = userEvent.setup();
    renderApp(`/reps/${CASEY.id}?tab=activity`);

    // The advice shows above the tabs; its button leads to the cadence card with the form filled in.
    await user.click(await screen.findByRole('button', { name: 'Shorten to twice a week…' }, SLOW));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`/reps/${CASEY.id}?tab=reports`));
    const card = await screen.findByRole('region', { name: 'Reporting cadence' });
    expect(within(card).getByTestId('current-cadence').textContent).toBe('Weekly');
    expect(card.textContent).toContain('the organization’s default');
    const form = within(card).getByRole('form', { name: 'Change the reporting cadence' });
    expect((within(form).getByRole('combobox', { name: /^New cadence/ }) as HTMLInputElement).value).toBe(
      'Twice a week',
    );
    const reason = within(form).getByRole('textbox', { name: /^Reason/ });
    expect((reason as HTMLTextAreaElement).value).toBe(REASON);
    expect(within(form).getByTestId('effective-from').textContent).toContain(
      'Takes effect from tomorrow, Nov 28, 2026',
    );

    // Shortening needs a reason.
    await user.clear(reason);
    await user.click(within(form).getByRole('button', { name: 'Save cadence' }));
    expect(within(form).getByText(/^Say why/)).toBeTruthy();
    expect(requests.filter((request) => request.method === 'PUT')).toEqual([]);

    await user.type(reason, 'Behind');
    // A shorter cadence comes with a review date four weeks on, for the leader to adjust.
    const reviewOn = within(form).getByLabelText(/^Review on/);
    expect((reviewOn as HTMLInputElement).value).toBe('2026-12-25');
    await user.clear(reviewOn);
    await user.type(reviewOn, '2026-12-31');
    await user.click(within(form).getByRole('button', { name: 'Save cadence' }));
    // The server's word on the reason shows at the field.
    expect(await within(form).findByText('say more than that')).toBeTruthy();

    await user.type(reason, ' two periods running; daily check-ins on first meetings');
    await user.click(within(form).getByRole('button', { name: 'Save cadence' }));
    const upcoming = await within(card).findByTestId('upcoming-cadence');
    expect(upcoming.textContent).toContain('From Nov 28, 2026: twice a week — Behind two periods running');
    expect(card.textContent).toContain('From tomorrow, Nov 28, 2026, Casey Nguyen reports twice a week.');
    expect(within(card).queryByRole('form')).toBeNull();
    expect(within(card).queryByTestId('cadence-advice')).toBeNull();
    expect(requests.filter((request) => request.method === 'PUT').at(-1)?.body).toEqual({
      level: 'rep',
      subjectId: CASEY.id,
      cadence: 'twice_weekly',
      reason: 'Behind two periods running; daily check-ins on first meetings',
      reviewOn: '2026-12-31',
    });
    expect(within(card).getByRole('list', { name: 'History' }).textContent).toContain('Twice a week');
  }, 15_000);

  it('shows a rep their reports on their page without the cadence controls', async () => {
    stubRepPage('rep');
    renderApp(`/reps/${CASEY.id}?tab=reports`);
    expect(await screen.findByText(/No self-report in the last 13 weeks/, {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Reporting cadence' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Shorten to/ })).toBeNull();
  });
});
