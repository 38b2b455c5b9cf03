import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessExpectation,
  BUILT_IN_METRICS,
  judgeExpectation,
  parsePeriod,
  RIGHTS,
  rightStatuses,
  summarizeRights,
  type AssessExpectationInput,
  type Period,
} from '../src/index';

const periods = ['2026-W48', '2026-11', '2026-Q4'].map((key) => parsePeriod(key) as Period);
const number = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 500, noNaN: true }));
const orNull = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const tally = fc
  .record({ onTime: fc.nat(5), late: fc.nat(3), missing: fc.nat(3) })
  .map((t) => ({ ...t, due: t.onTime + t.late + t.missing }));

/** Any rep against any built-in metric, period and as-of date, with or without standards, lead time and reports. */
const anyInput: fc.Arbitrary<AssessExpectationInput> = fc
  .record({
    metric: fc.constantFrom(...BUILT_IN_METRICS),
    period: fc.constantFrom(...periods),
    asOfOffset: fc.integer({ min: -3, max: 120 }),
    target: number,
    actual: orNull(number),
    normal: orNull(number),
    teamMedian: orNull(number),
    way: fc.array(
      fc.record({
        metric: fc.constantFrom(...BUILT_IN_METRICS),
        comparator: fc.constantFrom('at_least' as const, 'at_most' as const),
        bound: fc.oneof(
          number.map((value) => ({ kind: 'absolute' as const, value })),
          fc.double({ min: 0.5, max: 2, noNaN: true }).map((factor) => ({ kind: 'relative' as const, factor })),
        ),
        value: orNull(number),
        teamMedian: orNull(number),
      }),
      { maxLength: 3 },
    ),
    leadTime: orNull(fc.record({ forecast: number, reference: number })),
    selfReports: orNull(tally),
  })
  .map((r) => {
    const start = new Date(`${r.period.start}T00:00:00Z`);
    start.setUTCDate(start.getUTCDate() + r.asOfOffset);
    return {
      expectation: {
        id: 'e1',
        name: 'Any expectation',
        metric: r.metric.key,
        target: r.target,
        time: {
          pacing: { kind: 'linear' },
          dueInDays: 0,
          leadTime: r.leadTime ? 'sales_cycle' : 'none',
          selfReport: r.selfReports !== null,
          selfReportFrom: null,
        },
      },
      metric: r.metric,
      repId: 'rep',
      period: r.period,
      asOf: start.toISOString().slice(0, 10),
      actual: r.actual,
      normal: r.normal,
      teamMedian: r.teamMedian,
      way: r.way.map((w) => ({
        standard: { metric: w.metric.key, comparator: w.comparator, bound: w.bound },
        metric: w.metric,
        value: w.value,
        teamMedian: w.teamMedian,
      })),
      leadTime: r.leadTime
        ? {
            ...r.leadTime,
            months: ['2027-02', '2027-03', '2027-04'],
            referenceKind: 'target' as const,
            currency: 'USD',
          }
        : null,
      selfReports: r.selfReports,
      currency: 'USD',
    } as AssessExpectationInput;
  });

describe('judging an expectation without its sentences', () => {
  it('gives exactly the statuses and numbers of the full assessment, for any input', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const full = assessExpectation(input);
        const lean = judgeExpectation(input);
        const { rights, sentence, ...numbers } = full;
        expect(sentence).toEqual(expect.any(String));
        expect({ ...lean, rights: undefined }).toEqual({ ...numbers, rights: undefined });
        for (const right of RIGHTS) expect(lean.rights[right].status).toBe(rights[right].status);
      }),
      { numRuns: 2000 },
    );
  });

  it('folds a rep’s judgements into the same status per right as the team matrix does', () => {
    fc.assert(
      fc.property(fc.array(anyInput, { maxLength: 4 }), (inputs) => {
        const matrix = summarizeRights(inputs.map(assessExpectation));
        const statuses = rightStatuses(inputs.map(judgeExpectation));
        for (const right of RIGHTS) expect(statuses[right]).toBe(matrix[right].status);
      }),
      { numRuns: 500 },
    );
  });
});
