import { withDescendants, type TeamNode } from './team-tree';

/**
 * Whether putting `teamId` under `newParentId` would close a loop: a team may not sit below
 * itself or below any of its own sub-teams.
 */
export function wouldCreateCycle(params: {
  teamId: string;
  newParentId: string | null;
  teams: readonly TeamNode[];
}): boolean {
  if (params.newParentId === null) return false;
  return withDescendants([params.teamId], params.teams).has(params.newParentId);
}
