import { ChannelError } from './channel-error';

export interface SlackMessage {
  /** A Slack incoming-webhook URL; it names the channel or person the message goes to. */
  webhookUrl: string;
  /** mrkdwn, already escaped by the template (see `escapeSlack`). */
  text: string;
}

export interface SlackSendOptions {
  timeoutMs?: number;
  /** For tests or a proxy-aware client; the global fetch otherwise. */
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_BODY_IN_ERROR = 200;

/** Posts one message to a Slack incoming webhook; throws ChannelError unless Slack accepts it. */
export async function sendSlackMessage(message: SlackMessage, options: SlackSendOptions = {}): Promise<void> {
  const url = parseWebhookUrl(message.webhookUrl);
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // One signal covers the request and reading the reply, so a receiver that trickles bytes
  // cannot hold the job longer than the timeout either.
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ text: message.text }),
      signal,
      // A webhook that redirects elsewhere is not one we were given; never follow it.
      redirect: 'manual',
    });
    const body = await response.text();
    if (response.ok) return;
    throw new ChannelError('slack', `Slack answered ${response.status}: ${body.slice(0, MAX_BODY_IN_ERROR)}`, {
      // 429 (rate limited) and 5xx pass; other 4xx (invalid_token, channel_is_archived,
      // no_service) stay until someone fixes the webhook.
      retryable: response.status === 429 || response.status >= 500,
    });
  } catch (error) {
    if (error instanceof ChannelError) throw error;
    if (signal.aborted) {
      throw new ChannelError('slack', `Slack did not answer within ${timeoutMs} ms.`, {
        cause: error,
        retryable: true,
      });
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new ChannelError('slack', `Slack message not sent: ${reason}`, { cause: error, retryable: true });
  }
}

/** The webhook URL is a credential: errors describe it but never quote it. */
function parseWebhookUrl(webhookUrl: string): URL {
  let url: URL;
  try {
    url = new URL(webhookUrl);
  } catch (error) {
    throw new ChannelError('slack', 'The Slack webhook URL is not a URL.', { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ChannelError('slack', 'The Slack webhook URL must start with https://.');
  }
  return url;
}
