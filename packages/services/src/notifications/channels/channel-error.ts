export type ChannelName = 'email' | 'slack';

/**
 * A notification could not be delivered. `retryable` tells the reminder job whether sending the
 * same message again later may succeed (a server that is down, a 4xx SMTP reply, a Slack 5xx or
 * 429) or would fail the same way (a refused mailbox, a revoked webhook), so it can give up early
 * instead of retrying into a wall.
 */
export class ChannelError extends Error {
  readonly channel: ChannelName;
  /** False unless the sender knows better: an unknown failure should not be retried forever. */
  readonly retryable: boolean;

  constructor(channel: ChannelName, message: string, options?: { cause?: unknown; retryable?: boolean }) {
    super(message, { cause: options?.cause });
    this.name = 'ChannelError';
    this.channel = channel;
    this.retryable = options?.retryable ?? false;
  }
}

export function isChannelError(value: unknown): value is ChannelError {
  return value instanceof ChannelError;
}
