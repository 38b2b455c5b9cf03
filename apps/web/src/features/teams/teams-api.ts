import { teamsResponseSchema, type TeamsResponse } from '@rightly/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client';

export type TeamItem = TeamsResponse['teams'][number];

export function fetchTeams(signal?: AbortSignal): Promise<TeamsResponse> {
  return api.request('/api/v1/teams', teamsResponseSchema, signal ? { signal } : {});
}

/** Teams the signed-in user may pick: every team for an admin, the led tree for a leader. */
export function useTeams() {
  return useQuery({ queryKey: ['teams'], queryFn: ({ signal }) => fetchTeams(signal), staleTime: 5 * 60_000 });
}

export interface TeamOption {
  value: string;
  label: string;
  depth: number;
}

/**
 * Teams in tree order (each parent before its sub-teams, siblings by name) with their depth, so a
 * picker can indent "NA Enterprise" under "North America". A team whose parent is not visible
 * starts a tree of its own.
 */
export function teamOptions(teams: readonly TeamItem[]): TeamOption[] {
  const ids = new Set(teams.map((team) => team.id));
  const children = new Map<string | null, TeamItem[]>();
  for (const team of teams) {
    const parent = team.parentId !== null && ids.has(team.parentId) ? team.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), team]);
  }
  const result: TeamOption[] = [];
  const visit = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const team of list) {
      result.push({ value: team.id, label: team.name, depth });
      visit(team.id, depth + 1);
    }
  };
  visit(null, 0);
  return result;
}
