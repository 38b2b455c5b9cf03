import { randomUUID } from 'node:crypto';
import { AppError, type CreateInvitationResponse, type UserRole, type Viewer } from '@rightly/core';
import {
  appendAudit,
  findOpenInvitationFor,
  findOrganization,
  findUserByEmail,
  insertInvitation,
  loadOrgStructure,
  revokeOpenInvitation,
} from '@rightly/db';
import { renderInvitationEmail } from './invitation-email';
import { acceptInvitationPath, invitationTokenHash, newInvitationToken } from './invitation-token';
import { invitationView } from './invitation-view';
import { INVITATION_TTL_MS, type PeopleDeps } from './people-deps';
import { requireAdmin } from './require-admin';

export interface InviteUserInput {
  viewer: Viewer;
  /** Already lower-cased by the contract. */
  email: string;
  name: string;
  role: UserRole;
  teamId: string | null;
}

/**
 * An admin invites someone by e-mail. Inviting an address with an open invitation replaces that
 * invitation (the old link stops working). The link is e-mailed when SMTP is set up; otherwise,
 * or when sending fails, it is returned once so the admin can pass it on.
 */
export async function inviteUser(deps: PeopleDeps, input: InviteUserInput): Promise<CreateInvitationResponse> {
  requireAdmin(input.viewer);
  const { orgId } = input.viewer;
  const email = input.email.trim().toLowerCase();
  const [org, structure] = await Promise.all([
    findOrganization(deps.db, { orgId }),
    loadOrgStructure(deps.db, { orgId }),
  ]);
  if (!org) throw new AppError({ code: 'not_found', message: 'Your organization no longer exists.' });
  if (input.teamId !== null && !structure.teams.some((t) => t.id === input.teamId)) {
    throw new AppError({
      code: 'not_found',
      message: `teamId: there is no team ${input.teamId} in your organization. Pick one from GET /api/v1/teams.`,
      issues: [{ field: 'teamId', message: 'is not a team of your organization' }],
    });
  }
  await refuseExistingAccount(deps, { orgId, email });

  const now = deps.now();
  const replaced = await findOpenInvitationFor(deps.db, { orgId, email });
  if (replaced) {
    await revokeOpenInvitation(deps.db, { orgId, id: replaced.id, at: now, by: input.viewer.userId });
    await appendAudit(deps.db, {
      orgId,
      at: now,
      actorId: input.viewer.userId,
      action: 'invitation_revoked',
      subjectId: null,
      details: {
        summary: `Invitation for ${email} replaced by a new one`,
        invitationId: replaced.id,
        email,
        reason: 'replaced',
      },
    });
  }

  const token = newInvitationToken(orgId);
  const row = {
    orgId,
    id: randomUUID(),
    email,
    name: input.name,
    role: input.role,
    teamId: input.teamId,
    tokenHash: invitationTokenHash({ token: token.token, secret: deps.sessionSecret }),
    invitedBy: input.viewer.userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    acceptedAt: null,
    acceptedUserId: null,
    revokedAt: null,
    revokedBy: null,
  };
  await insertInvitation(deps.db, row);
  await appendAudit(deps.db, {
    orgId,
    at: now,
    actorId: input.viewer.userId,
    action: 'invitation_sent',
    subjectId: null,
    details: {
      summary: `Invited ${email} as ${input.role}`,
      invitationId: row.id,
      after: {
        email,
        name: input.name,
        role: input.role,
        teamId: input.teamId,
        expiresAt: row.expiresAt.toISOString(),
      },
      ...(replaced ? { replacedInvitationId: replaced.id } : {}),
    },
  });

  const appUrl = deps.mail.appUrl();
  const acceptUrl = `${appUrl ?? ''}${acceptInvitationPath(token)}`;
  const invitation = invitationView(row, structure, now);
  if (!deps.mail.email || !appUrl) {
    return {
      invitation,
      delivery: 'manual',
      acceptUrl,
      deliveryNote: !deps.mail.email
        ? 'E-mail is not set up on this server (SMTP_URL), so no e-mail was sent. Pass this link on to the invitee yourself; it is shown only now.'
        : 'The server does not know its public address (PUBLIC_URL), so no e-mail was sent. Pass this link on yourself; it is shown only now.',
    };
  }
  const inviter = structure.users.find((u) => u.id === input.viewer.userId);
  const message = renderInvitationEmail({
    inviteeName: input.name,
    inviterName: inviter?.name ?? 'An admin',
    organizationName: org.name,
    role: input.role,
    acceptUrl,
    expiresAt: row.expiresAt,
  });
  try {
    await deps.mail.email.send({ to: email, toName: input.name, ...message, messageKey: `invitation-${row.id}` });
    return { invitation, delivery: 'email' };
  } catch (error) {
    return {
      invitation,
      delivery: 'manual',
      acceptUrl,
      deliveryNote: `The e-mail could not be sent (${error instanceof Error ? error.message : String(error)}). Pass this link on to the invitee yourself; it is shown only now.`,
    };
  }
}

/**
 * E-mails are unique across all orgs (one e-mail signs in to one org), so this check reads
 * across orgs through `findUserByEmail`, the same lookup sign-in uses. The answer for another
 * org's address says only that the address is taken, never which org has it.
 */
async function refuseExistingAccount(deps: PeopleDeps, params: { orgId: string; email: string }): Promise<void> {
  const existing = await findUserByEmail(deps.db, { email: params.email });
  if (!existing) return;
  if (existing.orgId === params.orgId) {
    throw new AppError({
      code: 'conflict',
      message: `${params.email} already has an account in your organization (${existing.name}, ${existing.role}${existing.active ? '' : ', deactivated'}). Change or reactivate it under Users instead of inviting.`,
      issues: [{ field: 'email', message: 'already has an account in your organization' }],
    });
  }
  throw new AppError({
    code: 'conflict',
    message: `${params.email} already signs in to another Rightly organization, and an e-mail address can belong to one organization only. Invite another address.`,
    issues: [{ field: 'email', message: 'already has a Rightly account' }],
  });
}
