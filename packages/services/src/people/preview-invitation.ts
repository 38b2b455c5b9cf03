import { AppError, type InvitationPreview } from '@rightly/core';
import { findOrganization, withOrgScope } from '@rightly/db';
import type { SessionDeps } from '../auth/session-deps';
import { invitationOrgId } from './invitation-token';
import { openInvitationFor } from './open-invitation';

/** What the accept page shows before the invitee chooses a password. Public: the link is the key. */
export function previewInvitation(deps: SessionDeps, input: { token: string }): Promise<InvitationPreview> {
  // Public: the request has no org yet, the link names it.
  return withOrgScope({ orgId: invitationOrgId(input.token) }, () => previewInOrg(deps, input));
}

async function previewInOrg(deps: SessionDeps, input: { token: string }): Promise<InvitationPreview> {
  const row = await openInvitationFor(deps, input.token);
  const org = await findOrganization(deps.db, { orgId: row.orgId });
  if (!org) throw new AppError({ code: 'not_found', message: 'The organization of this invitation no longer exists.' });
  return {
    organization: { name: org.name },
    email: row.email,
    name: row.name,
    role: row.role,
    expiresAt: row.expiresAt.toISOString(),
  };
}
