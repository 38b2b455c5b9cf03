import { problemSchema } from '@rightly/core';
import { ApiError } from './api-error';

/** Any schema with a throwing `parse`, e.g. the Zod contracts of @rightly/core. */
export interface ResponseSchema<T> {
  parse(data: unknown): T;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** JSON, or a FormData (a file upload) that the browser encodes as multipart itself. */
  body?: unknown;
  signal?: AbortSignal;
}

type Fetch = typeof fetch;

/**
 * The one place the web app talks HTTP. Same origin and a cookie session, so no tokens here.
 * Successful bodies are checked against the shared contract; failures become an `ApiError`.
 */
export function createApiClient(fetchImpl: Fetch = (input, init) => fetch(input, init)) {
  async function send(path: string, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    const init: RequestInit = { method: options.method ?? 'GET', headers, credentials: 'same-origin' };
    if (options.body instanceof FormData) {
      // No content-type: the browser sets multipart/form-data with its boundary.
      init.body = options.body;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    if (options.signal) init.signal = options.signal;
    let response: Response;
    try {
      response = await fetchImpl(path, init);
    } catch (cause) {
      // An aborted query is TanStack Query's business, not an error to show.
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError({
        status: 0,
        code: 'network_error',
        title: 'No connection',
        detail: 'The Rightly server cannot be reached. Check your connection and try again.',
        cause,
      });
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  return {
    /** Sends the request and returns the body parsed by `schema`. */
    async request<T>(path: string, schema: ResponseSchema<T>, options: RequestOptions = {}): Promise<T> {
      const response = await send(path, options);
      const body: unknown = await response.json().catch(() => undefined);
      try {
        return schema.parse(body);
      } catch (cause) {
        throw unexpectedResponse(
          response.status,
          `The answer from ${path} does not match what this page expects.`,
          cause,
        );
      }
    },
    /** For endpoints that answer 204 No Content. */
    async requestNoContent(path: string, options: RequestOptions = {}): Promise<void> {
      await send(path, options);
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The client the app uses; tests build their own with a fake fetch. */
export const api = createApiClient();

async function errorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const problem = problemSchema.safeParse(body);
  if (problem.success) return ApiError.fromProblem(problem.data);
  // A proxy or a crashed process answers without problem+json: still say something useful.
  return unexpectedResponse(
    response.status,
    `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}. Try again in a moment.`,
  );
}

function unexpectedResponse(status: number, detail: string, cause?: unknown): ApiError {
  return new ApiError({ status, code: 'unexpected_response', title: 'Unexpected answer', detail, cause });
}
