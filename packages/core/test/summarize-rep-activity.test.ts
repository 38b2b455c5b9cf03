import { describe, expect, it } from 'vitest';
import { recentWeekStarts, summarizeRepActivity } from '../src/index';

describe('a rep’s recent activity', () => {
  const today = '2026-11-27';
  const weekStarts = recentWeekStarts({ today, count: 4, weekStartsOn: 1 });

  it('counts the last 28 days, today included, and nothing older', () => {
    const summary = summarizeRepActivity({
      today,
      weekStarts,
      weekStartsOn: 1,
      days: [
        { day: '2026-10-30', activities: 100, meetingsHeld: 100 }, // 28 days back: outside
        { day: '2026-10-31', activities: 3, meetingsHeld: 1 }, // 27 days back: inside
        { day: '2026-11-27', activities: 5, meetingsHeld: 2 },
        { day: '2026-11-28', activities: 50, meetingsHeld: 50 }, // tomorrow: ignored
      ],
    });
    expect(summary.activitiesLast4Weeks).toBe(8);
    expect(summary.meetingsHeldLast4Weeks).toBe(3);
  });

  it('buckets days into the requested weeks and fills quiet weeks with zeros', () => {
    const summary = summarizeRepActivity({
      today,
      weekStarts,
      weekStartsOn: 1,
      days: [
        { day: '2026-11-02', activities: 4, meetingsHeld: 1 },
        { day: '2026-11-08', activities: 6, meetingsHeld: 0 }, // Sunday: same Monday week
        { day: '2026-11-24', activities: 7, meetingsHeld: 2 },
      ],
    });
    expect(summary.weekly).toEqual([
      { weekStart: '2026-11-02', activities: 10, meetingsHeld: 1 },
      { weekStart: '2026-11-09', activities: 0, meetingsHeld: 0 },
      { weekStart: '2026-11-16', activities: 0, meetingsHeld: 0 },
      { weekStart: '2026-11-23', activities: 7, meetingsHeld: 2 },
    ]);
  });
});
