/** The slice of a team that decides who may see whom. */
export interface TeamNode {
  id: string;
  parentId: string | null;
  leaderId: string | null;
}

/** A user's current team (history lives in storage; only the open membership matters here). */
export interface CurrentMembership {
  userId: string;
  teamId: string;
}

/** Ids of `rootIds` and every team below them, however deep the nesting goes. */
export function withDescendants(rootIds: Iterable<string>, teams: readonly TeamNode[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const team of teams) {
    if (team.parentId === null) continue;
    const siblings = children.get(team.parentId) ?? [];
    siblings.push(team.id);
    children.set(team.parentId, siblings);
  }
  const result = new Set<string>();
  const queue = [...rootIds];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    // A cycle in bad data must not loop forever.
    if (result.has(id)) continue;
    result.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  return result;
}

/** Teams a leader leads directly or through a team above. */
export function teamsInLeaderScope(leaderId: string, teams: readonly TeamNode[]): Set<string> {
  const led = teams.filter((t) => t.leaderId === leaderId).map((t) => t.id);
  return withDescendants(led, teams);
}
