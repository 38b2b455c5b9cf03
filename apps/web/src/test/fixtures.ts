import type { MeResponse, RosterResponse } from '@rightly/core';

type RosterEntry = RosterResponse['reps'][number];

let nextId = 1;
/** Deterministic UUIDs, so fixtures pass the contract's `z.uuid()` checks. */
export function testUuid(): string {
  const n = (nextId++).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${n}`;
}

export function meFixture(overrides: Partial<MeResponse['user']> = {}): MeResponse {
  return {
    user: { id: testUuid(), name: 'Morgan Lee', email: 'leader@demo.test', role: 'leader', ...overrides },
    organization: {
      id: testUuid(),
      name: 'Demo Co',
      timeZone: 'America/New_York',
      currency: 'USD',
      weekStartsOn: 1,
      isDemo: true,
    },
    team: null,
    leads: [{ id: testUuid(), name: 'Sales' }],
  };
}

const WEEK_STARTS = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'];

export function rosterEntry(params: {
  name: string;
  team?: { id: string; name: string } | null;
  leader?: string | null;
  activities?: number[];
}): RosterEntry {
  const activities = params.activities ?? [10, 12, 14, 5];
  return {
    rep: { id: testUuid(), name: params.name, email: `${params.name.toLowerCase().replace(/\W+/g, '.')}@demo.test` },
    team: params.team ?? null,
    leader: params.leader ? { id: testUuid(), name: params.leader } : null,
    activitiesLast4Weeks: activities.reduce((sum, value) => sum + value, 0),
    meetingsHeldLast4Weeks: 3,
    weekly: WEEK_STARTS.map((weekStart, index) => ({ weekStart, activities: activities[index] ?? 0, meetingsHeld: 1 })),
  };
}

export function rosterFixture(reps: RosterEntry[]): RosterResponse {
  return { asOf: '2026-11-27', weekStarts: WEEK_STARTS, reps };
}
