import type {
  AuditEntry,
  CoachingPlan,
  CoachingPlanSummary,
  CoachingSession,
  Commitment,
  LadderResponse,
  PlanEffectMetric,
  TeamHealth,
} from '@rightly/core';
import { testUuid } from './fixtures';

export const COACHED_REP = { id: '00000000-0000-4000-8000-00000000c0ac', name: 'Casey Nguyen' };
export const COACH = { id: '00000000-0000-4000-8000-00000000c0ad', name: 'Henrik Vogel' };

export function planSummaryFixture(overrides: Partial<CoachingPlanSummary> = {}): CoachingPlanSummary {
  return {
    id: testUuid(),
    repId: COACHED_REP.id,
    repName: COACHED_REP.name,
    teamId: null,
    teamName: 'EMEA Mid-Market',
    leaderId: COACH.id,
    leaderName: COACH.name,
    status: 'active',
    focus: ['time'],
    evidence: ['Weekly report: 3 of the last 4 reports came in late'],
    goals: [{ expectationId: null, expectationName: null, text: 'Report on time every Friday' }],
    startedOn: '2026-11-02',
    reviewOn: '2026-12-14',
    outcome: null,
    outcomeNote: '',
    sessionsHeld: 0,
    openCommitments: 0,
    reviewDue: false,
    createdAt: '2026-11-02T09:00:00.000Z',
    closedAt: null,
    ...overrides,
  };
}

export function sessionFixture(overrides: Partial<CoachingSession> = {}): CoachingSession {
  return {
    id: testUuid(),
    planId: testUuid(),
    heldOn: '2026-11-20',
    notes: 'Went through the pipeline together.',
    privateToLeaders: false,
    agenda: ['Latest evidence: 3 of the last 4 reports late'],
    createdBy: COACH.id,
    createdByName: COACH.name,
    createdAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

export function commitmentFixture(overrides: Partial<Commitment> = {}): Commitment {
  return {
    id: testUuid(),
    planId: testUuid(),
    sessionId: null,
    text: 'Send the Friday report before noon',
    owner: 'rep',
    ownerId: COACHED_REP.id,
    ownerName: COACHED_REP.name,
    dueOn: '2026-11-30',
    doneAt: null,
    doneBy: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

export function effectMetricFixture(overrides: Partial<PlanEffectMetric> = {}): PlanEffectMetric {
  return {
    metricKey: 'first_meetings',
    name: 'First meetings',
    unit: 'count',
    right: 'thing',
    before: 2,
    during: 3.2,
    teamBefore: 4,
    teamDuring: 4.3,
    repChange: 1.2,
    teamChange: 0.3,
    effect: 0.9,
    weekly: [
      { weekStart: '2026-10-19', rep: 2, team: 4 },
      { weekStart: '2026-10-26', rep: 2, team: 4 },
      { weekStart: '2026-11-02', rep: 3, team: 4.2 },
      { weekStart: '2026-11-09', rep: 3.4, team: 4.4 },
    ],
    ...overrides,
  };
}

export function planFixture(overrides: Partial<CoachingPlan> = {}): CoachingPlan {
  const summary = planSummaryFixture(overrides);
  return {
    ...summary,
    sessions: [],
    commitments: [],
    effect: {
      planStart: summary.startedOn,
      baselineFrom: '2026-10-19',
      measuredTo: '2026-11-27',
      baselineWeeks: 2,
      duringWeeks: 4,
      metrics: [effectMetricFixture()],
      sentence: '',
    },
    ...overrides,
  };
}

export function ladderFixture(overrides: Partial<LadderResponse> = {}): LadderResponse {
  return {
    repId: COACHED_REP.id,
    repName: COACHED_REP.name,
    current: 'coach',
    next: 'role_outside_sales',
    steps: [],
    requirements: [
      { code: 'plan_length', met: false, text: 'A coaching plan of at least 42 days' },
      { code: 'sessions_held', met: true, text: 'At least 3 sessions held' },
      { code: 'cadence_shortened', met: true, text: 'A shortened reporting cadence tried' },
    ],
    rules: { minPlanDays: 42, minSessions: 3, minReasonLength: 20 },
    ...overrides,
  };
}

export function auditEntryFixture(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: testUuid(),
    at: '2026-11-02T09:00:00.000Z',
    actorId: COACH.id,
    actorName: COACH.name,
    action: 'plan_started',
    subjectId: COACHED_REP.id,
    subjectName: COACHED_REP.name,
    details: { summary: 'Plan started: the right time' },
    ...overrides,
  };
}

export function teamHealthFixture(overrides: Partial<TeamHealth> = {}): TeamHealth {
  return {
    teamId: null,
    teamName: 'All my teams',
    asOf: '2026-11-27',
    repsInScope: 12,
    expectationsWithOwnerTargetDate: 0.75,
    expectationsCount: 8,
    outcomeMetricShare: 0.25,
    selfReportsOnTime: 0.82,
    activePlans: 2,
    escalationsLast12Months: 1,
    escalationRate: 1 / 12,
    trend: Array.from({ length: 13 }, (_, index) => {
      const day = new Date(Date.UTC(2026, 7, 31 + index * 7)).toISOString().slice(0, 10);
      return {
        period: `2026-W${36 + index}`,
        start: day,
        end: day,
        results: 0.5 + index * 0.01,
        onTrack: { thing: 0.6, way: 0.7, time: index === 0 ? null : 0.55 },
      };
    }),
    ...overrides,
  };
}
