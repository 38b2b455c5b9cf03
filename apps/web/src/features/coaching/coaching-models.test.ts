import { describe, expect, it } from 'vitest';
import {
  auditEntryFixture,
  commitmentFixture,
  COACHED_REP,
  effectMetricFixture,
  ladderFixture,
  planSummaryFixture,
  sessionFixture,
  teamHealthFixture,
} from '../../test/coaching-fixtures';
import { effectChartData, effectSentence, formatChange, inSentence } from './effect-model';
import { healthFigures, healthTrendData } from './health-model';
import { ladderAuditEntries, requirementList } from './ladder-model';
import {
  canTickCommitment,
  commitmentDueText,
  defaultReviewOn,
  focusFromRights,
  goalsFromAssessments,
  groupPlans,
  groupSessions,
  overviewRows,
  validatePlanDraft,
  validateSessionDraft,
} from './plan-model';

describe('the effect sentence', () => {
  it('says the rep’s change, the team’s and the difference beyond the team', () => {
    expect(effectSentence(effectMetricFixture())).toBe(
      'first meetings +1.2 a week against the team’s +0.3: +0.9 beyond the team',
    );
  });

  it('says behind the team when the rep moved less than the team', () => {
    expect(effectSentence(effectMetricFixture({ repChange: 0.2, teamChange: 0.5, effect: -0.3 }))).toBe(
      'first meetings +0.2 a week against the team’s +0.5: 0.3 behind the team',
    );
    expect(effectSentence(effectMetricFixture({ repChange: -1, teamChange: 0, effect: -1 }))).toBe(
      'first meetings −1 a week against the team’s ±0: 1 behind the team',
    );
  });

  it('says in step when the difference rounds to nothing', () => {
    expect(effectSentence(effectMetricFixture({ repChange: 0.52, teamChange: 0.5, effect: 0.02 }))).toBe(
      'first meetings +0.5 a week against the team’s +0.5: in step with the team',
    );
  });

  it('uses points for percentages and no "a week" for a rate', () => {
    expect(
      effectSentence(
        effectMetricFixture({ name: 'Win rate', unit: 'percent', repChange: 6, teamChange: 1, effect: 5 }),
      ),
    ).toBe('win rate +6 points against the team’s +1 point: +5 points beyond the team');
  });

  it('formats money in the organization’s currency', () => {
    expect(
      effectSentence(
        effectMetricFixture({
          name: 'Pipeline added',
          unit: 'currency',
          repChange: 12000,
          teamChange: 2000,
          effect: 10000,
        }),
        'EUR',
      ),
    ).toBe('pipeline added +€12,000 a week against the team’s +€2,000: +€10,000 beyond the team');
  });

  it('says what is missing when a side has no data', () => {
    expect(effectSentence(effectMetricFixture({ repChange: null, effect: null }))).toBe(
      'first meetings: not enough weeks before and since the start to measure a change yet',
    );
    expect(effectSentence(effectMetricFixture({ teamChange: null, effect: null }))).toBe(
      'first meetings +1.2 a week; no team figures for the same weeks to compare with',
    );
  });

  it('keeps acronyms and formats changes with a sign', () => {
    expect(inSentence('CRM hygiene')).toBe('CRM hygiene');
    expect(inSentence('Calls')).toBe('calls');
    expect(formatChange(0.04, 'count')).toBe('±0');
    expect(formatChange(-2, 'days')).toBe('−2 days');
  });
});

describe('the effect chart', () => {
  it('orders the weeks and marks the week the plan started in', () => {
    const metric = effectMetricFixture();
    const reversed = { weekly: [...metric.weekly].reverse() };
    const chart = effectChartData(reversed, '2026-11-04');
    expect(chart.points.map((point) => point.weekStart)).toEqual([
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
    ]);
    expect(chart.startLabel).toBe('Nov 2');
    expect(chart.measured).toBe(true);
    expect(
      effectChartData({ weekly: [{ weekStart: '2026-11-02', rep: null, team: null }] }, '2026-11-02').measured,
    ).toBe(false);
  });
});

describe('the ladder requirements', () => {
  it('lists the server’s requirements and judges the reason from the draft', () => {
    const ladder = ladderFixture();
    const items = requirementList(ladder, 'too short');
    expect(items.map((item) => [item.code, item.met])).toEqual([
      ['plan_length', false],
      ['sessions_held', true],
      ['cadence_shortened', true],
      ['reason', false],
    ]);
    expect(items.at(-1)?.text).toBe('A written reason of at least 20 characters');
    expect(requirementList(ladder, 'Three months of coaching did not turn it').at(-1)?.met).toBe(true);
  });

  it('uses the server’s own reason requirement when it sends one, and nothing at the top', () => {
    const ladder = ladderFixture({
      requirements: [{ code: 'reason', met: false, text: 'A written reason' }],
    });
    expect(requirementList(ladder, 'A long enough reason for the record')).toEqual([
      { code: 'reason', met: true, text: 'A written reason' },
    ]);
    expect(requirementList(ladderFixture({ next: null }), '')).toEqual([]);
  });

  it('keeps ladder steps and plan outcomes for the audit card, newest first', () => {
    const entries = [
      auditEntryFixture({ action: 'plan_started', at: '2026-10-01T09:00:00Z' }),
      auditEntryFixture({ action: 'ladder_step_taken', at: '2026-11-20T09:00:00Z' }),
      auditEntryFixture({ action: 'plan_closed', at: '2026-11-10T09:00:00Z' }),
    ];
    expect(ladderAuditEntries(entries).map((entry) => entry.action)).toEqual(['ladder_step_taken', 'plan_closed']);
  });
});

describe('grouping plans, sessions and commitments', () => {
  it('finds the active plan and orders closed plans by when they closed', () => {
    const older = planSummaryFixture({ status: 'closed', outcome: 'improved', closedAt: '2026-03-01T00:00:00Z' });
    const newer = planSummaryFixture({ status: 'closed', outcome: 'extended', closedAt: '2026-08-01T00:00:00Z' });
    const active = planSummaryFixture();
    const grouped = groupPlans([older, active, newer]);
    expect(grouped.active?.id).toBe(active.id);
    expect(grouped.closed.map((plan) => plan.id)).toEqual([newer.id, older.id]);
    expect(groupPlans([older]).active).toBeNull();
  });

  it('puts sessions newest first with their commitments, open ones first', () => {
    const first = sessionFixture({ heldOn: '2026-11-06' });
    const second = sessionFixture({ heldOn: '2026-11-20' });
    const done = commitmentFixture({ sessionId: first.id, dueOn: '2026-11-08', doneAt: '2026-11-07T10:00:00Z' });
    const open = commitmentFixture({ sessionId: first.id, dueOn: '2026-11-30' });
    const loose = commitmentFixture({ sessionId: null });
    const grouped = groupSessions({ sessions: [first, second], commitments: [done, loose, open] });
    expect(grouped.sessions.map((entry) => entry.session.id)).toEqual([second.id, first.id]);
    expect(grouped.sessions[1]?.commitments.map((commitment) => commitment.id)).toEqual([open.id, done.id]);
    expect(grouped.unattached.map((commitment) => commitment.id)).toEqual([loose.id]);
  });

  it('says when a commitment is due, overdue or done', () => {
    expect(commitmentDueText({ dueOn: '2026-11-30', doneAt: null }, '2026-11-27')).toBe('Due Nov 30, 2026');
    expect(commitmentDueText({ dueOn: '2026-11-27', doneAt: null }, '2026-11-27')).toBe('Due today');
    expect(commitmentDueText({ dueOn: '2026-11-20', doneAt: null }, '2026-11-27')).toBe('Overdue since Nov 20, 2026');
    expect(commitmentDueText({ dueOn: '2026-11-20', doneAt: '2026-11-19T10:00:00Z' }, '2026-11-27')).toBe(
      'Done · was due Nov 20, 2026',
    );
  });

  it('lets the owner tick, leaders tick any, and nobody on a closed plan', () => {
    const mine = commitmentFixture({ ownerId: COACHED_REP.id });
    expect(canTickCommitment(mine, { id: COACHED_REP.id, role: 'rep' }, true)).toBe(true);
    expect(canTickCommitment(mine, { id: 'someone-else', role: 'rep' }, true)).toBe(false);
    expect(canTickCommitment(mine, { id: 'leader', role: 'leader' }, true)).toBe(true);
    expect(canTickCommitment(mine, { id: COACHED_REP.id, role: 'rep' }, false)).toBe(false);
  });

  it('puts overdue reviews first on the overview', () => {
    const later = planSummaryFixture({ repName: 'Ana', reviewOn: '2026-12-20' });
    const sooner = planSummaryFixture({ repName: 'Ben', reviewOn: '2026-12-01' });
    const overdue = planSummaryFixture({ repName: 'Cy', reviewOn: '2026-11-20', reviewDue: true });
    const closed = planSummaryFixture({ status: 'closed' });
    const rows = overviewRows([later, sooner, closed, overdue], '2026-11-27');
    expect(rows.map((row) => row.plan.repName)).toEqual(['Cy', 'Ben', 'Ana']);
    expect(rows[0]?.reviewText).toBe('Review overdue since Nov 20, 2026');
    expect(rows[1]).toMatchObject({ overdue: false, reviewText: 'Review Dec 1, 2026' });
  });
});

describe('starting a plan and holding a session', () => {
  const statuses = (thing: string, way: string, time: string) =>
    ({ thing: { status: thing }, way: { status: way }, time: { status: time } }) as Parameters<
      typeof focusFromRights
    >[0];

  it('focuses on the rights off track, else those at risk', () => {
    expect(focusFromRights(statuses('off_track', 'at_risk', 'off_track'))).toEqual(['thing', 'time']);
    expect(focusFromRights(statuses('on_track', 'at_risk', 'no_data'))).toEqual(['way']);
    expect(focusFromRights(statuses('on_track', 'on_track', 'on_track'))).toEqual([]);
  });

  it('writes a goal per expectation behind on a right in focus', () => {
    const expectation = (id: string, name: string, thing: string) => ({
      expectationId: id,
      expectationName: name,
      target: 5,
      metric: { unit: 'count' as const, name: 'First meetings' },
      rights: statuses(thing, 'on_track', 'on_track'),
    });
    const goals = goalsFromAssessments(
      [expectation('a', 'Weekly prospecting', 'off_track'), expectation('b', 'Calls', 'on_track')],
      ['thing'],
    );
    expect(goals).toEqual([{ key: 1, expectationId: 'a', text: 'Reach 5 on first meetings (Weekly prospecting)' }]);
  });

  it('reviews six weeks on and checks the draft', () => {
    expect(defaultReviewOn('2026-11-27')).toBe('2027-01-08');
    expect(validatePlanDraft({ focus: [], reviewOn: '2026-11-27', goals: [] }, '2026-11-27')).toEqual({
      focus: 'Choose at least one right to work on.',
      reviewOn: 'The review is after today.',
    });
    expect(
      validatePlanDraft(
        { focus: ['time'], reviewOn: '2027-01-08', goals: [{ key: 1, expectationId: null, text: ' ' }] },
        '2026-11-27',
      ),
    ).toEqual({ goals: 'Write each goal, or remove the empty row.' });
  });

  it('checks a session: not in the future, something recorded, commitments complete', () => {
    const today = '2026-11-27';
    expect(
      validateSessionDraft({ heldOn: '2026-11-28', notes: '', privateToLeaders: false, commitments: [] }, today),
    ).toEqual({
      heldOn: 'A session is recorded once it was held: not in the future.',
      notes: 'Write what was discussed, or agree at least one commitment.',
    });
    expect(
      validateSessionDraft(
        {
          heldOn: today,
          notes: '',
          privateToLeaders: false,
          commitments: [
            { key: 1, text: 'Call Acme', owner: 'rep', dueOn: '2026-12-04' },
            { key: 2, text: '', owner: 'leader', dueOn: '2026-11-20' },
          ],
        },
        today,
      ),
    ).toEqual({ commitments: { 2: { text: 'Say what will be done.', dueOn: 'Due on or after the session.' } } });
  });
});

describe('the health panel', () => {
  it('shows shares as percentages and frames escalations as rare', () => {
    const figures = healthFigures(teamHealthFixture());
    expect(figures.map((figure) => [figure.label, figure.value, figure.tone])).toEqual([
      ['Expectations with an owner, a target and a date', '75%', 'warn'],
      ['Outcome metrics', '25%', 'neutral'],
      ['Self-reports on time', '82%', 'good'],
      ['Coaching plans active', '2', 'neutral'],
      ['Escalations, last 12 months', '1', 'neutral'],
    ]);
    expect(figures[1]?.hint).toBe('outcome · 75% activity');
    expect(figures[4]?.hint).toBe('8% of reps · should stay rare');
  });

  it('flags escalations that are no longer rare, and says when there is nothing to count', () => {
    const figures = healthFigures(
      teamHealthFixture({
        escalationsLast12Months: 3,
        escalationRate: 0.25,
        expectationsWithOwnerTargetDate: null,
        selfReportsOnTime: null,
      }),
    );
    expect(figures[4]?.tone).toBe('warn');
    expect(figures[0]).toMatchObject({ value: '—', hint: 'No active expectation to count', tone: 'neutral' });
    expect(figures[2]?.hint).toBe('No self-report was due');
  });

  it('turns the 13-period trend into percentages, oldest first', () => {
    const trend = teamHealthFixture().trend;
    const data = healthTrendData([...trend].reverse());
    expect(data).toHaveLength(13);
    expect(data[0]).toEqual({ label: 'Aug 31', results: 50, thing: 60, way: 70, time: null });
    expect(data[12]?.results).toBe(62);
  });
});
