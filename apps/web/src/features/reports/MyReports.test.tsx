import type { SelfReportItem } from '@rightly/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { problem } from '../../test/fake-fetch';
import { meFixture } from '../../test/fixtures';
import { jsonResponse } from '../../test/json-response';
import { CASEY, PIPELINE, selfReportItem, selfReportsFixture } from '../../test/report-fixtures';
import { renderApp } from '../../test/render-app';
import { stubApi } from '../../test/stub-api';

/** Pages load lazily: the first render of a test can take a while on a busy machine. */
const SLOW = { timeout: 5000 };

const week47 = { start: '2026-11-16', end: '2026-11-22', cadence: 'weekly' as const };
const week48 = { start: '2026-11-23', end: '2026-11-29', cadence: 'weekly' as const };

function startingItems(): SelfReportItem[] {
  return [
    selfReportItem({ window: week48, status: 'open', measured: 3 }),
    selfReportItem({
      window: week48,
      expectationId: PIPELINE,
      expectationName: 'Services pipeline created',
      metric: { key: 'pipeline_created_services', name: 'Services pipeline created', unit: 'currency' },
      measured: 12000,
    }),
    selfReportItem({ window: week47, status: 'overdue', dueAt: '2026-11-23T14:00:00.000Z', measured: 1 }),
    selfReportItem({
      id: '00000000-0000-4000-8000-0000000000f1',
      window: { start: '2026-11-09', end: '2026-11-15', cadence: 'weekly' },
      dueAt: '2026-11-16T14:00:00.000Z',
      status: 'late',
      reported: 5,
      measured: 3,
      comment: 'Two meetings booked from my phone, not logged yet',
      submittedAt: '2026-11-17T10:00:00.000Z',
      discrepancy: 'reported 5 meetings booked from prospecting, CRM shows 3',
    }),
  ];
}

/** A small in-memory server: POSTs change what the next GET answers. */
function stubReportsServer(options: { rejectPipelineOnce?: boolean } = {}) {
  let items = startingItems();
  let rejectPipeline = options.rejectPipelineOnce ?? false;
  const { requests } = stubApi({
    'GET /api/v1/me': meFixture({ id: CASEY.id, name: CASEY.name, email: 'casey.nguyen@demo.test', role: 'rep' }),
    'GET /api/v1/notifications': { unread: 0, items: [] },
    'GET /api/v1/self-reports': () => jsonResponse(200, selfReportsFixture(items)),
    'POST /api/v1/self-reports': ({ body }) => {
      const { expectationId, windowStart, value, comment } = body as {
        expectationId: string;
        windowStart: string;
        value: number;
        comment: string;
      };
      if (expectationId === PIPELINE && rejectPipeline) {
        rejectPipeline = false;
        return jsonResponse(
          400,
          problem(400, 'validation_failed', 'value: must be a whole amount', [
            { field: 'value', message: 'must be a whole amount' },
          ]),
        );
      }
      const index = items.findIndex(
        (item) => item.expectationId === expectationId && item.window.start === windowStart,
      );
      const current = items[index];
      if (!current) return jsonResponse(404, problem(404, 'not_found', 'No such report window.'));
      const stored: SelfReportItem = {
        ...current,
        id: '00000000-0000-4000-8000-00000000abcd',
        status: current.status === 'overdue' || current.status === 'late' ? 'late' : 'submitted',
        reported: value,
        comment,
        submittedAt: '2026-11-27T15:00:00.000Z',
      };
      items = items.map((item, i) => (i === index ? stored : item));
      return jsonResponse(200, stored);
    },
  });
  return requests;
}

describe('My reports', () => {
  // Only the clock is fake (Friday afternoon in New York); timers stay real for the UI.
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T20:00:00Z') }));
  afterEach(() => {
    vi.useRealTimers();
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows what is due with the CRM beside each field, and flags an overdue window', async () => {
    stubReportsServer();
    renderApp('/reports');
    expect(await screen.findByRole('heading', { level: 1, name: 'My reports' }, SLOW)).toBeTruthy();

    const current = await screen.findByRole('region', { name: 'Weekly report · Nov 23 – Nov 29' });
    expect(within(current).getByLabelText('Weekly prospecting: first meetings booked: CRM shows 3')).toBeTruthy();
    expect(within(current).getByText('CRM shows $12,000')).toBeTruthy();

    const overdue = screen.getByRole('region', { name: 'Weekly report · Nov 16 – Nov 22' });
    expect(overdue.textContent).toContain('Overdue since Monday 09:00 — still accepted, will count as late');

    const past = screen.getByRole('table', { name: 'Past reports' });
    expect(past.textContent).toContain('Missing');
    expect(past.textContent).toContain('Late');
    expect(past.textContent).toContain('reported 5 meetings booked from prospecting, CRM shows 3');

    const standing = screen.getByRole('group', { name: 'On time' });
    expect(standing.textContent).toContain('63%');
    expect(standing.textContent).toContain('5 of 8 reports due');
  });

  it('checks the fields, sends each expectation of the window, shows the server’s field errors, then lists it', async () => {
    const requests = stubReportsServer({ rejectPipelineOnce: true });
    const user = userEvent.setup();
    renderApp('/reports');
    const section = await screen.findByRole('region', { name: 'Weekly report · Nov 23 – Nov 29' }, SLOW);
    const submit = within(section).getByRole('button', { name: 'Submit the report for Nov 23 – Nov 29' });

    await user.click(submit);
    expect(within(section).getAllByText('Enter what you delivered (0 if none)')).toHaveLength(2);
    expect(requests.filter((request) => request.method === 'POST')).toEqual([]);

    await user.type(within(section).getByRole('textbox', { name: /^Weekly prospecting: first meetings booked/ }), '4');
    await user.type(
      within(section).getByRole('textbox', { name: 'Comment on Weekly prospecting: first meetings booked' }),
      'One meeting from a referral',
    );
    await user.type(within(section).getByRole('textbox', { name: /^Services pipeline created/ }), '12500.5');
    await user.click(submit);

    expect(await within(section).findByText('must be a whole amount')).toBeTruthy();
    const posts = () => requests.filter((request) => request.method === 'POST').map((request) => request.body);
    // Expectations in the order shown: by name.
    expect(posts()).toEqual([
      { expectationId: PIPELINE, windowStart: '2026-11-23', value: 12500.5, comment: '' },
      {
        expectationId: selfReportItem().expectationId,
        windowStart: '2026-11-23',
        value: 4,
        comment: 'One meeting from a referral',
      },
    ]);

    // The first expectation went through and left the window; the second is fixed and sent.
    await waitFor(() =>
      expect(within(section).queryByRole('textbox', { name: /^Weekly prospecting: first meetings booked/ })).toBeNull(),
    );
    const pipeline = within(section).getByRole('textbox', { name: /^Services pipeline created/ });
    await user.clear(pipeline);
    await user.type(pipeline, '12500');
    await user.click(submit);

    expect(await screen.findByText('Report for Nov 23 – Nov 29 sent on time. Thank you.')).toBeTruthy();
    expect(posts().at(-1)).toEqual({ expectationId: PIPELINE, windowStart: '2026-11-23', value: 12500, comment: '' });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Weekly report · Nov 23 – Nov 29' })).toBeNull());
    const past = screen.getByRole('table', { name: 'Past reports' });
    const rows = within(past).getAllByRole('row');
    expect(rows[1]?.textContent).toContain('Nov 23 – Nov 29');
    expect(past.textContent).toContain('“One meeting from a referral”');
    expect(past.textContent).toContain('$12,500');
  }, 15_000);

  it('lets the rep correct a report already sent; a late one stays late', async () => {
    const requests = stubReportsServer();
    const user = userEvent.setup();
    renderApp('/reports');
    const past = await screen.findByRole('table', { name: 'Past reports' }, SLOW);
    await user.click(
      within(past).getByRole('button', { name: 'Edit: Weekly prospecting: first meetings booked, Nov 9 – Nov 15' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Correct your report' });
    expect(dialog.textContent).toContain('after the due date: a correction keeps it late');
    const value = within(dialog).getByRole('textbox', { name: /^Weekly prospecting: first meetings booked/ });
    expect((value as HTMLInputElement).value).toBe('5');
    await user.clear(value);
    await user.type(value, '3');
    await user.click(within(dialog).getByRole('button', { name: 'Save the report for Nov 9 – Nov 15' }));

    expect(await screen.findByText('Your report for Nov 9 – Nov 15 is corrected.')).toBeTruthy();
    expect(requests.filter((request) => request.method === 'POST').at(-1)?.body).toEqual({
      expectationId: selfReportItem().expectationId,
      windowStart: '2026-11-09',
      value: 3,
      comment: 'Two meetings booked from my phone, not logged yet',
    });
  }, 15_000);
});
