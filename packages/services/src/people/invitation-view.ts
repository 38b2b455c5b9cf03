import type { Invitation } from '@rightly/core';
import type { OrgStructure, StoredInvitation } from '@rightly/db';

/** The API shape of a stored invitation; `expired` is judged against `now`. */
export function invitationView(row: StoredInvitation, structure: OrgStructure, now: Date): Invitation {
  const team = structure.teams.find((t) => t.id === row.teamId);
  const inviter = structure.users.find((u) => u.id === row.invitedBy);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    team: team ? { id: team.id, name: team.name } : null,
    invitedBy: inviter ? { id: inviter.id, name: inviter.name } : null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    status: row.acceptedAt
      ? 'accepted'
      : row.revokedAt
        ? 'revoked'
        : row.expiresAt.getTime() <= now.getTime()
          ? 'expired'
          : 'pending',
  };
}
