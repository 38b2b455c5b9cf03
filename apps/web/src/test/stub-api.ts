import { vi } from 'vitest';
import { jsonResponse } from './json-response';

export interface StubRequest {
  method: string;
  url: URL;
  body: unknown;
}
type Handler = (request: StubRequest) => Response | Promise<Response>;

/**
 * Stubs the global `fetch` with handlers keyed `"GET /api/v1/me"` (a trailing `*` matches any rest
 * of the path). Anything else fails the test loudly. Returns the requests made, for assertions.
 */
export function stubApi(handlers: Record<string, Handler | object>) {
  const requests: StubRequest[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = { method, url, body };
    requests.push(request);
    const key = Object.keys(handlers).find((candidate) => {
      const [candidateMethod, pattern = ''] = candidate.split(' ');
      if (candidateMethod !== method) return false;
      return pattern.endsWith('*') ? url.pathname.startsWith(pattern.slice(0, -1)) : url.pathname === pattern;
    });
    if (!key) throw new Error(`Unexpected request in test: ${method} ${url.pathname}${url.search}`);
    const handler = handlers[key];
    return typeof handler === 'function' ? (handler as Handler)(request) : jsonResponse(200, handler);
  });
  vi.stubGlobal('fetch', fetchImpl);
  return { requests, fetchImpl };
}

/** Recharts and happy-dom: no layout, so charts warn they are 0×0. Other warnings still show. */
export function silenceChartSizeWarnings() {
  const warn = console.warn.bind(console);
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('of chart should be greater than 0')) return;
    warn(...args);
  });
}
