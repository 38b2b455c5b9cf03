import { describe, expect, it } from 'vitest';
import {
  assessExpectation,
  BUILT_IN_BY_KEY,
  parsePeriod,
  type AssessExpectationInput,
  type MetricInfo,
} from '../src/index';

const metric = (key: string) => BUILT_IN_BY_KEY.get(key) as MetricInfo;
const week = parsePeriod('2026-W48') as NonNullable<ReturnType<typeof parsePeriod>>;
const base = (over: Partial<AssessExpectationInput>): AssessExpectationInput => ({
  expectation: {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Weekly prospecting',
    metric: 'first_meetings_held',
    target: 20,
    time: { pacing: { kind: 'linear' }, dueInDays: 0, leadTime: 'none', selfReport: false, selfReportFrom: null },
  },
  metric: metric('first_meetings_held'),
  repId: 'rep',
  period: week,
  asOf: '2026-11-25', // Wednesday: 3 of 5 working days
  actual: 12,
  normal: 20,
  teamMedian: 15,
  way: [],
  leadTime: null,
  currency: 'USD',
  ...over,
});

describe('assessing one expectation', () => {
  it('reads an open week against the pacing curve, in one plain sentence', () => {
    const a = assessExpectation(base({}));
    expect(a.progress).toBeCloseTo(0.6);
    expect(a.pace).toBeCloseTo(12);
    expect(a.projected).toBeCloseTo(20); // 12 so far + 40% of a normal week (20)
    expect(a.rights.thing.status).toBe('on_track');
    expect(a.rights.time.status).toBe('on_track');
    expect(a.rights.thing.sentence).toBe('12 of 20 first meetings held with 60% of the week gone, heading for 20');
  });

  it('is at risk, not off track, when behind the curve but within reach', () => {
    const a = assessExpectation(base({ actual: 10, normal: 18 }));
    expect(a.rights.time.status).toBe('at_risk'); // 10 where 12 were due: 83%
    expect(a.rights.thing.status).toBe('at_risk'); // heading for 17.2 of 20
    expect(a.rights.time.sentence).toContain('behind pace: 10 where the curve expected 12');
  });

  it('is off track when far behind, and judges a closed period on its result alone', () => {
    expect(assessExpectation(base({ actual: 4, normal: 6 })).rights.thing.status).toBe('off_track');
    const closed = assessExpectation(base({ asOf: '2026-12-01', actual: 17 }));
    expect(closed.period.closed).toBe(true);
    expect(closed.rights.thing.status).toBe('at_risk');
    expect(closed.rights.thing.sentence).toBe('17 of 20 first meetings held');
    expect(closed.rights.time.status).toBe('no_data');
  });

  it('checks method standards against an absolute bound and against the team median', () => {
    const a = assessExpectation(
      base({
        way: [
          {
            standard: {
              metric: 'phone_share_of_prospecting',
              comparator: 'at_least',
              bound: { kind: 'absolute', value: 60 },
            },
            metric: metric('phone_share_of_prospecting'),
            value: 10,
            teamMedian: 65,
          },
          {
            standard: {
              metric: 'first_to_second_meeting_conversion',
              comparator: 'at_least',
              bound: { kind: 'team_median', factor: 1 },
            },
            metric: metric('first_to_second_meeting_conversion'),
            value: 50,
            teamMedian: 52,
          },
        ],
      }),
    );
    expect(a.rights.way.status).toBe('off_track');
    expect(a.rights.way.evidence.map((e) => e.status)).toEqual(['off_track', 'at_risk']);
    expect(a.rights.way.sentence).toBe(
      'phone share of prospecting 10% against a standard of at least 60%; first → second meeting conversion 50% against the team median of 52%',
    );
  });

  it('puts the hole one sales cycle ahead under the right time', () => {
    const a = assessExpectation(
      base({
        asOf: '2026-12-01',
        leadTime: {
          months: ['2027-03', '2027-04', '2027-05'],
          forecast: 40_000,
          reference: 150_000,
          referenceKind: 'normal',
          currency: 'USD',
        },
      }),
    );
    expect(a.rights.time.status).toBe('off_track');
    expect(a.rights.time.sentence).toBe('March–May 2027 closes forecast at $40,000 against a normal $150,000');
  });

  it('says "no data" for a rate with nothing to divide by, and for a metric not measured yet', () => {
    const share = metric('phone_share_of_prospecting');
    expect(assessExpectation(base({ metric: share, actual: null })).rights.thing.status).toBe('no_data');
    const unmeasured = { ...metric('self_reports_on_time'), measuredFrom: undefined };
    expect(assessExpectation(base({ metric: unmeasured, actual: null })).rights.thing.sentence).toContain(
      'not measured yet',
    );
    expect(
      assessExpectation(base({ metric: metric('self_reports_on_time'), actual: null })).rights.time.sentence,
    ).toContain('nothing to measure yet');
  });

  it('judges the self-reports-on-time result under the right time, not the right thing', () => {
    const a = assessExpectation(
      base({
        metric: metric('self_reports_on_time'),
        actual: 75,
        asOf: '2026-12-01',
        expectation: { ...base({}).expectation, target: 90 },
      }),
    );
    expect(a.rights.thing.status).toBe('no_data');
    expect(a.rights.time).toMatchObject({ status: 'at_risk', sentence: expect.stringContaining('75%') });
  });

  it('counts late and missing self-reports against the time right', () => {
    const reports = (late: number, missing: number) =>
      assessExpectation(
        base({ selfReports: { due: 4, onTime: 4 - late - missing, late, missing }, asOf: '2026-12-01' }),
      ).rights.time;
    expect(reports(0, 0).status).toBe('on_track');
    expect(reports(1, 0)).toMatchObject({
      status: 'at_risk',
      sentence: expect.stringContaining('3 of 4 self-reports in by their due date (1 late)'),
    });
    expect(reports(0, 1).status).toBe('off_track');
    expect(reports(1, 1)).toMatchObject({
      status: 'off_track',
      sentence: expect.stringContaining('2 of 4 self-reports in by their due date (1 late, 1 missing)'),
    });
  });

  it('treats less as better for the sales cycle', () => {
    const cycle = metric('average_sales_cycle_days');
    const fast = assessExpectation(
      base({ metric: cycle, actual: 45, asOf: '2026-12-01', expectation: { ...base({}).expectation, target: 60 } }),
    );
    const slow = assessExpectation(
      base({ metric: cycle, actual: 90, asOf: '2026-12-01', expectation: { ...base({}).expectation, target: 60 } }),
    );
    expect(fast.rights.thing.status).toBe('on_track');
    expect(slow.rights.thing.status).toBe('off_track');
  });
});
