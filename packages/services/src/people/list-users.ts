import { AppError, type ManagedUser, type UsersResponse, type Viewer } from '@rightly/core';
import { listOrgUsers, loadOrgStructure } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { requireAdmin } from './require-admin';
import { managedUserView } from './user-view';

/** Every user of the org, deactivated ones included, with role, team, teams led and status. */
export async function listUsers(deps: ServiceDeps, input: { viewer: Viewer }): Promise<UsersResponse> {
  requireAdmin(input.viewer);
  const { orgId } = input.viewer;
  const [rows, structure] = await Promise.all([listOrgUsers(deps.db, { orgId }), loadOrgStructure(deps.db, { orgId })]);
  return { users: rows.map((row) => managedUserView(row, structure)) };
}

/** One user as the users list shows it; 404 for an id that is not in the viewer's org. */
export async function getManagedUser(
  deps: ServiceDeps,
  input: { viewer: Viewer; userId: string },
): Promise<ManagedUser> {
  const { users } = await listUsers(deps, input);
  const user = users.find((u) => u.id === input.userId);
  if (!user) throw userNotFound(input.userId);
  return user;
}

export function userNotFound(userId: string): AppError {
  return new AppError({ code: 'not_found', message: `There is no user ${userId} in your organization.` });
}
