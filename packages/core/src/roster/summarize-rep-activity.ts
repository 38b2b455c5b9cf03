import { addDays, weekStart, type IsoDate, type WeekStartsOn } from '../time/calendar';

/** One rep's counts on one local day, as the per-day rollup stores them. */
export interface RepDayCounts {
  day: IsoDate;
  activities: number;
  meetingsHeld: number;
}

export interface WeeklyCounts {
  weekStart: IsoDate;
  activities: number;
  meetingsHeld: number;
}

export interface RepActivitySummary {
  /** Activities in the last 28 days, today included. */
  activitiesLast4Weeks: number;
  meetingsHeldLast4Weeks: number;
  /** One entry per requested week, oldest first; weeks without data are zeros, not gaps. */
  weekly: WeeklyCounts[];
}

export interface SummarizeRepActivityInput {
  days: readonly RepDayCounts[];
  today: IsoDate;
  weekStarts: readonly IsoDate[];
  weekStartsOn: WeekStartsOn;
}

export function summarizeRepActivity(input: SummarizeRepActivityInput): RepActivitySummary {
  const windowStart = addDays(input.today, -27);
  const weekly = new Map<IsoDate, WeeklyCounts>(
    input.weekStarts.map((start) => [start, { weekStart: start, activities: 0, meetingsHeld: 0 }]),
  );
  let activitiesLast4Weeks = 0;
  let meetingsHeldLast4Weeks = 0;
  for (const d of input.days) {
    // ISO dates compare correctly as strings.
    if (d.day > input.today) continue;
    if (d.day >= windowStart) {
      activitiesLast4Weeks += d.activities;
      meetingsHeldLast4Weeks += d.meetingsHeld;
    }
    const bucket = weekly.get(weekStart(d.day, input.weekStartsOn));
    if (bucket) {
      bucket.activities += d.activities;
      bucket.meetingsHeld += d.meetingsHeld;
    }
  }
  return { activitiesLast4Weeks, meetingsHeldLast4Weeks, weekly: [...weekly.values()] };
}
