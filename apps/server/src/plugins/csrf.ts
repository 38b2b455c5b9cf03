import { AppError } from '@rightly/core';
import { csrfTokenFor, isValidCsrfToken, type SessionDeps } from '@rightly/services';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readSessionCookie } from './auth';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A public write that other sites may legitimately send (the RFC 8058 one-click unsubscribe,
     * authorised by its own signed token). Every other write must come from our own pages.
     */
    allowCrossSite?: boolean;
  }
}

/** Readable by the page's script (not HttpOnly): the web app copies it into the header. */
const PLAIN_CSRF_COOKIE = 'rightly_csrf';
const HOST_CSRF_COOKIE = '__Host-rightly_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setCsrfCookie(
  reply: FastifyReply,
  params: { secret: string; sessionCookieValue: string; expiresAt?: Date },
): void {
  const token = csrfTokenFor({ secret: params.secret, cookieValue: params.sessionCookieValue });
  if (!token) return;
  const secure = reply.request.protocol === 'https';
  reply.setCookie(secure ? HOST_CSRF_COOKIE : PLAIN_CSRF_COOKIE, token, {
    path: '/',
    httpOnly: false,
    sameSite: 'strict',
    secure,
    ...(params.expiresAt ? { expires: params.expiresAt } : {}),
  });
}

export function clearCsrfCookie(reply: FastifyReply): void {
  reply.clearCookie(PLAIN_CSRF_COOKIE, { path: '/' });
  reply.clearCookie(HOST_CSRF_COOKIE, { path: '/', secure: true });
}

/**
 * CSRF protection for cookie-authenticated writes (ASVS 4.2.2, 50.4). Runs after the auth hook.
 * - Any write to /api/v1 that a browser marks as coming from another site is refused
 *   (Sec-Fetch-Site, or else Origin against Host), public routes included: that also stops a
 *   forged sign-in ("login CSRF"). Only routes with `allowCrossSite` accept it.
 * - A write authenticated by the session cookie must carry `x-csrf-token`: an HMAC of the
 *   session id, handed to the page in a readable cookie. Another site can make the browser send
 *   the session cookie, but cannot read ours to copy it into a header.
 * - Requests with `Authorization: Bearer` (API tokens) carry no ambient credential and are exempt:
 *   a browser never adds that header to a cross-site request without a CORS preflight we refuse.
 */
export function registerCsrf(app: FastifyInstance, deps: SessionDeps): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/')) return;
    if (/^bearer\s/i.test(request.headers.authorization ?? '')) return;
    const config = request.routeOptions.config;
    const sessionCookie = readSessionCookie(request);
    if (SAFE_METHODS.has(request.method)) {
      // Hand out (or renew) the token to a signed-in page that lacks it, e.g. after an upgrade.
      if (request.viewer && sessionCookie) {
        const expected = csrfTokenFor({ secret: deps.sessionSecret, cookieValue: sessionCookie });
        if (expected && readCsrfCookie(request) !== expected)
          setCsrfCookie(reply, { secret: deps.sessionSecret, sessionCookieValue: sessionCookie });
      }
      return;
    }
    if (!config.allowCrossSite && isCrossSite(request)) {
      throw new AppError({
        code: 'csrf_rejected',
        message:
          'This request came from another site. Rightly accepts changes only from its own pages; open Rightly itself and try again.',
      });
    }
    if (config.public || !request.viewer) return;
    const given = request.headers[CSRF_HEADER];
    if (
      !isValidCsrfToken({
        secret: deps.sessionSecret,
        cookieValue: sessionCookie,
        given: typeof given === 'string' ? given : undefined,
      })
    ) {
      throw new AppError({
        code: 'csrf_rejected',
        message: `Missing or wrong ${CSRF_HEADER} header. Send the value of the ${PLAIN_CSRF_COOKIE} cookie (__Host-${PLAIN_CSRF_COOKIE} over HTTPS) in it, or reload the page; scripts can use an API token (Authorization: Bearer) instead.`,
      });
    }
  });
}

function readCsrfCookie(request: FastifyRequest): string | undefined {
  return request.cookies[HOST_CSRF_COOKIE] ?? request.cookies[PLAIN_CSRF_COOKIE];
}

/**
 * True when the browser says the request comes from another origin. Fetch metadata first (every
 * current browser sends it); else the Origin header against our own host; a request with neither
 * (curl, a server) is not a browser's cross-site request.
 */
function isCrossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  try {
    return new URL(origin).host !== request.host;
  } catch {
    // "null" (sandboxed or privacy-redirected pages) or garbage: not provably ours.
    return true;
  }
}
