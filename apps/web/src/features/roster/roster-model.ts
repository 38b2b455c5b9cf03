import type { RosterEntryResponse } from '@rightly/core';
import { daysBetween, formatShortDate } from '../../lib/format/format';

export type RosterEntry = RosterEntryResponse;

export interface TeamGroup {
  /** Stable React key: the team id, or `no-team`. */
  key: string;
  /** Null for reps without a current team. */
  teamName: string | null;
  /** Distinct leader names of the group's reps (normally exactly one). */
  leaderNames: string[];
  reps: RosterEntry[];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function compareRepsByName(a: RosterEntry, b: RosterEntry): number {
  return collator.compare(a.rep.name, b.rep.name) || a.rep.id.localeCompare(b.rep.id);
}

/**
 * The roster as a leader reads it: one group per team in alphabetical order, reps by name inside,
 * and reps without a team last so they stand out rather than vanish.
 */
export function groupRosterByTeam(entries: readonly RosterEntry[]): TeamGroup[] {
  const groups = new Map<string, TeamGroup>();
  for (const entry of entries) {
    const key = entry.team?.id ?? 'no-team';
    let group = groups.get(key);
    if (!group) {
      group = { key, teamName: entry.team?.name ?? null, leaderNames: [], reps: [] };
      groups.set(key, group);
    }
    group.reps.push(entry);
    if (entry.leader && !group.leaderNames.includes(entry.leader.name)) group.leaderNames.push(entry.leader.name);
  }
  for (const group of groups.values()) group.reps.sort(compareRepsByName);
  return [...groups.values()].sort((a, b) => {
    if (a.teamName === null) return b.teamName === null ? 0 : 1;
    if (b.teamName === null) return -1;
    return collator.compare(a.teamName, b.teamName) || a.key.localeCompare(b.key);
  });
}

/** Lower case without accents, so "amelie" finds "Amélie". */
function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Reps whose name or team name contains every word of the query, sorted by name. */
export function filterReps(entries: readonly RosterEntry[], query: string): RosterEntry[] {
  const words = normalizeForSearch(query).split(/\s+/).filter(Boolean);
  const matching = entries.filter((entry) => {
    const haystack = normalizeForSearch(`${entry.rep.name} ${entry.team?.name ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
  return matching.sort(compareRepsByName);
}

export interface WeeklyPoint {
  weekStart: string;
  /** Axis label, e.g. `Nov 23`, with ` (so far)` for the week still in progress. */
  label: string;
  activities: number;
  meetingsHeld: number;
}

/**
 * The current week is usually incomplete on the as-of date; labelling it keeps a leader from
 * reading a half-week dip as a slump.
 */
export function weeklyPoints(entry: RosterEntry, asOf: string): WeeklyPoint[] {
  return entry.weekly.map((week) => ({
    weekStart: week.weekStart,
    label: isWeekInProgress(week.weekStart, asOf)
      ? `${formatShortDate(week.weekStart)} (so far)`
      : formatShortDate(week.weekStart),
    activities: week.activities,
    meetingsHeld: week.meetingsHeld,
  }));
}

/** A week that started less than 7 days before the as-of date (inclusive) is not over yet. */
export function isWeekInProgress(weekStart: string, asOf: string): boolean {
  const days = daysBetween(weekStart, asOf);
  return days >= 0 && days < 6;
}

export function countTeams(entries: readonly RosterEntry[]): number {
  return new Set(entries.map((entry) => entry.team?.id).filter((id) => id !== undefined)).size;
}

/**
 * The weeks a trend line should use: the week still in progress is left out, since its partial
 * count would make every rep's line end in a dip.
 */
export function completedWeeks(entry: RosterEntry, asOf: string): RosterEntry['weekly'] {
  return entry.weekly.filter((week) => !isWeekInProgress(week.weekStart, asOf));
}
