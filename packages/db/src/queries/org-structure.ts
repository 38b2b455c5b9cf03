import { and, eq, isNull } from 'drizzle-orm';
import type { CurrentMembership, TeamNode, UserRole } from '@rightly/core';
import type { Database } from '../database';
import { teamMemberships, teams, users } from '../schema/index';

export interface OrgStructure {
  teams: (TeamNode & { name: string })[];
  memberships: CurrentMembership[];
  users: { id: string; name: string; email: string; role: UserRole; active: boolean }[];
}

/**
 * Teams, current memberships and users of one org: small tables (hundreds of rows even for a
 * large sales org), loaded whole so the scope rules in core can run on them in memory.
 */
export async function loadOrgStructure(db: Database, params: { orgId: string }): Promise<OrgStructure> {
  const [teamRows, membershipRows, userRows] = await Promise.all([
    db
      .select({ id: teams.id, name: teams.name, parentId: teams.parentId, leaderId: teams.leaderId })
      .from(teams)
      .where(eq(teams.orgId, params.orgId)),
    db
      .select({ userId: teamMemberships.userId, teamId: teamMemberships.teamId })
      .from(teamMemberships)
      .where(and(eq(teamMemberships.orgId, params.orgId), isNull(teamMemberships.validTo))),
    db
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active })
      .from(users)
      .where(eq(users.orgId, params.orgId)),
  ]);
  return { teams: teamRows, memberships: membershipRows, users: userRows };
}
