import type { ManagedUser } from '@rightly/core';
import type { OrgStructure, OrgUserRow } from '@rightly/db';

/** The API shape of a user for the admin's users list: role, team, teams led and status. */
export function managedUserView(user: OrgUserRow, structure: OrgStructure): ManagedUser {
  const teamId = structure.memberships.find((m) => m.userId === user.id)?.teamId;
  const team = structure.teams.find((t) => t.id === teamId);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    active: user.active,
    hasPassword: user.hasPassword,
    createdAt: user.createdAt.toISOString(),
    deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
    team: team ? { id: team.id, name: team.name } : null,
    leads: structure.teams
      .filter((t) => t.leaderId === user.id)
      .map((t) => ({ id: t.id, name: t.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
