import type { MessageLinks } from './templates/message-doc';
import { signUnsubscribeToken } from './unsubscribe-token';
import type { NotifyDeps } from './notify-deps';

/** Links in a message to one user: the app, and their own signed one-click unsubscribe page. */
export function linksFor(deps: NotifyDeps, user: { orgId: string; userId: string }): MessageLinks {
  return { appUrl: deps.appUrl, unsubscribeUrl: unsubscribePageUrl(deps, user) };
}

export function unsubscribeToken(deps: NotifyDeps, user: { orgId: string; userId: string }): string {
  return signUnsubscribeToken(deps.sessionSecret, { orgId: user.orgId, userId: user.userId, channel: 'email' });
}

/** The page a person opens from the footer; it asks before unsubscribing. */
export function unsubscribePageUrl(deps: NotifyDeps, user: { orgId: string; userId: string }): string {
  return `${deps.appUrl}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(deps, user))}`;
}

/** The RFC 8058 one-click address a mail client POSTs to. */
export function oneClickUnsubscribeUrl(deps: NotifyDeps, user: { orgId: string; userId: string }): string {
  return `${deps.appUrl}/api/v1/unsubscribe?token=${encodeURIComponent(unsubscribeToken(deps, user))}`;
}
