import { createHash } from 'node:crypto';
import { createTransport, type NodemailerError } from 'nodemailer';
import { ChannelError } from './channel-error';

export interface EmailSettings {
  /** smtp://user:pass@host:port or smtps://…; query options (e.g. ?connectionTimeout=) override ours. */
  smtpUrl: string;
  /** e.g. "Rightly <rightly@example.com>" */
  from: string;
}

export interface OutgoingEmail {
  to: string;
  toName?: string;
  /** May hold any UTF-8; nodemailer encodes it as an RFC 2047 encoded-word. */
  subject: string;
  text: string;
  html: string;
  /** One-click unsubscribe URL (RFC 8058): sets List-Unsubscribe and List-Unsubscribe-Post. */
  unsubscribeUrl?: string;
  /** Stable id so a receiver can dedupe; becomes the Message-ID `<messageKey@rightly>` (sanitised). */
  messageKey: string;
}

export interface EmailChannel {
  send(email: OutgoingEmail): Promise<void>;
  close(): Promise<void>;
}

// nodemailer's defaults (2 min to connect, 10 min of silence) would stall a reminder job that
// runs every minute; a mail server slower than this is better treated as down and retried later.
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/** Failures without an SMTP reply that a retry cannot fix: our own settings or input are wrong. */
const PERMANENT_CODES = new Set(['ECONFIG', 'ENOAUTH', 'EENVELOPE', 'EMESSAGE', 'EFILEACCESS', 'EURLACCESS']);

/** Sends through one SMTP server. Each send opens its own connection (no pool): reminders are few. */
export function createEmailChannel(settings: EmailSettings): EmailChannel {
  const transport = createTransport(
    {
      url: settings.smtpUrl,
      ...TIMEOUTS,
      // Nothing we send references files or URLs to inline; refuse them so content can never
      // make the server read a local file or fetch a URL.
      disableFileAccess: true,
      disableUrlAccess: true,
    },
    { from: settings.from },
  );
  return {
    async send(email) {
      try {
        await transport.sendMail({
          to: email.toName ? { name: email.toName, address: email.to } : email.to,
          // A line break in a subject would end the header; nothing we render needs one.
          subject: email.subject.replace(/[\r\n]+/g, ' '),
          text: email.text,
          html: email.html,
          messageId: messageIdFor(email.messageKey),
          ...(email.unsubscribeUrl
            ? {
                list: { unsubscribe: email.unsubscribeUrl },
                headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
              }
            : {}),
        });
      } catch (error) {
        throw toChannelError(error);
      }
    },
    async close() {
      transport.close();
    },
  };
}

/**
 * `<key@rightly>` with the key reduced to characters a Message-ID's left part may hold. The
 * mapping is one-to-one (every other byte becomes `=XX`, `=` included), so two different keys
 * never collide into one id that a receiver would drop as a duplicate. Very long keys are cut
 * and suffixed with a hash so the header stays on one line.
 */
export function messageIdFor(messageKey: string): string {
  if (messageKey === '') {
    throw new ChannelError('email', 'An e-mail needs a messageKey to build its Message-ID.');
  }
  let local = Array.from(Buffer.from(messageKey, 'utf8'), (byte) => {
    const char = String.fromCharCode(byte);
    return /[A-Za-z0-9_-]/.test(char) ? char : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
  if (local.length > 120) {
    local = `${local.slice(0, 64)}-${createHash('sha256').update(messageKey).digest('hex').slice(0, 32)}`;
  }
  return `<${local}@rightly>`;
}

function toChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  const failure = (error instanceof Error ? error : new Error(String(error))) as NodemailerError;
  return new ChannelError('email', `E-mail not sent: ${failure.message}`, {
    cause: error,
    retryable: isRetryable(failure),
  });
}

function isRetryable(error: NodemailerError): boolean {
  // Refused credentials say nothing about the message: once the settings are fixed, it goes out.
  if (error.code === 'EAUTH') return true;
  // nodemailer ≥ 10 reads the reply class for us (5xx but 503 is permanent).
  if (typeof error.permanent === 'boolean') return !error.permanent;
  if (typeof error.responseCode === 'number') return error.responseCode < 500;
  // No reply at all: the connection failed or timed out, which a later attempt may get past.
  return !PERMANENT_CODES.has(error.code ?? '');
}
