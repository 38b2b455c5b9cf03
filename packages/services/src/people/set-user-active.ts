import { AppError, type ManagedUser, type Viewer } from '@rightly/core';
import { appendAudit, loadOrgStructure, setUserActive, withActiveAdminsLocked } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { getManagedUser, userNotFound } from './list-users';
import { requireAdmin } from './require-admin';

/**
 * Deactivation keeps everything the user did (activities, assessments, coaching records, audit
 * entries) and their team; they can no longer sign in and their sessions end at once.
 * Reactivation lets them sign in again with the password they had. Repeating either is a no-op.
 */
export async function setUserActivation(
  deps: ServiceDeps,
  input: { viewer: Viewer; userId: string; active: boolean },
): Promise<ManagedUser> {
  requireAdmin(input.viewer);
  const { orgId } = input.viewer;
  const now = deps.now();
  await withActiveAdminsLocked(deps.db, { orgId }, async (tx, activeAdminIds) => {
    const structure = await loadOrgStructure(tx, { orgId });
    const user = structure.users.find((u) => u.id === input.userId);
    if (!user) throw userNotFound(input.userId);
    if (user.active === input.active) return;
    if (!input.active) {
      if (user.role === 'admin' && activeAdminIds.length <= 1) {
        throw new AppError({
          code: 'conflict',
          message: `${user.name} is the last active admin of your organization and cannot be deactivated; make someone else an admin first.`,
        });
      }
      const led = structure.teams.filter((t) => t.leaderId === user.id);
      if (led.length > 0) {
        throw new AppError({
          code: 'conflict',
          message: `${user.name} leads ${led.map((t) => t.name).join(', ')}; give ${led.length > 1 ? 'those teams' : 'that team'} another leader before deactivating them.`,
        });
      }
    }
    await setUserActive(tx, { orgId, userId: user.id, active: input.active, at: now });
    await appendAudit(tx, {
      orgId,
      at: now,
      actorId: input.viewer.userId,
      action: input.active ? 'user_reactivated' : 'user_deactivated',
      subjectId: user.id,
      details: {
        summary: `${user.name} ${input.active ? 'reactivated' : 'deactivated'}`,
        before: { active: user.active },
        after: { active: input.active },
      },
    });
  });
  return getManagedUser(deps, { viewer: input.viewer, userId: input.userId });
}
