import {
  adviseCadence,
  cadenceSegments,
  findDiscrepancy,
  reportStatus,
  reportingWindows,
  tallyReports,
  type CadenceSetting,
} from '@rightly/core';
import { describe, expect, it } from 'vitest';

const times = (timeZone: string) => ({ timeZone, dueTime: '09:00', reminderTime: '15:00' });
const iso = (d: Date) => d.toISOString();
const org = (cadence: CadenceSetting['cadence'], effectiveFrom = '2020-01-01'): CadenceSetting => ({
  level: 'org',
  subjectId: null,
  cadence,
  effectiveFrom,
  effectiveTo: null,
});
const segments = (settings: CadenceSetting[], start: string, end: string) =>
  cadenceSegments({ settings, repId: 'rep', teamChain: ['team', 'region'], range: { start, end }, fallback: 'weekly' });

describe('reporting windows and due dates', () => {
  it('makes weekly windows Monday to Sunday, due the next Monday at 09:00 on the org clock', () => {
    const [w] = reportingWindows(segments([], '2026-11-23', '2026-11-29'), times('America/New_York'));
    expect(w).toMatchObject({ start: '2026-11-23', end: '2026-11-29', cadence: 'weekly' });
    expect(iso(w!.dueAt)).toBe('2026-11-30T14:00:00.000Z'); // 09:00 EST
    expect(iso(w!.remindAt)).toBe('2026-11-27T20:00:00.000Z'); // Friday 15:00 EST
  });

  it('keeps 09:00 local across daylight-saving changes (Berlin in March, New York in November)', () => {
    const berlin = reportingWindows(segments([], '2026-03-16', '2026-03-29'), times('Europe/Berlin'));
    expect(berlin.map((w) => iso(w.dueAt))).toEqual([
      '2026-03-23T08:00:00.000Z', // CET, UTC+1
      '2026-03-30T07:00:00.000Z', // CEST, UTC+2: the clocks went forward on 29 March
    ]);
    const ny = reportingWindows(segments([], '2026-10-26', '2026-11-08'), times('America/New_York'));
    expect(ny.map((w) => iso(w.dueAt))).toEqual([
      '2026-11-02T14:00:00.000Z', // EST after 1 November
      '2026-11-09T14:00:00.000Z',
    ]);
    // A window whose due day is the change itself in a zone east of UTC.
    const sydney = reportingWindows(segments([], '2026-09-28', '2026-10-04'), times('Australia/Sydney'));
    expect(iso(sydney[0]!.dueAt)).toBe('2026-10-04T22:00:00.000Z'); // Monday 5 October 09:00 AEDT
  });

  it('splits twice-weekly into Monday–Wednesday and Thursday–Sunday, and skips weekends for daily', () => {
    const twice = reportingWindows(segments([org('twice_weekly')], '2026-11-23', '2026-11-29'), times('UTC'));
    expect(twice.map((w) => [w.start, w.end, iso(w.dueAt)])).toEqual([
      ['2026-11-23', '2026-11-25', '2026-11-26T09:00:00.000Z'],
      ['2026-11-26', '2026-11-29', '2026-11-30T09:00:00.000Z'],
    ]);
    const daily = reportingWindows(segments([org('daily')], '2026-11-26', '2026-11-30'), times('UTC'));
    expect(daily.map((w) => w.start)).toEqual(['2026-11-26', '2026-11-27', '2026-11-30']);
    expect(iso(daily[1]!.dueAt)).toBe('2026-11-30T09:00:00.000Z'); // Friday's report is due Monday
  });

  it('cuts the running window short when the cadence changes mid-week, without moving its start', () => {
    // Shortened to daily from Wednesday 25 November.
    const rep: CadenceSetting = {
      level: 'rep',
      subjectId: 'rep',
      cadence: 'daily',
      effectiveFrom: '2026-11-25',
      effectiveTo: null,
    };
    const windows = reportingWindows(segments([rep], '2026-11-23', '2026-11-27'), times('UTC'));
    expect(windows.map((w) => [w.start, w.end, w.cadence])).toEqual([
      ['2026-11-23', '2026-11-24', 'weekly'],
      ['2026-11-25', '2026-11-25', 'daily'],
      ['2026-11-26', '2026-11-26', 'daily'],
      ['2026-11-27', '2026-11-27', 'daily'],
    ]);
    expect(iso(windows[0]!.dueAt)).toBe('2026-11-25T09:00:00.000Z');
    // The same days with no change: one window, same first day (the key a filed report keeps).
    const before = reportingWindows(segments([], '2026-11-23', '2026-11-27'), times('UTC'));
    expect(before[0]!.start).toBe(windows[0]!.start);
  });

  it('lets a rep override win over the nearest team, and a team over the org', () => {
    const settings: CadenceSetting[] = [
      org('monthly'),
      { level: 'team', subjectId: 'region', cadence: 'weekly', effectiveFrom: '2020-01-01', effectiveTo: null },
      { level: 'team', subjectId: 'team', cadence: 'twice_weekly', effectiveFrom: '2026-11-25', effectiveTo: null },
      { level: 'rep', subjectId: 'rep', cadence: 'daily', effectiveFrom: '2026-11-27', effectiveTo: '2026-11-28' },
      { level: 'rep', subjectId: 'other', cadence: 'daily', effectiveFrom: '2020-01-01', effectiveTo: null },
    ];
    expect(segments(settings, '2026-11-23', '2026-11-29')).toEqual([
      { cadence: 'weekly', start: '2026-11-23', end: '2026-11-24' },
      { cadence: 'twice_weekly', start: '2026-11-25', end: '2026-11-26' },
      { cadence: 'daily', start: '2026-11-27', end: '2026-11-27' },
      { cadence: 'twice_weekly', start: '2026-11-28', end: '2026-11-29' },
    ]);
  });
});

describe('report status, discrepancies and cadence advice', () => {
  const due = new Date('2026-11-30T14:00:00Z');
  it('marks reports on time, late (for good) and overdue', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(reportStatus({ dueAt: due, submittedAt: new Date('2026-11-30T13:59:00Z'), now })).toBe('submitted');
    expect(reportStatus({ dueAt: due, submittedAt: new Date('2026-11-30T14:01:00Z'), now })).toBe('late');
    expect(reportStatus({ dueAt: due, submittedAt: null, now })).toBe('overdue');
    expect(reportStatus({ dueAt: due, submittedAt: null, now: new Date('2026-11-30T13:00:00Z') })).toBe('open');
    expect(tallyReports(['submitted', 'late', 'overdue', 'open'])).toEqual({ due: 3, onTime: 1, late: 1, missing: 1 });
  });

  it('flags a report the CRM contradicts beyond the tolerance, and says both numbers', () => {
    const metric = { name: 'First meetings held', unit: 'count' as const };
    const check = (reported: number, measured: number | null) =>
      findDiscrepancy({ reported, measured, metric, tolerancePercent: 10, currency: 'USD' });
    expect(check(5, 3)?.sentence).toBe('reported 5 first meetings held, CRM shows 3');
    expect(check(3, 3)).toBeNull();
    expect(check(20, 19)).toBeNull(); // 5% apart: a meeting logged a day late
    expect(check(5, null)).toBeNull();
    const share = { name: 'Phone share of prospecting', unit: 'percent' as const };
    expect(
      findDiscrepancy({ reported: 70, measured: 55, metric: share, tolerancePercent: 10, currency: 'USD' })?.sentence,
    ).toBe('phone share of prospecting: reported 70%, CRM shows 55%');
    expect(
      findDiscrepancy({ reported: 60, measured: 55, metric: share, tolerancePercent: 10, currency: 'USD' }),
    ).toBeNull();
  });

  it('suggests a shorter cadence after N weeks off track and the usual one after M on track', () => {
    const rules = { shortenAfter: 2, relaxAfter: 3 };
    expect(
      adviseCadence({ current: 'weekly', usual: 'weekly', offTrackStreak: 2, onTrackStreak: 0, rules }),
    ).toMatchObject({
      action: 'shorten',
      to: 'twice_weekly',
    });
    expect(
      adviseCadence({ current: 'weekly', usual: 'weekly', offTrackStreak: 1, onTrackStreak: 0, rules }),
    ).toBeNull();
    expect(adviseCadence({ current: 'daily', usual: 'weekly', offTrackStreak: 5, onTrackStreak: 0, rules })).toBeNull();
    expect(
      adviseCadence({ current: 'daily', usual: 'weekly', offTrackStreak: 0, onTrackStreak: 3, rules }),
    ).toMatchObject({
      action: 'relax',
      to: 'weekly',
    });
    expect(
      adviseCadence({ current: 'weekly', usual: 'weekly', offTrackStreak: 0, onTrackStreak: 9, rules }),
    ).toBeNull();
  });
});
