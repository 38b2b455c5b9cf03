import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { teamRep, WEEK_48 } from '../../test/domain-fixtures';
import { meFixture, rosterEntry, rosterFixture } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { silenceChartSizeWarnings, stubApi } from '../../test/stub-api';

/** Pages load lazily: the first render of a test can take a while on a busy machine. */
const SLOW = { timeout: 5000 };

const jamie = rosterEntry({
  name: 'Jamie Ortiz',
  team: { id: '00000000-0000-4000-8000-0000000000aa', name: 'NA Enterprise' },
});
const assessed = teamRep({ name: 'Jamie Ortiz', statuses: { thing: 'on_track', way: 'off_track', time: 'at_risk' } });

function repAssessment() {
  const previous = { key: '2026-W47', start: '2026-11-16', end: '2026-11-22', closed: true };
  const value = (actual: number) => ({
    expectationId: assessed.assessments[0]?.expectationId ?? '',
    expectationName: 'Weekly prospecting: first meetings booked',
    metric: { key: 'prospecting_meetings_booked', name: 'Meetings booked from prospecting', unit: 'count' as const },
    actual,
    target: 2,
  });
  return {
    rep: jamie.rep,
    team: jamie.team,
    period: WEEK_48,
    asOf: '2026-11-27',
    rights: assessed.rights,
    assessments: assessed.assessments.map((a) => ({ ...a, repId: jamie.rep.id })),
    trend: [
      { period: previous, rights: { thing: 'on_track', way: 'at_risk', time: 'on_track' }, values: [value(3)] },
      { period: WEEK_48, rights: { thing: 'on_track', way: 'off_track', time: 'at_risk' }, values: [value(1)] },
    ],
  };
}

const month = (m: string, total: number) => ({
  month: m,
  fromPipeline: total * 0.6,
  fromRecentMeetings: total * 0.1,
  fromFuturePace: total * 0.3,
  total,
  reference: 120000,
});

const forecast = {
  scope: { kind: 'rep', id: jamie.rep.id, name: 'Jamie Ortiz' },
  asOf: '2026-11-27',
  currency: 'USD',
  referenceKind: 'target',
  months: [month('2026-12', 130000), month('2027-01', 90000), month('2027-02', 125000)],
  gap: {
    month: '2027-01',
    gap: 30000,
    firstMeetingsNeeded: 9,
    bookBy: '2026-10-15',
    sentence: 'To close $120,000 in January 2027 at your conversion, book 9 more first meetings by 15 October 2026.',
  },
  reps: [],
  model: { medianLagDays: 21, medianCycleDays: 88, firstMeetingToOpportunity: 0.37, winRate: 0.29 },
};

describe('rep page', () => {
  beforeEach(silenceChartSizeWarnings);
  afterEach(() => {
    vi.restoreAllMocks();
    cleanup();
    vi.unstubAllGlobals();
  });

  it('opens on the evidence per right, and keeps the tab in the URL', async () => {
    stubApi({
      'GET /api/v1/me': meFixture(),
      'GET /api/v1/roster': rosterFixture([jamie]),
      [`GET /api/v1/reps/${jamie.rep.id}/assessment`]: repAssessment(),
      'GET /api/v1/forecast': forecast,
    });
    const user = userEvent.setup();
    renderApp(`/reps/${jamie.rep.id}`);

    const way = await screen.findByRole('region', { name: 'The right way' }, SLOW);
    expect(way.textContent).toContain('Off track');
    expect(way.textContent).toContain('phone share of prospecting 9% against a standard of at least 55%');
    expect(screen.getByRole('region', { name: 'The right time' }).textContent).toContain('At risk');

    await user.click(screen.getByRole('tab', { name: 'Trends' }));
    expect(screen.getByTestId('location').textContent).toBe(`/reps/${jamie.rep.id}?tab=trends`);
    const statuses = await screen.findByRole('table', { name: 'Status per right and period' });
    expect(
      within(statuses).getByRole('img', { name: 'The right way, Week 48, 2026 · Nov 23 – Nov 29, 2026: Off track' }),
    ).toBeTruthy();
    expect(within(statuses).getByRole('img', { name: /^The right way, Week 47, 2026 .*: At risk$/ })).toBeTruthy();
    expect(
      screen.getByRole('figure', { name: 'Weekly prospecting: first meetings booked: actual against target' }),
    ).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'Forecast' }));
    expect((await screen.findByTestId('gap-sentence')).textContent).toBe(forecast.gap.sentence);
    expect(screen.getByText('A hole in Jan 2027')).toBeTruthy();
    expect(
      screen.getByRole('img', { name: 'Bookings forecast for Jamie Ortiz by month, against target' }),
    ).toBeTruthy();
    const numbers = screen.getByRole('table', { name: 'Bookings forecast of Jamie Ortiz' });
    expect(within(numbers).getAllByRole('row')[2]?.textContent).toContain(
      'Jan 2027$54,000$9,000$27,000$90,000$120,000',
    );
  });
});
