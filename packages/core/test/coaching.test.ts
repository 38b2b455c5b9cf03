import { describe, expect, it } from 'vitest';
import {
  buildAgenda,
  currentLadderStep,
  estimatePlanEffect,
  firstLineSummary,
  ladderRequirements,
  neutralizeCsvCell,
  shortenedCadenceTried,
  toCsv,
  toSingleLine,
  type CadenceSetting,
  type LadderRecord,
} from '../src/index';

describe('the effect of a coaching plan (difference in differences)', () => {
  it('takes the team’s change over the same weeks out of the rep’s change', () => {
    // The plan starts on Monday 2 March. Three baseline weeks, three weeks during the plan.
    // Rep: 2, 4, 3 before (mean 3) → 7, 8, 9 during (mean 8): +5.
    // Team: 10, 10, 10 before (mean 10) → 12, 11, 13 during (mean 12): +2. Effect: 5 − 2 = 3.
    const weekly = [
      { weekStart: '2026-02-09', rep: 2, team: 10 },
      { weekStart: '2026-02-16', rep: 4, team: 10 },
      { weekStart: '2026-02-23', rep: 3, team: 10 },
      { weekStart: '2026-03-02', rep: 7, team: 12 },
      { weekStart: '2026-03-09', rep: 8, team: 11 },
      { weekStart: '2026-03-16', rep: 9, team: 13 },
    ];
    const e = estimatePlanEffect({ weekly, planStart: '2026-03-02' });
    expect(e).toEqual({
      before: 3,
      during: 8,
      teamBefore: 10,
      teamDuring: 12,
      repChange: 5,
      teamChange: 2,
      effect: 3,
      baselineWeeks: 3,
      duringWeeks: 3,
    });
  });

  it('counts the week the plan started in as during, skips weeks without a value, and says null without a side', () => {
    const weekly = [
      { weekStart: '2026-02-23', rep: 40, team: 50 },
      { weekStart: '2026-03-02', rep: null, team: 50 },
      // The plan starts on a Wednesday: this week is "during".
      { weekStart: '2026-03-09', rep: 60, team: 45 },
    ];
    const e = estimatePlanEffect({ weekly, planStart: '2026-03-11' });
    expect(e.before).toBe(40);
    expect(e.during).toBe(60);
    expect(e.teamDuring).toBe(45);
    expect(e.effect).toBe(20 - -5);
    expect(estimatePlanEffect({ weekly: weekly.slice(2), planStart: '2026-03-11' }).effect).toBeNull();
  });

  it('is zero when the rep only moved with the team', () => {
    const weekly = [
      { weekStart: '2026-01-05', rep: 5, team: 6 },
      { weekStart: '2026-01-12', rep: 9, team: 10 },
    ];
    expect(estimatePlanEffect({ weekly, planStart: '2026-01-12' }).effect).toBe(0);
  });
});

describe('the consequence ladder', () => {
  const today = '2026-12-31';
  const record = (over: Partial<LadderRecord> = {}): LadderRecord => ({
    steps: [],
    plans: [],
    shortenedCadenceTried: false,
    today,
    ...over,
  });
  const unmet = (checks: { code: string; met: boolean }[]) => checks.filter((c) => !c.met).map((c) => c.code);

  it('refuses a step up with nothing on record, naming every missing requirement', () => {
    const checks = ladderRequirements({ step: 'role_outside_sales', record: record(), reason: 'too short' });
    expect(unmet(checks)).toEqual(['plan_length', 'sessions_held', 'cadence_shortened', 'reason']);
    expect(checks.find((c) => c.code === 'plan_length')?.text).toContain('no coaching plan');
    expect(checks.find((c) => c.code === 'reason')?.text).toContain('9 given');
  });

  it('counts the plan length from its start to today and the sessions in a long-enough plan', () => {
    const short = record({ plans: [{ startedOn: '2026-11-20', sessionsHeld: 5 }], shortenedCadenceTried: true });
    const checks = ladderRequirements({ step: 'role_outside_sales', record: short, reason: null });
    expect(unmet(checks)).toEqual(['plan_length', 'sessions_held']);
    expect(checks.find((c) => c.code === 'plan_length')?.text).toContain('the longest has run 41 days');
    const exactly = record({ plans: [{ startedOn: '2026-11-19', sessionsHeld: 3 }], shortenedCadenceTried: true });
    expect(unmet(ladderRequirements({ step: 'role_outside_sales', record: exactly, reason: 'x'.repeat(20) }))).toEqual(
      [],
    );
    const fewSessions = record({ plans: [{ startedOn: '2026-01-01', sessionsHeld: 2 }], shortenedCadenceTried: true });
    const t = ladderRequirements({ step: 'role_outside_sales', record: fewSessions, reason: null });
    expect(unmet(t)).toEqual(['sessions_held']);
    expect(t.find((c) => c.code === 'sessions_held')?.text).toContain('2 held so far');
  });

  it('keeps the order: replace needs role outside sales on record, and the current step is the last taken', () => {
    const documented = { plans: [{ startedOn: '2026-01-01', sessionsHeld: 4 }], shortenedCadenceTried: true };
    const reason = 'Six months of coaching without change.';
    expect(unmet(ladderRequirements({ step: 'replace', record: record(documented), reason }))).toEqual(['step_order']);
    const moved = record({
      ...documented,
      steps: [
        { step: 'coach', takenAt: '2026-01-01T10:00:00Z' },
        { step: 'role_outside_sales', takenAt: '2026-06-01T10:00:00Z' },
      ],
    });
    expect(currentLadderStep(moved.steps)).toBe('role_outside_sales');
    expect(unmet(ladderRequirements({ step: 'replace', record: moved, reason }))).toEqual([]);
    expect(unmet(ladderRequirements({ step: 'role_outside_sales', record: moved, reason }))).toEqual(['step_order']);
    // Back to coaching needs a reason only.
    expect(unmet(ladderRequirements({ step: 'coach', record: moved, reason: '' }))).toEqual(['reason']);
  });

  it('knows a shortened cadence only from a rep setting tighter than the team’s that has begun', () => {
    const settings: CadenceSetting[] = [
      { level: 'org', subjectId: null, cadence: 'weekly', effectiveFrom: '2026-01-01', effectiveTo: null },
      { level: 'team', subjectId: 't', cadence: 'twice_weekly', effectiveFrom: '2026-01-01', effectiveTo: null },
      { level: 'rep', subjectId: 'r', cadence: 'twice_weekly', effectiveFrom: '2026-03-01', effectiveTo: null },
    ];
    const base = { repId: 'r', teamChain: ['t'], fallback: 'weekly' as const, today };
    // Twice weekly is the team's own rhythm: not shortened.
    expect(shortenedCadenceTried({ ...base, settings })).toBe(false);
    const daily: CadenceSetting = { ...settings[2]!, cadence: 'daily', effectiveFrom: '2026-04-01' };
    expect(shortenedCadenceTried({ ...base, settings: [...settings, daily] })).toBe(true);
    // Not yet begun.
    expect(shortenedCadenceTried({ ...base, today: '2026-03-31', settings: [...settings, daily] })).toBe(false);
    // Another rep's setting does not count.
    expect(shortenedCadenceTried({ ...base, repId: 'x', settings: [...settings, daily] })).toBe(false);
  });
});

describe('the 1:1 agenda', () => {
  it('opens with evidence, then open commitments (overdue ones marked), then self-report comments', () => {
    const agenda = buildAgenda({
      today: '2026-11-25',
      evidence: ['Reported 2 of 4 self-reports on time.'],
      openCommitments: [
        { text: 'Call ten accounts', ownerName: 'Casey', dueOn: '2026-11-30' },
        { text: 'Share the call list\nsecond line', ownerName: 'Henrik', dueOn: '2026-11-20' },
      ],
      comments: [
        { expectationName: 'First meetings', windowStart: '2026-11-16', comment: 'Travel week' },
        { expectationName: 'First meetings', windowStart: '2026-11-09', comment: '  ' },
      ],
    });
    expect(agenda).toEqual([
      'Evidence: Reported 2 of 4 self-reports on time.',
      'Open commitment (Henrik, overdue since 2026-11-20): Share the call list second line',
      'Open commitment (Casey, due 2026-11-30): Call ten accounts',
      'Self-report, First meetings, from 2026-11-16: “Travel week”',
    ]);
  });
});

describe('safe text for logs and spreadsheets', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const hostile of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR']) {
      expect(neutralizeCsvCell(hostile)).toBe(`'${hostile}`);
    }
    expect(neutralizeCsvCell('Casey Nguyen')).toBe('Casey Nguyen');
    expect(neutralizeCsvCell('a=b')).toBe('a=b');
  });

  it('writes CSV with quoting, neutralised text and numbers kept as numbers', () => {
    expect(
      toCsv([
        ['name', 'value'],
        ['=cmd|"/c calc"!A1', -5],
        ['Lee, Morgan', null],
        ['two\nlines', 1.5],
      ]),
    ).toBe('name,value\n"\'=cmd|""/c calc""!A1",-5\n"Lee, Morgan",\n"two\nlines",1.5\n');
  });

  it('makes single-line summaries that cannot forge a log line', () => {
    expect(toSingleLine('ok\r\n2026-01-01 admin deleted everything\u001b[31m')).toBe(
      'ok 2026-01-01 admin deleted everything [31m',
    );
    expect(firstLineSummary('\n  First line here\nsecond')).toBe('First line here');
    expect(toSingleLine('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('breaks Unicode line separators, C1 controls and bidirectional overrides too', () => {
    expect(toSingleLine('a\u2028forged\u2029line\u0085end')).toBe('a forged line end');
    // U+202E would show "‮nimda" reversed; the isolates and marks could hide or reorder text.
    expect(toSingleLine('user \u202enimda\u202c \u2066x\u2069\u200f\u061c')).toBe('user nimda x');
  });
});
