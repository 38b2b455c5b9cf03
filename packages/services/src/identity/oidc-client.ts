import * as oidc from 'openid-client';
import type { StoredSsoSettings } from '@rightly/db';
import { openSecret } from './secret-box';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why talking to the provider failed: it could not be reached, or it said no. */
export type ProviderProblem = 'provider_unavailable' | 'provider_refused';

/**
 * Discovers the org's provider. Plain http is accepted only for a provider on this machine
 * (development, tests); the settings schema refuses it for anything else.
 */
export async function discoverProvider(params: {
  settings: StoredSsoSettings;
  sessionSecret: string;
}): Promise<oidc.Configuration | null> {
  const { settings } = params;
  const secret = settings.clientSecretEncrypted
    ? openSecret({ sealed: settings.clientSecretEncrypted, sessionSecret: params.sessionSecret })
    : null;
  // A secret sealed under an older session secret cannot be opened: the admin re-enters it.
  if (secret === null) return null;
  const issuer = new URL(settings.issuer);
  const local = issuer.protocol === 'http:' && LOCAL_HOSTS.has(issuer.hostname);
  return oidc.discovery(issuer, settings.clientId, secret, undefined, {
    timeout: 10,
    ...(local ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
}

/** A network failure (refused, timed out) reads as "unavailable"; anything the provider answered, as "refused". */
export function classifyProviderError(error: unknown): ProviderProblem {
  if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError) {
    return 'provider_refused';
  }
  const text = `${String(error)} ${String((error as { cause?: unknown }).cause ?? '')}`;
  return /fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|timeout|aborted|network/i.test(text)
    ? 'provider_unavailable'
    : 'provider_refused';
}

export { oidc };
