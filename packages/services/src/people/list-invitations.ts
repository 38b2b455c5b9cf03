import type { InvitationsResponse, Viewer } from '@rightly/core';
import { listOpenInvitations, loadOrgStructure } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { invitationView } from './invitation-view';
import { requireAdmin } from './require-admin';

/** Invitations not yet accepted or revoked: pending ones and expired ones (to re-send or revoke). */
export async function listInvitations(deps: ServiceDeps, input: { viewer: Viewer }): Promise<InvitationsResponse> {
  requireAdmin(input.viewer);
  const { orgId } = input.viewer;
  const [rows, structure] = await Promise.all([
    listOpenInvitations(deps.db, { orgId }),
    loadOrgStructure(deps.db, { orgId }),
  ]);
  const now = deps.now();
  return { invitations: rows.map((row) => invitationView(row, structure, now)) };
}
