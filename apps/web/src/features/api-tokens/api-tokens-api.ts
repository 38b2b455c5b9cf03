import {
  apiTokenListSchema,
  createdApiTokenSchema,
  type ApiTokenList,
  type CreateApiTokenBody,
  type CreatedApiToken,
} from '@rightly/core';
import { api } from '../../lib/api/api-client';

export const API_TOKENS_KEY = ['api-tokens'] as const;

export function fetchApiTokens(signal?: AbortSignal): Promise<ApiTokenList> {
  return api.request('/api/v1/api-tokens', apiTokenListSchema, signal ? { signal } : {});
}

export function createApiToken(body: CreateApiTokenBody): Promise<CreatedApiToken> {
  return api.request('/api/v1/api-tokens', createdApiTokenSchema, { method: 'POST', body });
}

export function revokeApiToken(id: string): Promise<void> {
  return api.requestNoContent(`/api/v1/api-tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
