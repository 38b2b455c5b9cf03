import { describe, expect, it } from 'vitest';
import {
  activePreset,
  currentPeriodKey,
  isFuturePeriod,
  periodKindOf,
  periodLabel,
  periodShortLabel,
  shiftPeriodKey,
  todayIn,
} from './period-nav';

describe('period navigation', () => {
  it('finds the current week, month and quarter for a date', () => {
    expect(currentPeriodKey('week', '2026-11-27')).toBe('2026-W48');
    expect(currentPeriodKey('month', '2026-11-27')).toBe('2026-11');
    expect(currentPeriodKey('quarter', '2026-11-27')).toBe('2026-Q4');
  });

  it('puts the first days of January in the last ISO week of the year before when the week began then', () => {
    // Jan 1, 2027 is a Friday: its week belongs to 2026, which has 53 ISO weeks.
    expect(currentPeriodKey('week', '2027-01-01')).toBe('2026-W53');
    expect(currentPeriodKey('week', '2027-01-04')).toBe('2027-W01');
  });

  it('steps weeks across year ends, including ISO week 53', () => {
    expect(shiftPeriodKey('2026-W52', 1)).toBe('2026-W53');
    expect(shiftPeriodKey('2026-W53', 1)).toBe('2027-W01');
    expect(shiftPeriodKey('2027-W01', -1)).toBe('2026-W53');
    // 2025 has 52 weeks: its last week is followed by 2026's first.
    expect(shiftPeriodKey('2025-W52', 1)).toBe('2026-W01');
    expect(shiftPeriodKey('2026-W01', -1)).toBe('2025-W52');
    expect(shiftPeriodKey('2026-W05', -4)).toBe('2026-W01');
  });

  it('steps months and quarters across year ends', () => {
    expect(shiftPeriodKey('2026-12', 1)).toBe('2027-01');
    expect(shiftPeriodKey('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriodKey('2026-03', 12)).toBe('2027-03');
    expect(shiftPeriodKey('2026-Q4', 1)).toBe('2027-Q1');
    expect(shiftPeriodKey('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftPeriodKey('2026-Q2', -5)).toBe('2025-Q1');
  });

  it('shifts a custom period by its own length and refuses what is not a period', () => {
    expect(shiftPeriodKey('2026-01-05..2026-01-18', 1)).toBe('2026-01-19..2026-02-01');
    expect(shiftPeriodKey('2026-W54', 1)).toBeNull();
    expect(shiftPeriodKey('2026-13', 1)).toBeNull();
    expect(shiftPeriodKey('last week', 1)).toBeNull();
  });

  it('presses a preset only while its current period is shown', () => {
    expect(activePreset('2026-Q4', '2026-11-27')).toBe('quarter');
    expect(activePreset('2026-11', '2026-11-27')).toBe('month');
    expect(activePreset('2026-W48', '2026-11-27')).toBe('week');
    expect(activePreset('2026-10', '2026-11-27')).toBeNull();
    expect(activePreset('2026-01-05..2026-02-13', '2026-11-27')).toBeNull();
  });

  it('knows a period that has not started yet', () => {
    expect(isFuturePeriod('2026-12', '2026-11-27')).toBe(true);
    expect(isFuturePeriod('2026-11', '2026-11-27')).toBe(false);
    expect(isFuturePeriod('2026-W49', '2026-11-27')).toBe(true);
  });

  it('labels each kind of period for a heading and for an axis', () => {
    expect(periodLabel({ key: '2026-W05', start: '2026-01-26', end: '2026-02-01' })).toBe(
      'Week 5, 2026 · Jan 26 – Feb 1, 2026',
    );
    expect(periodLabel({ key: '2026-W53', start: '2026-12-28', end: '2027-01-03' })).toBe(
      'Week 53, 2026 · Dec 28, 2026 – Jan 3, 2027',
    );
    expect(periodLabel({ key: '2026-01', start: '2026-01-01', end: '2026-01-31' })).toBe('January 2026');
    expect(periodLabel({ key: '2026-Q1', start: '2026-01-01', end: '2026-03-31' })).toBe('Q1 2026 · Jan – Mar');
    expect(periodLabel({ key: '2026-01-05..2026-02-13', start: '2026-01-05', end: '2026-02-13' })).toBe(
      'Jan 5 – Feb 13, 2026',
    );
    expect(periodShortLabel({ key: '2026-W05', start: '2026-01-26', end: '2026-02-01' })).toBe('W05');
    expect(periodShortLabel({ key: '2026-01', start: '2026-01-01', end: '2026-01-31' })).toBe('Jan 2026');
    expect(periodShortLabel({ key: '2026-Q1', start: '2026-01-01', end: '2026-03-31' })).toBe('Q1 2026');
  });

  it('reads the kind of a key, and takes today in the organization’s time zone', () => {
    expect(periodKindOf('2026-Q3')).toBe('quarter');
    expect(periodKindOf('2026-07')).toBe('month');
    expect(periodKindOf('2026-W07')).toBe('week');
    expect(periodKindOf(null)).toBe('week');
    // 03:00 UTC on Nov 28 is still Nov 27 in New York.
    expect(todayIn('America/New_York', new Date('2026-11-28T03:00:00Z'))).toBe('2026-11-27');
    expect(todayIn('Not/AZone', new Date('2026-11-28T03:00:00Z'))).toBe('2026-11-28');
  });
});
