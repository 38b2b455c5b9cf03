import { addDays, isWorkingDay, localDateTime, weekStart, type IsoDate } from '../time/calendar';
import type { CadenceSetting, ReportingCadence } from './cadence';

/** A stretch of days under one cadence. */
export interface CadenceSegment {
  cadence: ReportingCadence;
  start: IsoDate;
  end: IsoDate;
}

/**
 * One self-report's window: the days it covers and when it is due. Its key is its first day,
 * which never moves once the window has begun (cadence changes take effect from a later day), so
 * a report filed for it is never orphaned or duplicated.
 */
export interface ReportingWindow {
  start: IsoDate;
  end: IsoDate;
  cadence: ReportingCadence;
  /** The next working morning after the window, at the org's due time. */
  dueAt: Date;
  /** The afternoon of the window's last working day, at the org's reminder time. */
  remindAt: Date;
}

export interface RepCadenceInput {
  settings: readonly CadenceSetting[];
  repId: string;
  /** The rep's team first, then the teams above it. */
  teamChain: readonly string[];
  range: { start: IsoDate; end: IsoDate };
  /** Used when nothing is set at any level. */
  fallback: ReportingCadence;
}

/** The cadence a setting level gives on a day, or undefined when that level says nothing. */
function settingOn(settings: readonly CadenceSetting[], day: IsoDate): ReportingCadence | undefined {
  return settings.find((s) => s.effectiveFrom <= day && (s.effectiveTo === null || day < s.effectiveTo))?.cadence;
}

/**
 * The rep's cadence day by day, as runs: a rep override wins over the nearest team's, which wins
 * over the org default.
 */
export function cadenceSegments(input: RepCadenceInput): CadenceSegment[] {
  const rep = input.settings.filter((s) => s.level === 'rep' && s.subjectId === input.repId);
  const teams = input.teamChain.map((teamId) =>
    input.settings.filter((s) => s.level === 'team' && s.subjectId === teamId),
  );
  const org = input.settings.filter((s) => s.level === 'org');
  const segments: CadenceSegment[] = [];
  for (let day = input.range.start; day <= input.range.end; day = addDays(day, 1)) {
    let cadence = settingOn(rep, day);
    for (const team of teams) cadence ??= settingOn(team, day);
    cadence ??= settingOn(org, day) ?? input.fallback;
    const last = segments.at(-1);
    if (last && last.cadence === cadence && addDays(last.end, 1) === day) last.end = day;
    else segments.push({ cadence, start: day, end: day });
  }
  return segments;
}

/** The calendar-aligned window of a cadence that holds a day. */
function alignedWindow(cadence: ReportingCadence, day: IsoDate): { start: IsoDate; end: IsoDate } {
  switch (cadence) {
    case 'daily':
      return { start: day, end: day };
    case 'twice_weekly': {
      // Monday–Wednesday and Thursday–Sunday: two check-ins a week, the second before the weekend.
      const monday = weekStart(day, 1);
      const thursday = addDays(monday, 3);
      return day < thursday ? { start: monday, end: addDays(monday, 2) } : { start: thursday, end: addDays(monday, 6) };
    }
    case 'weekly': {
      const monday = weekStart(day, 1);
      return { start: monday, end: addDays(monday, 6) };
    }
    case 'monthly': {
      const start = `${day.slice(0, 7)}-01`;
      const next = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 1)).toISOString().slice(0, 10);
      return { start, end: addDays(next, -1) };
    }
  }
}

function nextWorkingDay(day: IsoDate): IsoDate {
  let d = addDays(day, 1);
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The last working day of a window, or its last day when it holds none (a clipped weekend). */
function lastWorkingDay(start: IsoDate, end: IsoDate): IsoDate {
  for (let d = end; d >= start; d = addDays(d, -1)) if (isWorkingDay(d)) return d;
  return end;
}

export interface WindowTimes {
  timeZone: string;
  /** `HH:MM` on the org's wall clock. */
  dueTime: string;
  reminderTime: string;
}

/**
 * The reporting windows of a run of cadences, in order. A window cut by a cadence change ends
 * (and falls due) early; daily reporting skips weekends.
 */
export function reportingWindows(segments: readonly CadenceSegment[], times: WindowTimes): ReportingWindow[] {
  const windows: ReportingWindow[] = [];
  for (const segment of segments) {
    for (let day = segment.start; day <= segment.end;) {
      const aligned = alignedWindow(segment.cadence, day);
      const start = aligned.start < segment.start ? segment.start : aligned.start;
      const end = aligned.end > segment.end ? segment.end : aligned.end;
      day = addDays(aligned.end, 1);
      if (segment.cadence === 'daily' && !isWorkingDay(start)) continue;
      const dueAt = localDateTime(nextWorkingDay(end), times.dueTime, times.timeZone);
      let remindAt = localDateTime(lastWorkingDay(start, end), times.reminderTime, times.timeZone);
      if (remindAt >= dueAt) remindAt = new Date(dueAt.getTime() - 3_600_000);
      windows.push({ start, end, cadence: segment.cadence, dueAt, remindAt });
    }
  }
  return windows;
}
