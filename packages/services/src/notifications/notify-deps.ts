import type { SessionDeps } from '../auth/session-deps';
import type { EmailChannel } from './channels/email-channel';
import type { SlackMessage } from './channels/slack-channel';

/** What the reminder jobs need beyond storage and the clock: where links point and how to send. */
export interface NotifyDeps extends SessionDeps {
  /** The app's public address, without a trailing slash, for links in messages. */
  appUrl: string;
  /** Null when SMTP is not configured: messages then go to the in-app list (and Slack) only. */
  email: EmailChannel | null;
  sendSlack: (message: SlackMessage) => Promise<void>;
}
