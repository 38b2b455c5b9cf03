import { describe, expect, it } from 'vitest';
import { expectedProgress, parsePeriod, periodContaining, periodsEndingWith, shiftPeriod } from '../src/index';

describe('periods', () => {
  it('reads weeks, months, quarters and custom ranges', () => {
    expect(parsePeriod('2026-W05')).toEqual({ kind: 'week', key: '2026-W05', start: '2026-01-26', end: '2026-02-01' });
    expect(parsePeriod('2026-02')).toEqual({ kind: 'month', key: '2026-02', start: '2026-02-01', end: '2026-02-28' });
    expect(parsePeriod('2026-Q4')).toEqual({ kind: 'quarter', key: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
    expect(parsePeriod('2026-01-05..2026-02-13')).toMatchObject({
      kind: 'custom',
      start: '2026-01-05',
      end: '2026-02-13',
    });
  });

  it('refuses what is not a period', () => {
    for (const key of ['2026-W54', '2025-W53', '2026-13', '2026-Q5', '2026-02-10..2026-02-01', 'last week', '']) {
      expect(parsePeriod(key), key).toBeNull();
    }
  });

  it('knows ISO weeks across year ends, including week 53', () => {
    expect(parsePeriod('2026-W53')).toMatchObject({ start: '2026-12-28', end: '2027-01-03' });
    expect(periodContaining('week', '2027-01-01').key).toBe('2026-W53');
    expect(periodContaining('week', '2025-12-29').key).toBe('2026-W01');
    expect(shiftPeriod(parsePeriod('2026-W01') as never, -1).key).toBe('2025-W52');
  });

  it('steps through months and quarters, and lists a trend window oldest first', () => {
    expect(shiftPeriod(parsePeriod('2026-01') as never, -1).key).toBe('2025-12');
    expect(shiftPeriod(parsePeriod('2026-Q1') as never, -1).key).toBe('2025-Q4');
    expect(periodsEndingWith(parsePeriod('2026-03') as never, 3).map((p) => p.key)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(shiftPeriod(parsePeriod('2026-01-01..2026-01-10') as never, 1)).toMatchObject({
      start: '2026-01-11',
      end: '2026-01-20',
    });
  });
});

describe('pacing', () => {
  const week = parsePeriod('2026-W48') as never; // Monday 23 – Sunday 29 November 2026

  it('expects work on working days only, evenly by default', () => {
    expect(expectedProgress({ period: week, asOf: '2026-11-22', curve: { kind: 'linear' } })).toBe(0);
    expect(expectedProgress({ period: week, asOf: '2026-11-24', curve: { kind: 'linear' } })).toBeCloseTo(2 / 5);
    expect(expectedProgress({ period: week, asOf: '2026-11-28', curve: { kind: 'linear' } })).toBe(1);
    expect(expectedProgress({ period: week, asOf: '2026-12-10', curve: { kind: 'linear' } })).toBe(1);
  });

  it('weights the months of a seasonal curve', () => {
    const quarter = parsePeriod('2026-Q4') as never;
    const quietDecember = { kind: 'seasonal' as const, monthWeights: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0] };
    // With December weighted zero, the quarter's work is due by the end of November.
    expect(expectedProgress({ period: quarter, asOf: '2026-11-30', curve: quietDecember })).toBeCloseTo(1);
    expect(expectedProgress({ period: quarter, asOf: '2026-11-30', curve: { kind: 'linear' } })).toBeLessThan(0.75);
  });
});
