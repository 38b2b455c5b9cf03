import { AppError, type ManagedUser, type UserRole, type Viewer } from '@rightly/core';
import {
  appendAudit,
  loadOrgStructure,
  moveMembership,
  updateUserProfile,
  withActiveAdminsLocked,
  type Database,
} from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { getManagedUser, userNotFound } from './list-users';
import { requireAdmin } from './require-admin';

export interface UpdateUserInput {
  viewer: Viewer;
  userId: string;
  name?: string | undefined;
  role?: UserRole | undefined;
  /** The user's one team; null takes them out of their team. */
  teamId?: string | null | undefined;
}

/**
 * An admin changes a user's name, role or team. Refused (409, saying why) when the change would
 * leave the org without an active admin, or take the leader role from someone who still leads
 * teams. Every change is audited with before and after.
 */
export async function updateUser(deps: ServiceDeps, input: UpdateUserInput): Promise<ManagedUser> {
  requireAdmin(input.viewer);
  const { orgId } = input.viewer;
  const now = deps.now();
  await withActiveAdminsLocked(deps.db, { orgId }, async (tx, activeAdminIds) => {
    const structure = await loadOrgStructure(tx, { orgId });
    const user = structure.users.find((u) => u.id === input.userId);
    if (!user) throw userNotFound(input.userId);
    if (input.teamId && !structure.teams.some((t) => t.id === input.teamId)) {
      throw new AppError({
        code: 'not_found',
        message: `teamId: there is no team ${input.teamId} in your organization.`,
        issues: [{ field: 'teamId', message: 'is not a team of your organization' }],
      });
    }
    const newRole = input.role ?? user.role;
    if (user.role === 'admin' && newRole !== 'admin' && user.active && activeAdminIds.length <= 1) {
      throw new AppError({
        code: 'conflict',
        message: `${user.name} is the last active admin of your organization; make someone else an admin first, or the organization could no longer be managed.`,
      });
    }
    const led = structure.teams.filter((t) => t.leaderId === user.id);
    if (newRole === 'rep' && led.length > 0) {
      throw new AppError({
        code: 'conflict',
        message: `${user.name} leads ${led.map((t) => t.name).join(', ')}; give ${led.length > 1 ? 'those teams' : 'that team'} another leader before making them a rep.`,
      });
    }

    const nameChanged = input.name !== undefined && input.name !== user.name;
    const roleChanged = newRole !== user.role;
    if (nameChanged || roleChanged) {
      await updateUserProfile(tx, { orgId, userId: user.id, name: input.name, role: input.role });
      await appendAudit(tx, {
        orgId,
        at: now,
        actorId: input.viewer.userId,
        action: 'user_changed',
        subjectId: user.id,
        details: {
          summary: roleChanged
            ? `Role of ${user.name} changed from ${user.role} to ${newRole}`
            : `${user.name} renamed`,
          before: { name: user.name, role: user.role },
          after: { name: input.name ?? user.name, role: newRole },
        },
      });
    }
    if (input.teamId !== undefined)
      await changeTeam(tx, { orgId, now, viewer: input.viewer, user, structure, teamId: input.teamId });
  });
  return getManagedUser(deps, { viewer: input.viewer, userId: input.userId });
}

async function changeTeam(
  tx: Database,
  params: {
    orgId: string;
    now: Date;
    viewer: Viewer;
    user: { id: string; name: string };
    structure: Awaited<ReturnType<typeof loadOrgStructure>>;
    teamId: string | null;
  },
): Promise<void> {
  const { structure, user } = params;
  const beforeId = structure.memberships.find((m) => m.userId === user.id)?.teamId ?? null;
  if (beforeId === params.teamId) return;
  const nameOf = (id: string | null) => structure.teams.find((t) => t.id === id)?.name ?? null;
  await moveMembership(tx, { orgId: params.orgId, userId: user.id, teamId: params.teamId, at: params.now });
  await appendAudit(tx, {
    orgId: params.orgId,
    at: params.now,
    actorId: params.viewer.userId,
    action: 'membership_changed',
    subjectId: user.id,
    details: {
      summary: params.teamId
        ? `${user.name} moved to ${nameOf(params.teamId)}`
        : `${user.name} taken out of ${nameOf(beforeId)}`,
      before: { teamId: beforeId, teamName: nameOf(beforeId) },
      after: { teamId: params.teamId, teamName: nameOf(params.teamId) },
    },
  });
}
