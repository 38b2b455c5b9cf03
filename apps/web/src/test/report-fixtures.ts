import type { ReportingCadencesResponse, SelfReportItem, SelfReportsResponse } from '@rightly/core';
import { testUuid } from './fixtures';

type RepCadence = ReportingCadencesResponse['reps'][number];

export const CASEY = { id: '00000000-0000-4000-8000-00000000c45e', name: 'Casey Nguyen' };
export const FIRST_MEETINGS = '00000000-0000-4000-8000-0000000000e1';
export const PIPELINE = '00000000-0000-4000-8000-0000000000e2';

/** One rep × expectation × window, as `GET /api/v1/self-reports` answers it. */
export function selfReportItem(overrides: Partial<SelfReportItem> = {}): SelfReportItem {
  return {
    id: null,
    repId: CASEY.id,
    repName: CASEY.name,
    expectationId: FIRST_MEETINGS,
    expectationName: 'Weekly prospecting: first meetings booked',
    metric: { key: 'prospecting_meetings_booked', name: 'Meetings booked from prospecting', unit: 'count' },
    window: { start: '2026-11-23', end: '2026-11-29', cadence: 'weekly' },
    dueAt: '2026-11-30T14:00:00.000Z',
    status: 'open',
    reported: null,
    comment: '',
    measured: 3,
    submittedAt: null,
    discrepancy: null,
    resolution: null,
    ...overrides,
  };
}

export function selfReportsFixture(
  items: SelfReportItem[],
  summary: Partial<SelfReportsResponse['summary']> = {},
): SelfReportsResponse {
  return {
    asOf: '2026-11-27T15:00:00.000Z',
    timeZone: 'America/New_York',
    items,
    summary: { due: 8, onTime: 5, late: 2, overdue: 1, open: 1, discrepancies: 1, ...summary },
  };
}

export function repCadenceFixture(overrides: Partial<RepCadence> = {}): RepCadence {
  return {
    repId: CASEY.id,
    repName: CASEY.name,
    cadence: 'weekly',
    source: 'org',
    usual: 'weekly',
    upcoming: null,
    reviewOn: null,
    advice: null,
    history: [],
    ...overrides,
  };
}

export function cadencesFixture(reps: RepCadence[]): ReportingCadencesResponse {
  return { orgDefault: 'weekly', rules: { shortenAfter: 2, relaxAfter: 3 }, reps, teams: [] };
}

export function cadenceEntry(overrides: Partial<RepCadence['history'][number]> = {}): RepCadence['history'][number] {
  return {
    id: testUuid(),
    level: 'rep',
    subjectId: CASEY.id,
    cadence: 'twice_weekly',
    reason: '3 periods in a row off track',
    reviewOn: '2026-12-31',
    setBy: '00000000-0000-4000-8000-00000000000a',
    setByName: 'Morgan Lee',
    effectiveFrom: '2026-11-28',
    effectiveTo: null,
    createdAt: '2026-11-27T15:00:00.000Z',
    ...overrides,
  };
}
