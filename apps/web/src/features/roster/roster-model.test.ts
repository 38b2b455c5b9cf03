import { describe, expect, it } from 'vitest';
import { rosterEntry, testUuid } from '../../test/fixtures';
import {
  completedWeeks,
  countTeams,
  filterReps,
  groupRosterByTeam,
  isWeekInProgress,
  weeklyPoints,
} from './roster-model';

const emeaEnterprise = { id: testUuid(), name: 'EMEA Enterprise' };
const naMidMarket = { id: testUuid(), name: 'NA Mid-Market' };
const naEnterprise = { id: testUuid(), name: 'NA Enterprise' };

describe('groupRosterByTeam', () => {
  const entries = [
    rosterEntry({ name: 'Riley Carter', team: naMidMarket, leader: 'Marcus Cole' }),
    rosterEntry({ name: 'Drifter Nobody', team: null }),
    rosterEntry({ name: 'Sam Patel', team: emeaEnterprise, leader: 'Sofia Rossi' }),
    rosterEntry({ name: 'Avery Chen', team: naEnterprise, leader: 'Priya Shah' }),
    rosterEntry({ name: 'Amelie Dubois', team: emeaEnterprise, leader: 'Sofia Rossi' }),
    rosterEntry({ name: 'Drew Kim', team: naMidMarket, leader: 'Marcus Cole' }),
  ];

  it('orders teams alphabetically, reps by name inside, and reps without a team last', () => {
    const groups = groupRosterByTeam(entries);
    expect(groups.map((group) => group.teamName)).toEqual(['EMEA Enterprise', 'NA Enterprise', 'NA Mid-Market', null]);
    expect(groups.map((group) => group.reps.map((entry) => entry.rep.name))).toEqual([
      ['Amelie Dubois', 'Sam Patel'],
      ['Avery Chen'],
      ['Drew Kim', 'Riley Carter'],
      ['Drifter Nobody'],
    ]);
  });

  it('names each leader once per team and keeps every rep', () => {
    const groups = groupRosterByTeam(entries);
    expect(groups[0]?.leaderNames).toEqual(['Sofia Rossi']);
    expect(groups.at(-1)?.leaderNames).toEqual([]);
    expect(groups.flatMap((group) => group.reps)).toHaveLength(entries.length);
  });

  it('keeps two teams with the same name apart (grouped by id, not name)', () => {
    const otherTeamSameName = { id: testUuid(), name: 'EMEA Enterprise' };
    const groups = groupRosterByTeam([
      rosterEntry({ name: 'A', team: emeaEnterprise }),
      rosterEntry({ name: 'B', team: otherTeamSameName }),
    ]);
    expect(groups).toHaveLength(2);
  });

  it('does not reorder the array it was given', () => {
    const before = entries.map((entry) => entry.rep.name);
    groupRosterByTeam(entries);
    expect(entries.map((entry) => entry.rep.name)).toEqual(before);
  });

  it('counts distinct teams, not reps', () => {
    expect(countTeams(entries)).toBe(3);
  });
});

describe('filterReps', () => {
  const entries = [
    rosterEntry({ name: 'Amélie Dubois', team: emeaEnterprise }),
    rosterEntry({ name: 'Riley Carter', team: naMidMarket }),
    rosterEntry({ name: 'Avery Chen', team: naEnterprise }),
  ];
  const names = (query: string) => filterReps(entries, query).map((entry) => entry.rep.name);

  it('matches rep names without regard to case or accents', () => {
    expect(names('amelie')).toEqual(['Amélie Dubois']);
    expect(names('RILEY')).toEqual(['Riley Carter']);
  });

  it('matches team names, and needs every word to match', () => {
    expect(names('na')).toEqual(['Avery Chen', 'Riley Carter']);
    expect(names('na enterprise')).toEqual(['Avery Chen']);
    expect(names('riley enterprise')).toEqual([]);
  });

  it('returns everyone, sorted by name, for an empty or blank query', () => {
    expect(names('   ')).toEqual(['Amélie Dubois', 'Avery Chen', 'Riley Carter']);
  });
});

describe('weeks in progress', () => {
  it('treats a week as in progress until its seventh day is the as-of date', () => {
    expect(isWeekInProgress('2026-11-23', '2026-11-23')).toBe(true);
    expect(isWeekInProgress('2026-11-23', '2026-11-28')).toBe(true);
    expect(isWeekInProgress('2026-11-23', '2026-11-29')).toBe(false);
    expect(isWeekInProgress('2026-11-16', '2026-11-27')).toBe(false);
  });

  it('labels the running week "so far" in chart points and leaves it out of the trend line', () => {
    const entry = rosterEntry({ name: 'Riley Carter', activities: [10, 12, 14, 5] });
    const points = weeklyPoints(entry, '2026-11-27');
    expect(points.map((point) => point.label)).toEqual(['Nov 2', 'Nov 9', 'Nov 16', 'Nov 23 (so far)']);
    expect(completedWeeks(entry, '2026-11-27').map((week) => week.activities)).toEqual([10, 12, 14]);
    expect(completedWeeks(entry, '2026-11-29').map((week) => week.activities)).toEqual([10, 12, 14, 5]);
  });
});
