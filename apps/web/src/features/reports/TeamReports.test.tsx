import type { SelfReportItem } from '@rightly/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { problem } from '../../test/fake-fetch';
import { meFixture } from '../../test/fixtures';
import { jsonResponse } from '../../test/json-response';
import { selfReportItem, selfReportsFixture } from '../../test/report-fixtures';
import { renderApp } from '../../test/render-app';
import { stubApi } from '../../test/stub-api';

const SLOW = { timeout: 5000 };
const REPORT_ID = '00000000-0000-4000-8000-0000000000d1';

function flagged(): SelfReportItem {
  return selfReportItem({
    id: REPORT_ID,
    window: { start: '2026-11-16', end: '2026-11-22', cadence: 'weekly' },
    status: 'late',
    reported: 5,
    measured: 3,
    comment: 'Two were booked on my mobile',
    submittedAt: '2026-11-24T10:00:00.000Z',
    discrepancy: 'reported 5 meetings booked from prospecting, CRM shows 3',
  });
}

function onTime(): SelfReportItem {
  return selfReportItem({
    id: '00000000-0000-4000-8000-0000000000d2',
    repId: '00000000-0000-4000-8000-0000000000a2',
    repName: 'Alex Morgan',
    status: 'submitted',
    window: { start: '2026-11-16', end: '2026-11-22', cadence: 'weekly' },
    reported: 2,
    measured: 2,
  });
}

describe('Reports (leader)', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T20:00:00Z') }));
  afterEach(() => {
    vi.useRealTimers();
    cleanup();
    vi.unstubAllGlobals();
  });

  it('filters to discrepancies and resolves one as a corrected report', async () => {
    let resolved: SelfReportItem | null = null;
    let rejectOnce = true;
    const { requests } = stubApi({
      'GET /api/v1/me': meFixture(),
      'GET /api/v1/notifications': { unread: 0, items: [] },
      'GET /api/v1/teams': { teams: [] },
      'GET /api/v1/self-reports': ({ url }) => {
        const onlyOpen = url.searchParams.get('status') === 'discrepancy';
        const items = resolved ? [resolved, onTime()] : [flagged(), onTime()];
        return jsonResponse(
          200,
          selfReportsFixture(onlyOpen ? items.filter((item) => item.discrepancy && !item.resolution) : items, {
            discrepancies: resolved ? 0 : 1,
          }),
        );
      },
      [`POST /api/v1/self-reports/${REPORT_ID}/resolution`]: ({ body }) => {
        if (rejectOnce) {
          rejectOnce = false;
          return jsonResponse(
            400,
            problem(400, 'validation_failed', 'correctedValue: is larger than the CRM allows', [
              { field: 'correctedValue', message: 'is larger than the CRM allows' },
            ]),
          );
        }
        const { note, correctedValue } = body as { note: string; correctedValue: number };
        resolved = {
          ...flagged(),
          reported: correctedValue,
          resolution: {
            kind: 'report_corrected',
            note,
            originalValue: 5,
            resolvedAt: '2026-11-27T20:00:00.000Z',
            resolvedBy: 'Morgan Lee',
          },
        };
        return jsonResponse(200, resolved);
      },
    });
    const user = userEvent.setup();
    renderApp('/reports');

    const table = await screen.findByRole('table', { name: 'Self-reports by rep and window' }, SLOW);
    expect(within(table).getByRole('link', { name: 'Casey Nguyen' }).getAttribute('href')).toMatch(
      /^\/reps\/.+\?tab=reports$/,
    );
    expect(screen.getByTestId('report-summary').textContent).toContain('5 on time (63%)');

    await user.click(screen.getByRole('radio', { name: 'Discrepancies' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/reports?status=discrepancy'));
    await waitFor(() =>
      expect(requests.some((request) => request.url.searchParams.get('status') === 'discrepancy')).toBe(true),
    );
    await waitFor(() => expect(within(table).queryByText('Alex Morgan')).toBeNull());

    await user.click(
      within(table).getByRole('button', {
        name: 'Resolve: Casey Nguyen, Weekly prospecting: first meetings booked, Nov 16 – Nov 22',
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Resolve a discrepancy' });
    expect(dialog.textContent).toContain('The rep’s comment: “Two were booked on my mobile”');

    await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));
    expect(within(dialog).getByText('Choose how it was resolved')).toBeTruthy();

    await user.click(within(dialog).getByRole('radio', { name: /^Report corrected/ }));
    const corrected = within(dialog).getByRole('textbox', { name: /^Corrected value/ });
    expect((corrected as HTMLInputElement).value).toBe('3');
    await user.type(within(dialog).getByRole('textbox', { name: /^Note/ }), 'Checked the calendar with Casey');
    await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));
    expect(await within(dialog).findByText('is larger than the CRM allows')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Resolve a discrepancy' })).toBeNull());
    const posted = requests.filter((request) => request.method === 'POST').map((request) => request.body);
    expect(posted.at(-1)).toEqual({
      resolution: 'report_corrected',
      note: 'Checked the calendar with Casey',
      correctedValue: 3,
    });
    expect(await screen.findByText(/No open discrepancy/)).toBeTruthy();
  }, 15_000);
});
