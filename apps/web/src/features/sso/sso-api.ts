import { ssoSettingsSchema, type PutSsoSettingsBody, type SsoSettingsView } from '@rightly/core';
import { api } from '../../lib/api/api-client';

export const SSO_SETTINGS_KEY = ['sso-settings'] as const;

export function fetchSsoSettings(signal?: AbortSignal): Promise<SsoSettingsView> {
  return api.request('/api/v1/sso-settings', ssoSettingsSchema, signal ? { signal } : {});
}

export function saveSsoSettings(body: PutSsoSettingsBody): Promise<SsoSettingsView> {
  return api.request('/api/v1/sso-settings', ssoSettingsSchema, { method: 'PUT', body });
}

/** SSO is a full-page redirect to the provider and back, not an API call. */
export function ssoStartUrl(params: { email: string; returnTo: string }): string {
  const query = new URLSearchParams({ email: params.email });
  if (params.returnTo !== '/') query.set('returnTo', params.returnTo);
  return `/api/v1/auth/sso/start?${query.toString()}`;
}
