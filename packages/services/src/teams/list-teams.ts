import { teamsInLeaderScope, type Viewer } from '@rightly/core';
import { loadOrgStructure } from '@rightly/db';
import type { ServiceDeps } from '../deps';

export interface TeamListItem {
  id: string;
  name: string;
  parentId: string | null;
  leader: { id: string; name: string } | null;
}

/** Teams the viewer may pick: all for an admin, the led tree for a leader, their own team for a rep. */
export async function listTeams(deps: ServiceDeps, input: { viewer: Viewer }): Promise<TeamListItem[]> {
  const structure = await loadOrgStructure(deps.db, { orgId: input.viewer.orgId });
  const names = new Map(structure.users.map((u) => [u.id, u.name]));
  const own = structure.memberships.find((m) => m.userId === input.viewer.userId)?.teamId;
  const allowed =
    input.viewer.role === 'admin'
      ? null
      : input.viewer.role === 'leader'
        ? teamsInLeaderScope(input.viewer.userId, structure.teams)
        : new Set(own ? [own] : []);
  return structure.teams
    .filter((t) => allowed === null || allowed.has(t.id))
    .map((t) => ({
      id: t.id,
      name: t.name,
      parentId: t.parentId,
      leader: t.leaderId ? { id: t.leaderId, name: names.get(t.leaderId) ?? '' } : null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
