import { AppError, type UserRole, type Viewer, type WeekStartsOn } from '@rightly/core';
import { findOrganization, findUser, loadOrgStructure } from '@rightly/db';
import type { ServiceDeps } from '../deps';

export interface Me {
  user: { id: string; name: string; email: string; role: UserRole };
  organization: {
    id: string;
    name: string;
    timeZone: string;
    currency: string;
    weekStartsOn: WeekStartsOn;
    isDemo: boolean;
  };
  /** The user's current team, if they belong to one. */
  team: { id: string; name: string } | null;
  /** Teams the user leads directly (sub-teams are in scope too, but not listed here). */
  leads: { id: string; name: string }[];
}

export async function getMe(deps: ServiceDeps, input: { viewer: Viewer }): Promise<Me> {
  const { orgId, userId } = input.viewer;
  const [user, org, structure] = await Promise.all([
    findUser(deps.db, { orgId, userId }),
    findOrganization(deps.db, { orgId }),
    loadOrgStructure(deps.db, { orgId }),
  ]);
  if (!user || !org) throw new AppError({ code: 'unauthenticated', message: 'Your session no longer has a user.' });
  const membership = structure.memberships.find((m) => m.userId === userId);
  const team = structure.teams.find((t) => t.id === membership?.teamId);
  return {
    user: { id: user.id, name: user.name, email: user.email, role: user.role },
    organization: {
      id: org.id,
      name: org.name,
      timeZone: org.timeZone,
      currency: org.currency,
      weekStartsOn: org.weekStartsOn as WeekStartsOn,
      isDemo: org.isDemo,
    },
    team: team ? { id: team.id, name: team.name } : null,
    leads: structure.teams.filter((t) => t.leaderId === userId).map((t) => ({ id: t.id, name: t.name })),
  };
}
