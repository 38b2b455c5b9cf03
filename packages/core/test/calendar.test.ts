import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  isIsoDate,
  isKnownTimeZone,
  localDate,
  recentWeekStarts,
  startOfLocalDay,
  weekStart,
} from '../src/index';

describe('calendar dates in the org time zone', () => {
  it('puts an evening call in New York on that day, not on the UTC day after', () => {
    expect(localDate(new Date('2026-01-15T23:30:00Z'), 'America/New_York')).toBe('2026-01-15');
    expect(localDate(new Date('2026-01-16T04:59:00Z'), 'America/New_York')).toBe('2026-01-15');
    expect(localDate(new Date('2026-01-16T05:00:00Z'), 'America/New_York')).toBe('2026-01-16');
  });

  it('starts days correctly on both sides of the daylight-saving changes', () => {
    // 2026-03-08: New York springs forward, so that day starts at UTC-5 and the next at UTC-4.
    expect(startOfLocalDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfLocalDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfLocalDay('2026-10-25', 'Europe/Berlin').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfLocalDay('2026-10-26', 'Europe/Berlin').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('does calendar arithmetic without drifting across DST or month ends', () => {
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-27', -18)).toBe('2025-05-27');
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
  });

  it('finds week starts for Monday and Sunday weeks', () => {
    expect(weekStart('2026-11-27', 1)).toBe('2026-11-23');
    expect(weekStart('2026-11-23', 1)).toBe('2026-11-23');
    expect(weekStart('2026-11-27', 0)).toBe('2026-11-22');
    expect(recentWeekStarts({ today: '2026-11-27', count: 3, weekStartsOn: 1 })).toEqual([
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
    ]);
  });

  it('rejects strings that are not real dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(() => addDays('31/01/2026', 1)).toThrow(/Not an ISO date/);
  });

  it('knows real time zones and refuses made-up ones', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
