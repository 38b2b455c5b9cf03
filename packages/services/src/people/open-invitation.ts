import { AppError } from '@rightly/core';
import { findInvitationByTokenHash, type StoredInvitation } from '@rightly/db';
import type { SessionDeps } from '../auth/session-deps';
import { invitationTokenHash, parseInvitationToken } from './invitation-token';

/** One answer for every bad link, so the response says nothing about which part was wrong. */
export const INVALID_INVITATION_MESSAGE =
  'This invitation link is not valid any more: it has expired, was used already or was revoked, or it was copied incompletely. Ask an admin of your organization for a new invitation.';

/** The open, unexpired invitation behind a link, looked up inside the org the link names. */
export async function openInvitationFor(deps: SessionDeps, token: string): Promise<StoredInvitation> {
  const parsed = parseInvitationToken(token.trim());
  const row = parsed
    ? await findInvitationByTokenHash(deps.db, {
        orgId: parsed.orgId,
        tokenHash: invitationTokenHash({ token: parsed.token, secret: deps.sessionSecret }),
      })
    : null;
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt.getTime() <= deps.now().getTime()) {
    throw new AppError({ code: 'not_found', message: INVALID_INVITATION_MESSAGE });
  }
  return row;
}
