import { AppError, type Viewer } from '@rightly/core';
import { appendAudit, revokeOpenInvitation } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { requireAdmin } from './require-admin';

/** Revokes an open invitation: its link stops working at once. */
export async function revokeInvitation(
  deps: ServiceDeps,
  input: { viewer: Viewer; invitationId: string },
): Promise<void> {
  requireAdmin(input.viewer);
  const { orgId } = input.viewer;
  const now = deps.now();
  const row = await revokeOpenInvitation(deps.db, { orgId, id: input.invitationId, at: now, by: input.viewer.userId });
  if (!row) {
    throw new AppError({
      code: 'not_found',
      message:
        'There is no open invitation with this id in your organization (it may have been accepted or revoked already).',
    });
  }
  await appendAudit(deps.db, {
    orgId,
    at: now,
    actorId: input.viewer.userId,
    action: 'invitation_revoked',
    subjectId: null,
    details: { summary: `Invitation for ${row.email} revoked`, invitationId: row.id, email: row.email, role: row.role },
  });
}
