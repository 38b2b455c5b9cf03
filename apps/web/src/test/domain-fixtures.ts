import {
  BUILT_IN_METRICS,
  type AssessmentStatus,
  type ExpectationInput,
  type ExpectationResponse,
  type MetricResponse,
  type TeamAssessmentResponse,
} from '@rightly/core';
import { testUuid } from './fixtures';

type TeamRep = TeamAssessmentResponse['reps'][number];
type ExpectationAssessment = TeamRep['assessments'][number];
interface Statuses {
  thing: AssessmentStatus;
  way: AssessmentStatus;
  time: AssessmentStatus;
}

/** The built-in catalogue as `GET /api/v1/metrics` answers it. */
export function metricsFixture(): { metrics: MetricResponse[] } {
  return {
    metrics: BUILT_IN_METRICS.map((metric) => ({
      key: metric.key,
      name: metric.name,
      kind: metric.kind,
      right: metric.right,
      unit: metric.unit,
      direction: metric.direction,
      description: metric.description,
      builtIn: true,
      measurable: metric.definition !== null,
      definition: metric.definition,
    })),
  };
}

export const WEEK_48 = { key: '2026-W48', start: '2026-11-23', end: '2026-11-29', closed: false };

export function expectationAssessment(params: {
  repId: string;
  name?: string;
  statuses: Statuses;
  period?: typeof WEEK_48;
  recorded?: ExpectationAssessment['recorded'];
  revisions?: ExpectationAssessment['revisions'];
}): ExpectationAssessment {
  const { statuses } = params;
  const name = params.name ?? 'Weekly prospecting: first meetings booked';
  return {
    expectationId: testUuid(),
    expectationName: name,
    repId: params.repId,
    period: params.period ?? WEEK_48,
    asOf: '2026-11-27',
    metric: { key: 'prospecting_meetings_booked', name: 'Meetings booked from prospecting', unit: 'count' },
    actual: 1,
    target: 2,
    projected: 1,
    pace: 1.6,
    progress: 0.8,
    teamMedian: 2.5,
    rights: {
      thing: {
        right: 'thing',
        status: statuses.thing,
        sentence: '1 of 2 meetings booked from prospecting with 80% of the week gone, heading for 1',
        evidence: [
          { label: 'Meetings booked from prospecting', value: 1, unit: 'count', against: 2, status: statuses.thing },
        ],
      },
      way: {
        right: 'way',
        status: statuses.way,
        sentence: 'phone share of prospecting 9% against a standard of at least 55%',
        evidence: [
          { label: 'Phone share of prospecting', value: 9.03, unit: 'percent', against: 55, status: statuses.way },
        ],
      },
      time: {
        right: 'time',
        status: statuses.time,
        sentence: 'behind pace: 1 where the curve expected 1.6',
        evidence: [{ label: 'Pace so far', value: 1, unit: 'count', against: 1.6, status: statuses.time }],
      },
    },
    sentence: 'summary',
    recorded: params.recorded ?? null,
    revisions: params.revisions ?? [],
  };
}

export function teamRep(params: {
  name: string;
  team?: { id: string; name: string } | null;
  statuses: Statuses;
  recorded?: ExpectationAssessment['recorded'];
  revisions?: ExpectationAssessment['revisions'];
}): TeamRep {
  const id = testUuid();
  const assessment = expectationAssessment({
    repId: id,
    statuses: params.statuses,
    recorded: params.recorded ?? null,
    revisions: params.revisions ?? [],
  });
  const cell = (right: 'thing' | 'way' | 'time') => ({
    status: params.statuses[right],
    sentences:
      params.statuses[right] === 'no_data'
        ? []
        : [`${assessment.expectationName}: ${assessment.rights[right].sentence}`],
  });
  return {
    rep: { id, name: params.name, email: `${params.name.toLowerCase().replace(/\W+/g, '.')}@demo.test` },
    team: params.team ?? null,
    rights: { thing: cell('thing'), way: cell('way'), time: cell('time') },
    assessments: [assessment],
  };
}

export function teamAssessmentFixture(
  reps: TeamRep[],
  needsHelp: TeamAssessmentResponse['needsHelp'] = [],
  period = WEEK_48,
): TeamAssessmentResponse {
  return {
    period,
    asOf: '2026-11-27',
    reps: reps.map((rep) => ({ ...rep, assessments: rep.assessments.map((a) => ({ ...a, period })) })),
    needsHelp,
  };
}

export function needsHelpFor(rep: TeamRep, periodsOffTrack = 3): TeamAssessmentResponse['needsHelp'][number] {
  const rights = (['thing', 'way', 'time'] as const).filter((r) => rep.rights[r].status === 'off_track');
  const atRisk = (['thing', 'way', 'time'] as const).filter((r) => rep.rights[r].status === 'at_risk');
  return {
    rep: { id: rep.rep.id, name: rep.rep.name },
    repId: rep.rep.id,
    offTrack: rights,
    atRisk,
    periodsOffTrack,
    periodsOffTrackByRight: { thing: 0, way: periodsOffTrack, time: 0 },
    evidence: rights.flatMap((r) => rep.rights[r].sentences),
    nextStep: {
      action: 'start_coaching_plan',
      text: `Start a coaching plan: off track ${periodsOffTrack} periods in a row.`,
    },
  };
}

export function expectationFixture(input: Partial<ExpectationInput> = {}, extra: Partial<ExpectationResponse> = {}) {
  const base: ExpectationInput = {
    name: 'Weekly prospecting: first meetings booked',
    scope: { kind: 'role', role: 'rep' },
    metric: 'prospecting_meetings_booked',
    target: 2,
    period: 'week',
    customStart: null,
    customEnd: null,
    way: [{ metric: 'phone_share_of_prospecting', comparator: 'at_least', bound: { kind: 'absolute', value: 55 } }],
    time: {
      pacing: { kind: 'linear' },
      dueInDays: 0,
      leadTime: 'sales_cycle',
      selfReport: false,
      selfReportFrom: null,
    },
    startsOn: '2026-01-05',
    endsOn: null,
    note: 'Booked by phone.',
    ...input,
  };
  return {
    ...base,
    id: testUuid(),
    template: null,
    createdAt: '2026-01-05T10:00:00Z',
    updatedAt: '2026-01-05T10:00:00Z',
    active: true,
    repCount: 24,
    warnings: [],
    ...extra,
  } satisfies ExpectationResponse;
}
