import { AppError, type NotificationPreferences, type Viewer } from '@rightly/core';
import { DEFAULT_PREFERENCES, findUser, loadPreferences, savePreferences, withOrgScope } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { verifyUnsubscribeToken, type UnsubscribeClaim } from './unsubscribe-token';

export async function getPreferences(deps: ServiceDeps, input: { viewer: Viewer }): Promise<NotificationPreferences> {
  const found = await loadPreferences(deps.db, { orgId: input.viewer.orgId, userIds: [input.viewer.userId] });
  return found.get(input.viewer.userId) ?? DEFAULT_PREFERENCES;
}

/** Each user sets their own; Slack needs the webhook it should post to. */
export async function updatePreferences(
  deps: ServiceDeps,
  input: { viewer: Viewer; preferences: NotificationPreferences },
): Promise<NotificationPreferences> {
  const p = input.preferences;
  if (p.slack && !p.slackWebhookUrl) {
    throw new AppError({
      code: 'validation_failed',
      message: 'Give the Slack incoming-webhook URL to post to, or switch Slack off.',
      issues: [{ field: 'slackWebhookUrl', message: 'is required when Slack is on' }],
    });
  }
  await savePreferences(deps.db, {
    orgId: input.viewer.orgId,
    userId: input.viewer.userId,
    preferences: p,
    now: deps.now(),
  });
  return getPreferences(deps, input);
}

/**
 * One-click unsubscribe from a link in an e-mail, without signing in: the signed token names
 * the org, the user and the channel, and nothing else can be changed with it.
 */
export async function unsubscribe(
  deps: ServiceDeps & { sessionSecret: string },
  input: { token: string },
): Promise<{ channel: 'email' | 'slack' | 'all'; done: true }> {
  const claim = verifyUnsubscribeToken(deps.sessionSecret, input.token);
  if (!claim) throw invalidUnsubscribeLink();
  // No session: the signed token names the org, and the change runs in its scope (row-level security).
  return withOrgScope({ orgId: claim.orgId }, () => unsubscribeInOrg(deps, claim));
}

async function unsubscribeInOrg(
  deps: ServiceDeps,
  claim: UnsubscribeClaim,
): Promise<{ channel: 'email' | 'slack' | 'all'; done: true }> {
  const user = await findUser(deps.db, { orgId: claim.orgId, userId: claim.userId });
  if (!user) throw invalidUnsubscribeLink();
  const off =
    claim.channel === 'all'
      ? { email: false, slack: false }
      : claim.channel === 'email'
        ? { email: false }
        : { slack: false };
  await savePreferences(deps.db, { orgId: claim.orgId, userId: claim.userId, preferences: off, now: deps.now() });
  return { channel: claim.channel, done: true };
}

function invalidUnsubscribeLink(): AppError {
  return new AppError({
    code: 'bad_request',
    message: 'This unsubscribe link is not valid. Sign in and change your notifications in Settings instead.',
    issues: [{ field: 'token', message: 'not a valid unsubscribe link' }],
  });
}
