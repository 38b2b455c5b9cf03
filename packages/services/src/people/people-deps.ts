import type { SessionDeps } from '../auth/session-deps';
import type { EmailChannel } from '../notifications/channels/email-channel';

/** How invitation links leave the server. */
export interface PeopleMail {
  /** Null when SMTP is not configured: the admin is given the link to pass on instead. */
  email: EmailChannel | null;
  /**
   * The app's public address without a trailing slash (PUBLIC_URL, or where the server listens),
   * read when a link is made; null when unknown, and links are then given as paths.
   */
  appUrl: () => string | null;
}

/** Invitations need the session secret (to hash tokens and sign the invitee in) and the mail. */
export interface PeopleDeps extends SessionDeps {
  mail: PeopleMail;
}

/** Invitations stay valid this long. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
