import { withDescendants, type CurrentMembership, type TeamNode } from '../access/team-tree';
import type { UserRole } from '../domain/roles';
import type { ExpectationScope } from './expectation';

export interface ScopeUsers {
  teams: readonly TeamNode[];
  memberships: readonly CurrentMembership[];
  users: readonly { id: string; role: UserRole; active: boolean }[];
}

/** The active users an expectation's scope covers today. */
export function usersInScope(scope: ExpectationScope, org: ScopeUsers): Set<string> {
  const active = org.users.filter((u) => u.active);
  if (scope.kind === 'rep') return new Set(active.filter((u) => u.id === scope.repId).map((u) => u.id));
  if (scope.kind === 'role') return new Set(active.filter((u) => u.role === scope.role).map((u) => u.id));
  const teams = withDescendants([scope.teamId], org.teams);
  const members = new Set(org.memberships.filter((m) => teams.has(m.teamId)).map((m) => m.userId));
  return new Set(active.filter((u) => members.has(u.id)).map((u) => u.id));
}
