import { meSchema } from '@rightly/core';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, problem } from '../../test/fake-fetch';
import { meFixture } from '../../test/fixtures';
import { createApiClient, readCsrfToken } from './api-client';
import { ApiError } from './api-error';

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('api client', () => {
  it('returns the body parsed by the schema on success', async () => {
    const me = meFixture();
    const client = createApiClient(fakeFetch([{ path: '/api/v1/me', status: 200, body: me }]));
    await expect(client.request('/api/v1/me', meSchema)).resolves.toEqual(me);
  });

  it('sends a JSON body with the content type and asks for JSON or problem+json', async () => {
    const fetchImpl = fakeFetch([{ method: 'POST', path: '/api/v1/auth/sign-in', status: 200, body: meFixture() }]);
    const client = createApiClient(fetchImpl);
    await client.request('/api/v1/auth/sign-in', meSchema, { method: 'POST', body: { email: 'a@b.c', password: 'x' } });
    const init = fetchImpl.mock.calls[0]?.[1];
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"email":"a@b.c","password":"x"}');
    expect(init?.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json, application/problem+json',
    });
  });

  it('turns a validation problem into an ApiError that names each field', async () => {
    const client = createApiClient(
      fakeFetch([
        {
          method: 'POST',
          path: '/api/v1/auth/sign-in',
          status: 400,
          body: problem(400, 'validation_failed', 'email: must be an e-mail address; password: is required', [
            { field: 'email', message: 'must be an e-mail address' },
            { field: 'password', message: 'is required' },
          ]),
        },
      ]),
    );
    const error = await caught(client.request('/api/v1/auth/sign-in', meSchema, { method: 'POST', body: {} }));
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.detail).toBe('email: must be an e-mail address; password: is required');
    expect(error.messageFor('email')).toBe('must be an e-mail address');
    expect(error.messageFor('password')).toBe('is required');
    expect(error.messageFor('name')).toBeUndefined();
    expect(error.requestId).toBe('req-test-1');
  });

  it('keeps the detail of a problem without field errors', async () => {
    const client = createApiClient(
      fakeFetch([{ path: '/api/v1/me', status: 401, body: problem(401, 'unauthenticated', 'Sign in first.') }]),
    );
    const error = await caught(client.request('/api/v1/me', meSchema));
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated', detail: 'Sign in first.', fieldErrors: [] });
  });

  it('explains an error answer that is not problem+json (e.g. from a proxy)', async () => {
    const client = createApiClient(
      fakeFetch([{ path: '/api/v1/me', status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' }]),
    );
    const error = await caught(client.request('/api/v1/me', meSchema));
    expect(error.status).toBe(502);
    expect(error.code).toBe('unexpected_response');
    expect(error.detail).toContain('502');
  });

  it('rejects a successful answer that breaks the contract instead of passing it on', async () => {
    const client = createApiClient(fakeFetch([{ path: '/api/v1/me', status: 200, body: { user: 'nobody' } }]));
    const error = await caught(client.request('/api/v1/me', meSchema));
    expect(error.code).toBe('unexpected_response');
    expect(error.detail).toContain('/api/v1/me');
  });

  it('reports an unreachable server as a network error', async () => {
    const client = createApiClient(vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await caught(client.request('/api/v1/me', meSchema));
    expect(error.code).toBe('network_error');
    expect(error.status).toBe(0);
  });

  it('lets an aborted request stay an abort, for the query library to ignore', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    const client = createApiClient(vi.fn(() => Promise.reject(abort)));
    await expect(client.request('/api/v1/me', meSchema)).rejects.toBe(abort);
  });

  it('accepts 204 No Content where no body is expected', async () => {
    const client = createApiClient(fakeFetch([{ method: 'POST', path: '/api/v1/auth/sign-out', status: 204 }]));
    await expect(client.requestNoContent('/api/v1/auth/sign-out', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('sends the CSRF token from its cookie on writes, never on reads', async () => {
    document.cookie = 'rightly_csrf=token-123; path=/';
    const fetchImpl = fakeFetch([
      { method: 'POST', path: '/api/v1/auth/sign-out', status: 204 },
      { path: '/api/v1/me', status: 200, body: meFixture() },
    ]);
    const client = createApiClient(fetchImpl);
    await client.requestNoContent('/api/v1/auth/sign-out', { method: 'POST' });
    await client.request('/api/v1/me', meSchema);
    expect(fetchImpl.mock.calls[0]?.[1]?.headers).toMatchObject({ 'x-csrf-token': 'token-123' });
    expect(fetchImpl.mock.calls[1]?.[1]?.headers).not.toHaveProperty('x-csrf-token');
    document.cookie = 'rightly_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('reads the __Host- CSRF cookie used over HTTPS', () => {
    expect(readCsrfToken('a=b; __Host-rightly_csrf=abc_-9; c=d')).toBe('abc_-9');
    expect(readCsrfToken('a=b')).toBeNull();
  });
});
