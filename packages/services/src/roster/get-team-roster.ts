import {
  AppError,
  addDays,
  localDate,
  recentWeekStarts,
  summarizeRepActivity,
  visibleUserIds,
  type IsoDate,
  type RepActivitySummary,
  type Viewer,
  type WeekStartsOn,
} from '@rightly/core';
import { findOrganization, loadOrgStructure, loadRepDays, type RepDayRow } from '@rightly/db';
import type { ServiceDeps } from '../deps';

export interface RosterEntry extends RepActivitySummary {
  rep: { id: string; name: string; email: string };
  team: { id: string; name: string } | null;
  leader: { id: string; name: string } | null;
}

export interface TeamRoster {
  /** "Today" in the org's time zone; the 4-week window ends with it. */
  asOf: IsoDate;
  weekStarts: IsoDate[];
  reps: RosterEntry[];
}

export interface GetTeamRosterInput {
  viewer: Viewer;
  /** Weeks of history for the sparkline, the current week included. */
  weeks: number;
}

/**
 * The reps the viewer may see, each with team, leader, activity and held meetings over the last
 * 4 weeks and a weekly series. Counts come from the per-day rollups, never from raw activities.
 */
export async function getTeamRoster(deps: ServiceDeps, input: GetTeamRosterInput): Promise<TeamRoster> {
  const { orgId } = input.viewer;
  const [org, structure] = await Promise.all([
    findOrganization(deps.db, { orgId }),
    loadOrgStructure(deps.db, { orgId }),
  ]);
  if (!org) throw new AppError({ code: 'not_found', message: 'Your organization no longer exists.' });

  const visible = visibleUserIds({ viewer: input.viewer, teams: structure.teams, memberships: structure.memberships });
  const reps = structure.users.filter((u) => u.role === 'rep' && u.active && (visible === 'all' || visible.has(u.id)));
  const weekStartsOn = org.weekStartsOn as WeekStartsOn;
  const today = localDate(deps.now(), org.timeZone);
  const weekStarts = recentWeekStarts({ today, count: input.weeks, weekStartsOn });
  const from = [weekStarts[0] ?? today, addDays(today, -27)].sort()[0] as IsoDate;
  const days = await loadRepDays(deps.db, {
    orgId,
    repIds: visible === 'all' ? 'all' : reps.map((r) => r.id),
    from,
    to: today,
  });

  const daysByRep = new Map<string, RepDayRow[]>();
  for (const d of days) {
    const list = daysByRep.get(d.repId) ?? [];
    list.push(d);
    daysByRep.set(d.repId, list);
  }
  const teamById = new Map(structure.teams.map((t) => [t.id, t]));
  const userById = new Map(structure.users.map((u) => [u.id, u]));
  const teamOf = new Map(structure.memberships.map((m) => [m.userId, m.teamId]));

  const entries = reps.map((rep): RosterEntry => {
    const team = teamById.get(teamOf.get(rep.id) ?? '');
    const leader = team?.leaderId ? userById.get(team.leaderId) : undefined;
    return {
      rep: { id: rep.id, name: rep.name, email: rep.email },
      team: team ? { id: team.id, name: team.name } : null,
      leader: leader ? { id: leader.id, name: leader.name } : null,
      ...summarizeRepActivity({ days: daysByRep.get(rep.id) ?? [], today, weekStarts, weekStartsOn }),
    };
  });
  entries.sort(
    (a, b) => (a.team?.name ?? '').localeCompare(b.team?.name ?? '') || a.rep.name.localeCompare(b.rep.name),
  );
  return { asOf: today, weekStarts, reps: entries };
}
