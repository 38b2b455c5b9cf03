import type { OutgoingEmail } from '../notifications/channels/email-channel';
import { checkedHref, escapeHtml } from '../notifications/templates/escape';
import type { PasswordResetMessage } from './password-reset';

/** The reset e-mail: plain words, the link, when it stops working, and what to do if unasked. */
export function passwordResetEmail(message: PasswordResetMessage): OutgoingEmail {
  const minutes = 30;
  const href = checkedHref(message.url);
  const text = [
    `Hello ${message.name},`,
    '',
    'Someone (hopefully you) asked to set a new password for your Rightly account.',
    `Open this link within ${minutes} minutes to choose a new one. It works once:`,
    '',
    message.url,
    '',
    'If you did not ask for this, ignore this e-mail: your password stays as it is.',
  ].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(message.name)},</p>`,
    '<p>Someone (hopefully you) asked to set a new password for your Rightly account.</p>',
    `<p><a href="${escapeHtml(href)}">Choose a new password</a> within ${minutes} minutes. The link works once.</p>`,
    '<p>If you did not ask for this, ignore this e-mail: your password stays as it is.</p>',
  ].join('\n');
  return {
    to: message.to,
    toName: message.name,
    subject: 'Reset your Rightly password',
    text,
    html,
    // Unique per link, so a receiver never drops a second request's mail as a duplicate.
    messageKey: `password-reset-${message.expiresAt.getTime()}-${message.to}`,
  };
}
