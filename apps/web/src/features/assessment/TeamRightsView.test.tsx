import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { needsHelpFor, teamAssessmentFixture, teamRep, WEEK_48 } from '../../test/domain-fixtures';
import { problem } from '../../test/fake-fetch';
import { meFixture, testUuid } from '../../test/fixtures';
import { jsonResponse } from '../../test/json-response';
import { renderApp } from '../../test/render-app';
import { silenceChartSizeWarnings, stubApi } from '../../test/stub-api';

/** Pages load lazily: the first render of a test can take a while on a busy machine. */
const SLOW = { timeout: 5000 };

const naMidMarket = { id: testUuid(), name: 'NA Mid-Market' };
const emeaEnterprise = { id: testUuid(), name: 'EMEA Enterprise' };
const teams = {
  teams: [
    { id: naMidMarket.id, name: naMidMarket.name, parentId: null, leader: { id: testUuid(), name: 'Marcus Cole' } },
    { id: emeaEnterprise.id, name: emeaEnterprise.name, parentId: null, leader: null },
  ],
};

function demoReps() {
  const taylor = teamRep({
    name: 'Taylor Brooks',
    team: naMidMarket,
    statuses: { thing: 'at_risk', way: 'off_track', time: 'on_track' },
  });
  const sam = teamRep({
    name: 'Sam Patel',
    team: emeaEnterprise,
    statuses: { thing: 'off_track', way: 'on_track', time: 'no_data' },
    recorded: { revision: 1, takenAt: '2026-12-01T12:00:00Z' },
    revisions: [
      {
        revision: 2,
        takenAt: '2026-12-03T12:00:00Z',
        actual: 14,
        statuses: { thing: 'on_track', way: 'on_track', time: 'on_track' },
        sentence: 'revised',
      },
    ],
  });
  const riley = teamRep({
    name: 'Riley Carter',
    team: naMidMarket,
    statuses: { thing: 'on_track', way: 'on_track', time: 'on_track' },
  });
  return { taylor, sam, riley };
}

describe('Team page: three rights', () => {
  beforeEach(() => {
    silenceChartSizeWarnings();
    // "This week" and "This quarter" are reckoned from today: the fixtures' week 48 is this week.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T20:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows every rep with a labelled status per right, and who needs help first', async () => {
    const { taylor, sam, riley } = demoReps();
    stubApi({
      'GET /api/v1/me': meFixture(),
      'GET /api/v1/teams': teams,
      'GET /api/v1/coaching-plans': { plans: [] },
      'GET /api/v1/assessments': teamAssessmentFixture(
        [riley, sam, taylor],
        [needsHelpFor(taylor, 3), needsHelpFor(sam, 1)],
      ),
    });
    renderApp('/team');

    const matrix = await screen.findByRole('table', { name: 'Three rights by rep' }, SLOW);
    const rows = within(matrix)
      .getAllByRole('row')
      .map((row) => row.textContent ?? '');
    // Teams by name, reps by name inside; every cell says its status in words.
    expect(rows.findIndex((text) => text.includes('EMEA Enterprise'))).toBeLessThan(
      rows.findIndex((text) => text.includes('NA Mid-Market')),
    );
    const taylorRow = rows.find((text) => text.includes('Taylor Brooks'));
    expect(taylorRow).toContain('At risk');
    expect(taylorRow).toContain('Off track');
    expect(taylorRow).toContain('On track');
    expect(rows.find((text) => text.includes('Sam Patel'))).toContain('No data');
    expect(
      within(matrix).getByRole('button', { name: 'Taylor Brooks, the right way: Off track. Show the evidence' }),
    ).toBeTruthy();

    const needsHelp = screen.getByRole('list', { name: 'Who needs help' });
    const entries = within(needsHelp).getAllByRole('listitem', { name: /^\d\. / });
    expect(entries.map((entry) => entry.getAttribute('aria-label'))).toEqual(['1. Taylor Brooks', '2. Sam Patel']);
    expect(entries[0]?.textContent).toContain('Off track 3 periods in a row');
    expect(entries[0]?.textContent).toContain('The right way');
    expect(entries[0]?.textContent).toContain('phone share of prospecting 9% against a standard of at least 55%');
    expect(entries[0]?.textContent).toContain('Next step: Start a coaching plan');
    expect(entries[1]?.textContent).toContain('Off track this period');
    expect(
      within(entries[0] as HTMLElement)
        .getByRole('link', { name: 'Taylor Brooks' })
        .getAttribute('href'),
    ).toBe(`/reps/${taylor.rep.id}`);
  });

  it('opens the evidence behind a cell, with the record and its revisions', async () => {
    const { taylor, sam } = demoReps();
    stubApi({
      'GET /api/v1/me': meFixture(),
      'GET /api/v1/teams': teams,
      'GET /api/v1/coaching-plans': { plans: [] },
      'GET /api/v1/assessments': teamAssessmentFixture([sam, taylor]),
    });
    const user = userEvent.setup();
    renderApp('/team');

    await user.click(
      await screen.findByRole('button', { name: 'Sam Patel, the right thing: Off track. Show the evidence' }),
    );
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('Sam Patel')).toBeTruthy();
    expect(within(drawer).getByRole('tab', { name: /The right thing/, selected: true })).toBeTruthy();
    expect(
      within(drawer).getAllByText('1 of 2 meetings booked from prospecting with 80% of the week gone, heading for 1')
        .length,
    ).toBeGreaterThan(0);
    expect(within(drawer).getByText('Expected by now')).toBeTruthy();
    expect(within(drawer).getByText('Recorded 1 Dec; revised 3 Dec: actual now 14')).toBeTruthy();

    await user.click(within(drawer).getByRole('tab', { name: /The right way/ }));
    expect(await within(drawer).findByText(/Phone share of prospecting:/)).toBeTruthy();
    expect(within(drawer).getByText('against 55%')).toBeTruthy();
    expect(within(drawer).getByRole('link', { name: 'Open Sam Patel’s page' }).getAttribute('href')).toBe(
      `/reps/${sam.rep.id}`,
    );
  });

  it('moves between periods and teams through the URL, asking the server for each', async () => {
    const { riley } = demoReps();
    const { requests } = stubApi({
      'GET /api/v1/me': meFixture(),
      'GET /api/v1/teams': teams,
      'GET /api/v1/coaching-plans': { plans: [] },
      'GET /api/v1/assessments': ({ url }) => {
        const key = url.searchParams.get('period') ?? WEEK_48.key;
        const period =
          key === '2026-W47'
            ? { key, start: '2026-11-16', end: '2026-11-22', closed: true }
            : key === '2026-Q4'
              ? { key, start: '2026-10-01', end: '2026-12-31', closed: false }
              : WEEK_48;
        return jsonResponse(200, teamAssessmentFixture([riley], [], period));
      },
    });
    const user = userEvent.setup();
    renderApp('/team');
    await screen.findByRole('table', { name: 'Three rights by rep' }, SLOW);
    expect(screen.getByRole('button', { name: 'This week' }).getAttribute('aria-pressed')).toBe('true');

    await user.click(screen.getByRole('button', { name: 'Previous period' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/team?period=2026-W47'));
    expect(await screen.findByText('Week 47, 2026 · Nov 16 – Nov 22, 2026')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'This week' }).getAttribute('aria-pressed')).toBe('false');

    await user.click(screen.getByRole('button', { name: 'This quarter' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/team?period=2026-Q4'));
    expect(screen.getByRole('button', { name: 'Next period' }).hasAttribute('disabled')).toBe(true);

    const teamInput = screen.getByLabelText('Team', { selector: 'input' });
    await waitFor(() => expect(teamInput.hasAttribute('disabled')).toBe(false));
    await user.click(teamInput);
    // happy-dom has no layout, so the dropdown counts as hidden while it "transitions" in.
    await user.click(await screen.findByRole('option', { name: 'NA Mid-Market', hidden: true }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(`/team?period=2026-Q4&team=${naMidMarket.id}`),
    );
    await waitFor(() =>
      expect(requests.map((r) => `${r.url.pathname}${r.url.search}`)).toContain(
        `/api/v1/assessments?team=${naMidMarket.id}&period=2026-Q4`,
      ),
    );
  });

  it('says so when loading fails, and loads again on Retry', async () => {
    let calls = 0;
    const { riley } = demoReps();
    stubApi({
      'GET /api/v1/me': meFixture(),
      'GET /api/v1/teams': teams,
      'GET /api/v1/coaching-plans': { plans: [] },
      'GET /api/v1/assessments': () => {
        calls += 1;
        return calls === 1
          ? jsonResponse(400, problem(400, 'validation_failed', 'period: is not a period like 2026-W05'))
          : jsonResponse(200, teamAssessmentFixture([riley]));
      },
    });
    const user = userEvent.setup();
    renderApp('/team?period=nonsense');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('period: is not a period like 2026-W05');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'Three rights by rep' }, SLOW)).toBeTruthy();
  });

  it('shows a rep only their own row, without the coaching list or the team filter', async () => {
    const { riley } = demoReps();
    stubApi({
      'GET /api/v1/me': meFixture({ name: 'Riley Carter', email: 'rep@demo.test', role: 'rep' }),
      'GET /api/v1/teams': teams,
      'GET /api/v1/coaching-plans': { plans: [] },
      'GET /api/v1/assessments': teamAssessmentFixture([riley], [needsHelpFor(riley)]),
    });
    renderApp('/team');
    await screen.findByRole('table', { name: 'Three rights by rep' }, SLOW);
    expect(screen.queryByRole('heading', { name: 'Who needs help' })).toBeNull();
    expect(screen.queryByLabelText('Team', { selector: 'input' })).toBeNull();
  });
});
