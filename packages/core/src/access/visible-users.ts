import type { Viewer } from '../domain/viewer';
import { teamsInLeaderScope, type CurrentMembership, type TeamNode } from './team-tree';

export interface VisibleUsersInput {
  viewer: Viewer;
  teams: readonly TeamNode[];
  memberships: readonly CurrentMembership[];
}

/**
 * Whose performance data the viewer may see: an admin everyone in the org, a leader the members
 * of the teams they lead (sub-teams included) and themselves, a rep only themselves.
 * `'all'` spares the caller from listing every user of a large org.
 */
export function visibleUserIds({ viewer, teams, memberships }: VisibleUsersInput): 'all' | Set<string> {
  if (viewer.role === 'admin') return 'all';
  const visible = new Set<string>([viewer.userId]);
  if (viewer.role === 'leader') {
    const scope = teamsInLeaderScope(viewer.userId, teams);
    for (const m of memberships) if (scope.has(m.teamId)) visible.add(m.userId);
  }
  return visible;
}
