import type { UserRole } from '@rightly/core';
import { checkedHref, escapeHtml } from '../notifications/templates/escape';

export interface InvitationEmailInput {
  inviteeName: string;
  inviterName: string;
  organizationName: string;
  role: UserRole;
  acceptUrl: string;
  expiresAt: Date;
}

const ROLE_WORDS: Record<UserRole, string> = {
  admin: 'an admin',
  leader: 'a sales leader',
  rep: 'a salesperson',
};

/** The invitation e-mail as plain text and HTML; every name is escaped in the HTML. */
export function renderInvitationEmail(input: InvitationEmailInput): { subject: string; text: string; html: string } {
  const url = checkedHref(input.acceptUrl);
  const until = input.expiresAt.toISOString().slice(0, 10);
  const subject = `${input.inviterName} invited you to ${input.organizationName} on Rightly`;
  const intro = `${input.inviterName} invited you to join ${input.organizationName} on Rightly as ${ROLE_WORDS[input.role]}.`;
  const text = [
    `Hello ${input.inviteeName},`,
    '',
    intro,
    '',
    `Choose your password and sign in: ${url}`,
    '',
    `The link works once and until ${until}. If you did not expect this invitation, ignore this e-mail.`,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
    `<p>Hello ${escapeHtml(input.inviteeName)},</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:8px 16px;background:#1c7ed6;color:#fff;border-radius:4px;text-decoration:none">Accept the invitation</a></p>`,
    `<p style="color:#666">The link works once and until ${escapeHtml(until)}. If you did not expect this invitation, ignore this e-mail.</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
