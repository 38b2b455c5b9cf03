import { passwordResetEmail, type EmailChannel, type PasswordResetMessage } from '@rightly/services';
import type { FastifyBaseLogger } from 'fastify';

export interface PasswordResetDelivery {
  /** The web app's address for links, without a trailing slash. */
  appUrl: () => string;
  /** Sends one reset link; must not throw (the request has already answered). */
  deliver: (message: PasswordResetMessage) => Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * Reset links go out by e-mail when SMTP_URL is set. Without it, nothing is sent; the link is
 * written to the log only when the server listens on a loopback address (a developer's machine,
 * where only the person at the keyboard can open it), never on a reachable one.
 */
export function createPasswordResetDelivery(params: {
  email: EmailChannel | null;
  host: string;
  appUrl: () => string;
  log: () => FastifyBaseLogger;
}): PasswordResetDelivery {
  const logLinks = LOOPBACK_HOSTS.has(params.host);
  return {
    appUrl: params.appUrl,
    deliver: async (message) => {
      const log = params.log();
      if (!params.email) {
        if (logLinks) {
          log.warn({ resetUrl: message.url }, 'password reset: SMTP_URL is not set, so the link is only logged here');
        } else {
          log.warn('password reset requested, but SMTP_URL is not set: no e-mail was sent');
        }
        return;
      }
      try {
        await params.email.send(passwordResetEmail(message));
      } catch (error) {
        log.error({ err: error }, 'password reset e-mail not sent');
      }
    },
  };
}
