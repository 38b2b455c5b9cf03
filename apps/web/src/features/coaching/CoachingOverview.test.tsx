import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { planFixture, planSummaryFixture, teamHealthFixture } from '../../test/coaching-fixtures';
import { needsHelpFor, teamAssessmentFixture, teamRep } from '../../test/domain-fixtures';
import { meFixture } from '../../test/fixtures';
import { jsonResponse } from '../../test/json-response';
import { renderApp } from '../../test/render-app';
import { silenceChartSizeWarnings, stubApi } from '../../test/stub-api';

const SLOW = { timeout: 5000 };

describe('coaching for leaders', () => {
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

  it('lists active plans with overdue reviews first, the health panel and the matrix download', async () => {
    const { requests } = stubApi({
      'GET /api/v1/me': meFixture(),
      'GET /api/v1/notifications': { unread: 0, items: [] },
      'GET /api/v1/teams': { teams: [] },
      'GET /api/v1/coaching-plans': {
        plans: [
          planSummaryFixture({ repName: 'Jamie Ortiz', reviewOn: '2026-12-20', sessionsHeld: 2, openCommitments: 1 }),
          planSummaryFixture({
            repName: 'Casey Nguyen',
            reviewOn: '2026-11-20',
            reviewDue: true,
            focus: ['time', 'way'],
          }),
        ],
      },
      'GET /api/v1/coaching/health': teamHealthFixture(),
    });
    renderApp('/coaching');

    expect(await screen.findByRole('heading', { level: 1, name: 'Coaching' }, SLOW)).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const labels = within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(labels.slice(labels.indexOf('Reports'), labels.indexOf('Reports') + 2)).toEqual(['Reports', 'Coaching']);

    const table = await screen.findByRole('table', { name: 'Active coaching plans' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('link')[0]?.textContent)).toEqual([
      'Casey Nguyen',
      'Jamie Ortiz',
    ]);
    expect(rows[0]?.textContent).toContain('Review overdue since Nov 20, 2026');
    expect(rows[0]?.getAttribute('data-overdue')).toBe('true');
    expect(within(table).getByRole('link', { name: 'Casey Nguyen' }).getAttribute('href')).toMatch(
      /^\/reps\/.+\?tab=coaching$/,
    );

    const health = await screen.findByRole('region', { name: 'Accountability health' });
    expect(health.textContent).toContain('Expectations with an owner, a target and a date75%');
    expect(health.textContent).toContain('8% of reps · should stay rare');
    expect(screen.getByRole('region', { name: 'Team trend, last 13 periods' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download team matrix (CSV)' }).getAttribute('href')).toBe(
      '/api/v1/assessments/export.csv',
    );
    expect(requests.find((request) => request.url.pathname === '/api/v1/coaching-plans')?.url.search).toBe(
      '?status=active',
    );
  });

  it('says so when no plan is running', async () => {
    stubApi({
      'GET /api/v1/me': meFixture(),
      'GET /api/v1/notifications': { unread: 0, items: [] },
      'GET /api/v1/teams': { teams: [] },
      'GET /api/v1/coaching-plans': { plans: [] },
      'GET /api/v1/coaching/health': teamHealthFixture({ activePlans: 0 }),
    });
    renderApp('/coaching');
    expect(await screen.findByText(/^No coaching plan is running\./, undefined, SLOW)).toBeTruthy();
  });

  it('hides the overview from reps and points them to their own tab', async () => {
    const me = meFixture({ name: 'Riley Carter', email: 'rep@demo.test', role: 'rep' });
    stubApi({ 'GET /api/v1/me': me, 'GET /api/v1/notifications': { unread: 0, items: [] } });
    renderApp('/coaching');
    const link = await screen.findByRole('link', { name: 'your Coaching tab' }, SLOW);
    expect(link.getAttribute('href')).toBe(`/reps/${me.user.id}?tab=coaching`);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Coaching' })).toBeNull();
  });

  it('starts a plan from "Who needs help" and opens the rep’s Coaching tab', async () => {
    const casey = teamRep({
      name: 'Casey Nguyen',
      statuses: { thing: 'on_track', way: 'on_track', time: 'off_track' },
    });
    const jamie = teamRep({ name: 'Jamie Ortiz', statuses: { thing: 'off_track', way: 'on_track', time: 'on_track' } });
    const { requests } = stubApi({
      'GET /api/v1/me': meFixture(),
      'GET /api/v1/notifications': { unread: 0, items: [] },
      'GET /api/v1/teams': { teams: [] },
      'GET /api/v1/assessments': teamAssessmentFixture([casey, jamie], [needsHelpFor(casey), needsHelpFor(jamie)]),
      'GET /api/v1/coaching-plans': { plans: [planSummaryFixture({ repId: jamie.rep.id, repName: 'Jamie Ortiz' })] },
      'POST /api/v1/coaching-plans': () =>
        jsonResponse(201, planFixture({ repId: casey.rep.id, repName: 'Casey Nguyen' })),
    });
    const user = userEvent.setup();
    renderApp('/team');
    const list = await screen.findByRole('list', { name: 'Who needs help' }, SLOW);
    // Jamie already has a plan: a link to it, not a second plan.
    const jamieCard = within(list).getByRole('listitem', { name: '2. Jamie Ortiz' });
    expect(await within(jamieCard).findByRole('link', { name: 'Coaching plan active →' })).toBeTruthy();
    expect(within(jamieCard).queryByRole('button', { name: /Start coaching plan/ })).toBeNull();

    await user.click(within(list).getByRole('button', { name: 'Start coaching plan for Casey Nguyen' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`/reps/${casey.rep.id}?tab=coaching`));
    const posted = requests.find((request) => request.method === 'POST');
    expect(posted?.body).toEqual({ repId: casey.rep.id, fromNeedsHelp: true, reviewOn: '2027-01-08' });
  });
});
