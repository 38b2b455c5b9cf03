import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { problem } from '../../test/fake-fetch';
import { meFixture, rosterEntry, rosterFixture, testUuid } from '../../test/fixtures';
import { jsonResponse } from '../../test/json-response';
import { renderApp } from '../../test/render-app';

const naMidMarket = { id: testUuid(), name: 'NA Mid-Market' };
const emeaEnterprise = { id: testUuid(), name: 'EMEA Enterprise' };

/** Answers /me with `me` and /roster with the next of `rosterAnswers` (the last one repeats). */
function stubServer(me: unknown, rosterAnswers: (() => Response)[]) {
  let rosterCalls = 0;
  const fetchImpl = vi.fn(async (input: RequestInfo | URL) => {
    const path = new URL(String(input), 'http://localhost').pathname;
    if (path === '/api/v1/me') return jsonResponse(200, me);
    if (path === '/api/v1/roster') {
      const answer = rosterAnswers[Math.min(rosterCalls, rosterAnswers.length - 1)];
      rosterCalls += 1;
      if (!answer) throw new Error('no roster answer configured');
      return answer();
    }
    throw new Error(`Unexpected request in test: ${path}`);
  });
  vi.stubGlobal('fetch', fetchImpl);
  return fetchImpl;
}

describe('Team page: activity roster', () => {
  beforeEach(() => {
    // happy-dom has no layout, so recharts measures every sparkline as 0×0 and says so; other
    // warnings still get through.
    const warn = console.warn.bind(console);
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('of chart should be greater than 0')) return;
      warn(...args);
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    cleanup();
    vi.unstubAllGlobals();
  });

  it('groups reps by team with the team leader, and counts the reps shown', async () => {
    stubServer(meFixture(), [
      () =>
        jsonResponse(
          200,
          rosterFixture([
            rosterEntry({
              name: 'Riley Carter',
              team: naMidMarket,
              leader: 'Marcus Cole',
              activities: [10, 20, 30, 4],
            }),
            rosterEntry({ name: 'Sam Patel', team: emeaEnterprise, leader: 'Sofia Rossi' }),
            rosterEntry({ name: 'Drew Kim', team: naMidMarket, leader: 'Marcus Cole' }),
          ]),
        ),
    ]);
    renderApp('/team?view=activity');

    // The first test also loads the lazy page module, which takes a while on a busy machine.
    const table = await screen.findByRole('table', { name: 'Team roster' }, { timeout: 5000 });
    expect(screen.getByText(/Showing 3 reps in 2 teams · as of Nov 27, 2026/)).toBeTruthy();
    const [, body] = within(table).getAllByRole('rowgroup');
    if (!body) throw new Error('the roster table has no body');
    const rowTexts = within(body)
      .getAllByRole('row')
      .map((row) => row.textContent);
    // EMEA Enterprise before NA Mid-Market, each team's heading row before its reps, reps by name.
    expect(rowTexts).toHaveLength(5);
    expect(rowTexts[0]).toContain('EMEA Enterprise');
    expect(rowTexts[0]).toContain('Leader: Sofia Rossi · 1 rep');
    expect(rowTexts[1]).toContain('Sam Patel');
    expect(rowTexts[2]).toContain('NA Mid-Market');
    expect(rowTexts[2]).toContain('Leader: Marcus Cole · 2 reps');
    expect(rowTexts[3]).toContain('Drew Kim');
    expect(rowTexts[4]).toContain('Riley Carter');
    expect(rowTexts[4]).toContain('64');
    // The trend leaves out the running week (as of Nov 27, the week of Nov 23).
    expect(
      screen.getByRole('img', { name: /Activities per week for Riley Carter, Nov 2 to Nov 16: 10, 20, 30$/ }),
    ).toBeTruthy();
  });

  it('tells a rep why they see only themselves', async () => {
    stubServer(meFixture({ name: 'Riley Carter', email: 'rep@demo.test', role: 'rep' }), [
      () =>
        jsonResponse(
          200,
          rosterFixture([rosterEntry({ name: 'Riley Carter', team: naMidMarket, leader: 'Marcus Cole' })]),
        ),
    ]);
    renderApp('/team?view=activity');
    expect(await screen.findByText(/Showing 1 rep ·/)).toBeTruthy();
    expect(screen.getByText(/Your leader sees the whole team here/)).toBeTruthy();
  });

  it('shows the problem detail when loading fails, and loads again on Retry', async () => {
    const unavailable = () =>
      jsonResponse(503, problem(503, 'database_unavailable', 'The database is not answering. Try again shortly.'));
    // The first load and its two automatic retries fail; the Retry button's load succeeds.
    const fetchImpl = stubServer(meFixture(), [
      unavailable,
      unavailable,
      unavailable,
      () => jsonResponse(200, rosterFixture([rosterEntry({ name: 'Sam Patel', team: emeaEnterprise })])),
    ]);
    const user = userEvent.setup();
    renderApp('/team?view=activity');

    // A 5xx is retried twice (1 s, then 2 s apart) before the error shows.
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 });
    expect(alert.textContent).toContain('The database is not answering. Try again shortly.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Sam Patel')).toBeTruthy();
    expect(fetchImpl.mock.calls.filter(([input]) => String(input).startsWith('/api/v1/roster'))).toHaveLength(4);
  }, 15_000);

  it('sends the user to sign-in when the session ends, keeping the page to return to', async () => {
    const signedOut = () => jsonResponse(401, problem(401, 'unauthenticated', 'Sign in first.'));
    const fetchImpl = vi.fn(async (input: RequestInfo | URL) => {
      const path = new URL(String(input), 'http://localhost').pathname;
      if (path === '/api/v1/me')
        return fetchImpl.mock.calls.length === 1 ? jsonResponse(200, meFixture()) : signedOut();
      if (path === '/api/v1/roster') return signedOut();
      if (path === '/api/v1/auth/demo-sign-ins') return jsonResponse(200, { signIns: [] });
      throw new Error(`Unexpected request in test: ${path}`);
    });
    vi.stubGlobal('fetch', fetchImpl);
    renderApp('/reps?q=emea');

    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/sign-in?returnTo=%2Freps%3Fq%3Demea'),
    );
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('signs out to the plain sign-in page, not back to the view the user chose to leave', async () => {
    const fetchImpl = vi.fn(async (input: RequestInfo | URL) => {
      const path = new URL(String(input), 'http://localhost').pathname;
      if (path === '/api/v1/me') return jsonResponse(200, meFixture());
      if (path === '/api/v1/roster') return jsonResponse(200, rosterFixture([rosterEntry({ name: 'Sam Patel' })]));
      if (path === '/api/v1/auth/sign-out') return new Response(null, { status: 204 });
      if (path === '/api/v1/auth/demo-sign-ins') return jsonResponse(200, { signIns: [] });
      throw new Error(`Unexpected request in test: ${path}`);
    });
    vi.stubGlobal('fetch', fetchImpl);
    const user = userEvent.setup();
    renderApp('/team?view=activity');
    await screen.findByText('Sam Patel');

    await user.click(screen.getByRole('button', { name: 'Account menu for Morgan Lee' }));
    // happy-dom has no layout, so the menu counts as hidden while it transitions in.
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out', hidden: true }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/sign-in');
  });
});
