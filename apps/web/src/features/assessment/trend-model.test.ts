import { describe, expect, it } from 'vitest';
import { forecastPoints, formatMoney, formatMoneyShort, monthAxisLabel, monthLabel } from '../forecast/forecast-model';
import type { RepAssessment } from './assessment-api';
import { statusRows, trendCharts } from './trend-model';

const metric = { key: 'prospecting_meetings_booked', name: 'Meetings booked from prospecting', unit: 'count' as const };
const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';

const trend: RepAssessment['trend'] = [
  {
    period: { key: '2026-W47', start: '2026-11-16', end: '2026-11-22', closed: true },
    rights: { thing: 'on_track', way: 'off_track', time: 'no_data' },
    values: [{ expectationId: a, expectationName: 'Weekly prospecting', metric, actual: 3, target: 2 }],
  },
  {
    period: { key: '2026-W48', start: '2026-11-23', end: '2026-11-29', closed: false },
    rights: { thing: 'at_risk', way: 'off_track', time: 'on_track' },
    values: [
      { expectationId: a, expectationName: 'Weekly prospecting', metric, actual: 1, target: 2 },
      {
        expectationId: b,
        expectationName: 'Strategic mix',
        metric: { key: 'strategic_share_of_new_pipeline', name: 'Strategic share', unit: 'percent' },
        actual: null,
        target: 25,
      },
    ],
  },
];

describe('trend model', () => {
  it('makes one chart per expectation, with a gap where it did not apply', () => {
    const charts = trendCharts(trend);
    expect(charts.map((c) => c.expectationName)).toEqual(['Weekly prospecting', 'Strategic mix']);
    expect(charts[0]?.points).toEqual([
      { period: '2026-W47', label: 'W47', actual: 3, target: 2 },
      { period: '2026-W48', label: 'W48', actual: 1, target: 2 },
    ]);
    expect(charts[1]?.points).toEqual([
      { period: '2026-W47', label: 'W47', actual: null, target: null },
      { period: '2026-W48', label: 'W48', actual: null, target: 25 },
    ]);
  });

  it('lays out a row of statuses per right, oldest period first', () => {
    const rows = statusRows(trend, ['thing', 'way']);
    expect(rows.map((row) => row.right)).toEqual(['thing', 'way']);
    expect(rows[0]?.cells.map((cell) => cell.status)).toEqual(['on_track', 'at_risk']);
    expect(rows[1]?.cells[0]).toEqual({
      period: '2026-W47',
      label: 'W47',
      title: 'Week 47, 2026 · Nov 16 – Nov 22, 2026',
      status: 'off_track',
    });
  });
});

describe('forecast model', () => {
  it('labels months and flags the ones forecast below their reference', () => {
    expect(monthLabel('2027-04')).toBe('Apr 2027');
    expect(monthAxisLabel('2027-04')).toBe('Apr ’27');
    const points = forecastPoints([
      {
        month: '2026-12',
        fromPipeline: 80000.4,
        fromRecentMeetings: 10000,
        fromFuturePace: 0,
        total: 90000.4,
        reference: 85000,
      },
      {
        month: '2027-01',
        fromPipeline: 20000,
        fromRecentMeetings: 15000,
        fromFuturePace: 5000.6,
        total: 40000.6,
        reference: 85000,
      },
      { month: '2027-02', fromPipeline: 0, fromRecentMeetings: 0, fromFuturePace: 0, total: 0, reference: 0 },
    ]);
    expect(points.map((p) => [p.label, p.short])).toEqual([
      ['Dec 2026', false],
      ['Jan 2027', true],
      ['Feb 2027', false],
    ]);
    expect(points[1]).toMatchObject({ fromPipeline: 20000, fromFuturePace: 5001, total: 40001, reference: 85000 });
  });

  it('formats money in the organization’s currency', () => {
    expect(formatMoney(120000, 'USD')).toBe('$120,000');
    expect(formatMoney(120000, 'EUR')).toBe('€120,000');
    expect(formatMoneyShort(120000, 'USD')).toBe('$120K');
    expect(formatMoneyShort(1250000, 'USD')).toBe('$1.3M');
  });
});
