import { vi } from 'vitest';

export interface FakeRoute {
  method?: string;
  path: string;
  status: number;
  body?: unknown;
  contentType?: string;
}

/**
 * A `fetch` that answers from a table of routes (the first match by method and path wins) and
 * fails loudly for anything else, so a test notices a request it did not plan for.
 */
export function fakeFetch(routes: FakeRoute[]) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input instanceof Request ? input.url : input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const route = routes.find((candidate) => (candidate.method ?? 'GET') === method && candidate.path === url.pathname);
    if (!route) throw new Error(`Unexpected request in test: ${method} ${url.pathname}`);
    if (route.status === 204) return new Response(null, { status: 204 });
    return new Response(route.body === undefined ? null : JSON.stringify(route.body), {
      status: route.status,
      headers: {
        'content-type': route.contentType ?? (route.status >= 400 ? 'application/problem+json' : 'application/json'),
      },
    });
  });
}

export function problem(status: number, code: string, detail: string, errors?: { field: string; message: string }[]) {
  return {
    type: `/api/problems/${code}`,
    title: code,
    status,
    detail,
    code,
    ...(errors ? { errors } : {}),
    requestId: 'req-test-1',
  };
}
