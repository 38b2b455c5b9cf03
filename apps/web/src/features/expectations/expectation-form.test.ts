import type { ExpectationInput } from '@rightly/core';
import { describe, expect, it } from 'vitest';
import { testUuid } from '../../test/fixtures';
import { scopeText, targetText, timeText, wayStandardText } from './describe-expectation';
import {
  bodyFromForm,
  emptyForm,
  formFromExpectation,
  isShownAtInput,
  newWayRow,
  type ExpectationForm,
} from './expectation-form';

const repId = testUuid();
const teamId = testUuid();

function filled(overrides: Partial<ExpectationForm> = {}): ExpectationForm {
  return {
    ...emptyForm('2026-11-27'),
    name: 'Weekly prospecting',
    metric: 'prospecting_meetings_booked',
    target: 3,
    ...overrides,
  };
}

function bodyOf(form: ExpectationForm): ExpectationInput {
  const result = bodyFromForm(form);
  if (!result.ok) throw new Error(`expected a body, got ${JSON.stringify(result.errors)}`);
  return result.body;
}

const prospecting: ExpectationInput = {
  name: 'Weekly prospecting: first meetings booked',
  scope: { kind: 'team', teamId },
  metric: 'prospecting_meetings_booked',
  target: 2,
  period: 'week',
  customStart: null,
  customEnd: null,
  way: [
    { metric: 'phone_share_of_prospecting', comparator: 'at_least', bound: { kind: 'absolute', value: 55 } },
    { metric: 'win_rate', comparator: 'at_least', bound: { kind: 'team_median', factor: 0.8 } },
  ],
  time: {
    pacing: { kind: 'seasonal', monthWeights: [1, 1, 1.2, 1, 1, 1, 0.6, 0.6, 1, 1, 1, 0.5] },
    dueInDays: 3,
    leadTime: 'sales_cycle',
    selfReport: true,
    selfReportFrom: null,
  },
  startsOn: '2026-01-05',
  endsOn: null,
  note: 'Booked by phone.',
};

describe('expectation form ↔ API body', () => {
  it('round-trips an expectation with way standards, seasonal weights and a team scope', () => {
    expect(bodyOf(formFromExpectation(prospecting))).toEqual(prospecting);
  });

  it('round-trips a custom period and a rep scope, and drops custom dates for calendar periods', () => {
    const custom: ExpectationInput = {
      ...prospecting,
      scope: { kind: 'rep', repId },
      period: 'custom',
      customStart: '2026-01-05',
      customEnd: '2026-02-13',
      way: [],
      time: { pacing: { kind: 'linear' }, dueInDays: 0, leadTime: 'none', selfReport: false, selfReportFrom: null },
      endsOn: '2026-06-30',
    };
    expect(bodyOf(formFromExpectation(custom))).toEqual(custom);
    const backToWeeks = { ...formFromExpectation(custom), period: 'week' as const };
    expect(bodyOf(backToWeeks)).toMatchObject({ period: 'week', customStart: null, customEnd: null });
  });

  it('builds a body for all reps with even pacing from a new form', () => {
    expect(bodyOf(filled({ note: '  why  ', name: '  Weekly prospecting ' }))).toEqual({
      name: 'Weekly prospecting',
      scope: { kind: 'role', role: 'rep' },
      metric: 'prospecting_meetings_booked',
      target: 3,
      period: 'week',
      customStart: null,
      customEnd: null,
      way: [],
      time: { pacing: { kind: 'linear' }, dueInDays: 0, leadTime: 'none', selfReport: false, selfReportFrom: null },
      startsOn: '2026-11-27',
      endsOn: null,
      note: 'why',
    });
  });

  it('maps each way row to an absolute or a team-median bound', () => {
    const body = bodyOf(
      filled({
        way: [
          { ...newWayRow(), metric: 'phone_share_of_prospecting', value: 60, factor: 2 },
          {
            ...newWayRow(),
            metric: 'win_rate',
            comparator: 'at_most',
            boundKind: 'team_median',
            value: 7,
            factor: 1.5,
          },
        ],
      }),
    );
    expect(body.way).toEqual([
      { metric: 'phone_share_of_prospecting', comparator: 'at_least', bound: { kind: 'absolute', value: 60 } },
      { metric: 'win_rate', comparator: 'at_most', bound: { kind: 'team_median', factor: 1.5 } },
    ]);
  });

  it('names missing inputs with the server’s field paths', () => {
    const result = bodyFromForm({
      ...emptyForm('2026-11-27'),
      scopeKind: 'team',
      period: 'custom',
      way: [
        { ...newWayRow(), metric: null },
        { ...newWayRow(), metric: 'win_rate', boundKind: 'team_median', factor: '' },
      ],
      pacing: 'seasonal',
      monthWeights: [1, 1, '', 1, 1, 1, 1, 1, 1, 1, 1, 1],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { field: 'name', message: 'is required' },
      { field: 'scope.teamId', message: 'choose a team' },
      { field: 'metric', message: 'choose a metric' },
      { field: 'target', message: 'is required' },
      { field: 'customStart', message: 'is required for a custom period' },
      { field: 'customEnd', message: 'is required for a custom period' },
      { field: 'way.0.metric', message: 'choose a metric' },
      { field: 'way.0.bound.value', message: 'is required' },
      { field: 'way.1.bound.factor', message: 'is required' },
      { field: 'time.pacing.monthWeights.2', message: 'is required' },
    ]);
  });

  it('passes on the shared schema’s own rules, e.g. a negative target or an end before the start', () => {
    const result = bodyFromForm(filled({ target: -1, endsOn: '2026-01-01' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { field: 'target', message: 'must be zero or more' },
      { field: 'endsOn', message: 'must not be before startsOn' },
    ]);
  });

  it('reads number inputs as typed: blank is missing, a half-typed number counts, text is refused', () => {
    expect(bodyOf(filled({ target: '2.' })).target).toBe(2);
    expect(bodyOf(filled({ target: ' 12 ' })).target).toBe(12);
    const blank = bodyFromForm(filled({ target: '  ' }));
    expect(blank.ok ? [] : blank.errors).toEqual([{ field: 'target', message: 'is required' }]);
    const text = bodyFromForm(filled({ target: 'ten' }));
    expect(text.ok ? [] : text.errors.map((error) => error.field)).toEqual(['target']);
  });

  it('knows which fields have an input of their own', () => {
    for (const field of [
      'target',
      'way.0.bound.value',
      'way.4.metric',
      'time.pacing.monthWeights.11',
      'scope.teamId',
    ]) {
      expect(isShownAtInput(field), field).toBe(true);
    }
    expect(isShownAtInput('template')).toBe(false);
    expect(isShownAtInput('way')).toBe(false);
  });
});

describe('expectation in words', () => {
  const metrics = new Map([
    ['phone_share_of_prospecting', { name: 'Phone share of prospecting', unit: 'percent' as const }],
    ['win_rate', { name: 'Win rate', unit: 'percent' as const }],
  ]);
  const lookup = (key: string) => metrics.get(key);

  it('says the target per period in the metric’s unit', () => {
    expect(targetText(prospecting, 'count')).toBe('2 per week');
    expect(targetText({ ...prospecting, target: 25, period: 'quarter' }, 'percent')).toBe('25% per quarter');
    expect(targetText({ ...prospecting, target: 120000, period: 'month' }, 'currency')).toBe('$120,000 per month');
    expect(
      targetText({ ...prospecting, period: 'custom', customStart: '2026-01-05', customEnd: '2026-02-13' }, 'count'),
    ).toBe('2 from Jan 5, 2026 to Feb 13, 2026');
  });

  it('says who it is for', () => {
    const names = { team: (id: string) => (id === teamId ? 'NA Enterprise' : undefined), rep: () => 'Jamie Ortiz' };
    expect(scopeText({ kind: 'role', role: 'rep' }, names)).toBe('All reps');
    expect(scopeText({ kind: 'team', teamId }, names)).toBe('Team NA Enterprise, with its sub-teams');
    expect(scopeText({ kind: 'rep', repId }, names)).toBe('Jamie Ortiz');
  });

  it('says each way standard and the time right', () => {
    const [phone, win] = prospecting.way;
    if (!phone || !win) throw new Error('fixture has two way standards');
    expect(wayStandardText(phone, lookup)).toBe('Phone share of prospecting at least 55%');
    expect(wayStandardText(win, lookup)).toBe('Win rate at least 0.8 × the team median');
    expect(
      wayStandardText({ metric: 'win_rate', comparator: 'at_most', bound: { kind: 'team_median', factor: 1 } }, lookup),
    ).toBe('Win rate at most the team median');
    expect(timeText(prospecting.time)).toEqual([
      'Seasonal pacing (month weights)',
      'Due 3 days after the period',
      'Lead time: one sales cycle',
      'Self-report each reporting window',
    ]);
  });
});
