import { demoSignInsSchema, meSchema, type DemoSignInsResponse, type MeResponse, type SignInBody } from '@rightly/core';
import { api } from '../../lib/api/api-client';
import { isUnauthenticated } from '../../lib/api/api-error';

/** The signed-in user, or null when there is no session: being signed out is a state, not an error. */
export async function fetchMe(signal?: AbortSignal): Promise<MeResponse | null> {
  try {
    return await api.request('/api/v1/me', meSchema, signal ? { signal } : {});
  } catch (error) {
    if (isUnauthenticated(error)) return null;
    throw error;
  }
}

export function signIn(body: SignInBody): Promise<MeResponse> {
  return api.request('/api/v1/auth/sign-in', meSchema, { method: 'POST', body });
}

export function signOut(): Promise<void> {
  return api.requestNoContent('/api/v1/auth/sign-out', { method: 'POST' });
}

export function fetchDemoSignIns(signal?: AbortSignal): Promise<DemoSignInsResponse> {
  return api.request('/api/v1/auth/demo-sign-ins', demoSignInsSchema, signal ? { signal } : {});
}
