import {
  acceptedSchema,
  mySessionsSchema,
  signOutEverywhereResultSchema,
  type ChangePasswordBody,
  type MySessionsResponse,
  type PasswordResetCompleteBody,
} from '@rightly/core';
import { api } from '../../lib/api/api-client';

export const MY_SESSIONS_QUERY_KEY = ['my-sessions'] as const;

export function fetchMySessions(signal?: AbortSignal): Promise<MySessionsResponse> {
  return api.request('/api/v1/auth/sessions', mySessionsSchema, signal ? { signal } : {});
}

export function endSession(id: string): Promise<void> {
  return api.requestNoContent(`/api/v1/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Ends every session of mine, this one included. */
export function signOutEverywhere(): Promise<{ ended: number }> {
  return api.request('/api/v1/auth/sign-out-everywhere', signOutEverywhereResultSchema, {
    method: 'POST',
    body: { keepCurrent: false },
  });
}

export function requestPasswordReset(email: string): Promise<{ message: string }> {
  return api.request('/api/v1/auth/password-reset', acceptedSchema, { method: 'POST', body: { email } });
}

export function completePasswordReset(body: PasswordResetCompleteBody): Promise<void> {
  return api.requestNoContent('/api/v1/auth/password-reset/complete', { method: 'POST', body });
}

export function changePassword(body: ChangePasswordBody): Promise<void> {
  return api.requestNoContent('/api/v1/auth/password', { method: 'POST', body });
}
