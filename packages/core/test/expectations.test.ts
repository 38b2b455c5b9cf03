import { describe, expect, it } from 'vitest';
import {
  createMetricRegistry,
  expectationInputSchema,
  lintExpectation,
  parsePeriod,
  percentile,
  suggestTarget,
  targetForPeriod,
  type ExpectationInput,
} from '../src/index';

const teams = [
  { id: '00000000-0000-4000-8000-0000000000a0', parentId: null, leaderId: 'L0' },
  { id: '00000000-0000-4000-8000-0000000000a1', parentId: '00000000-0000-4000-8000-0000000000a0', leaderId: 'L1' },
];
const draft = (over: Partial<ExpectationInput>): ExpectationInput =>
  expectationInputSchema.parse({
    name: 'Calls',
    scope: { kind: 'team', teamId: teams[1]?.id },
    metric: 'calls_made',
    target: 50,
    period: 'week',
    startsOn: '2026-01-05',
    ...over,
  });

describe('expectations', () => {
  it('names the fields a leader got wrong', () => {
    const result = expectationInputSchema.safeParse({
      name: '',
      scope: { kind: 'team' },
      metric: 'x',
      target: -1,
      period: 'custom',
      startsOn: '2026-02-01',
      endsOn: '2026-01-01',
    });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((i) => i.path.join('.')).sort();
    expect(fields).toEqual(['name', 'scope.teamId', 'target']);
    const dates = expectationInputSchema.safeParse({ ...draft({}), period: 'custom', endsOn: '2026-01-01' });
    expect(dates.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['customEnd', 'customStart', 'endsOn']);
  });

  it('warns when activity is counted with no outcome expectation beside it', () => {
    const registry = createMetricRegistry([]);
    const lint = (others: (ExpectationInput & { id: string })[]) =>
      lintExpectation({ expectation: draft({}), others, registry, teams, memberships: [] }).map((w) => w.code);
    expect(lint([])).toEqual(['activity_without_outcome']);
    // An outcome expectation for the same team answers it; one set for the parent team does not.
    const outcome = { ...draft({ metric: 'first_meetings_held' }), id: 'o' };
    expect(lint([outcome])).toEqual([]);
    const parent = {
      ...draft({ metric: 'first_meetings_held', scope: { kind: 'team', teamId: teams[0]?.id as string } }),
      id: 'p',
    };
    expect(lint([parent])).toEqual(['activity_without_outcome']);
    // One that ended before this one starts does not.
    expect(lint([{ ...outcome, endsOn: '2025-12-31' }])).toEqual(['activity_without_outcome']);
    const message = lintExpectation({ expectation: draft({}), others: [], registry, teams, memberships: [] })[0]
      ?.message;
    expect(message).toContain('counting calls instead of first meetings');
  });

  it('suggests the 80th percentile of history, rounded like a target', () => {
    expect(percentile([1, 2, 3, 4, 5], 0.8)).toBeCloseTo(4.2);
    expect(suggestTarget([2, 3, 1, 5, 4, 3, 2, 6, 3, 2, 4, 3])).toBe(4);
    expect(suggestTarget([41_234, 55_000, 38_900, 61_250])).toBe(58_000); // 57,500 to two significant digits
    expect(suggestTarget([])).toBeNull();
  });

  it('scales counts to another period length but leaves rates alone', () => {
    const weekly = { target: 5, period: 'week' as const, customStart: null, customEnd: null };
    const month = parsePeriod('2026-02') as NonNullable<ReturnType<typeof parsePeriod>>;
    expect(targetForPeriod({ expectation: weekly, accumulates: true, period: month })).toBeCloseTo(20);
    expect(targetForPeriod({ expectation: { ...weekly, target: 60 }, accumulates: false, period: month })).toBe(60);
    const quarter = parsePeriod('2026-Q1') as NonNullable<ReturnType<typeof parsePeriod>>;
    expect(
      targetForPeriod({
        expectation: { ...weekly, period: 'quarter', target: 90 },
        accumulates: true,
        period: quarter,
      }),
    ).toBe(90);
  });
});
