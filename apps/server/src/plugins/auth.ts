import { AppError, type Viewer } from '@rightly/core';
import { parseApiToken, parseSessionCookie, resolveSession, runInOrgScope, type SessionDeps } from '@rightly/services';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { viewerFromBearer } from './api-token-auth';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
  interface FastifyContextConfig {
    /** Marks a route that answers without a session. Every other /api/v1 route requires one. */
    public?: boolean;
  }
}

/**
 * Plain name over HTTP (local use); over HTTPS the `__Host-` prefix makes the browser insist on
 * Secure, path `/` and no Domain, so a sibling subdomain cannot plant or overwrite the cookie.
 */
const PLAIN_COOKIE = 'rightly_session';
const HOST_COOKIE = '__Host-rightly_session';

export function readSessionCookie(request: FastifyRequest): string | undefined {
  return request.cookies[HOST_COOKIE] ?? request.cookies[PLAIN_COOKIE];
}

export function setSessionCookie(reply: FastifyReply, params: { value: string; expiresAt: Date }): void {
  const secure = reply.request.protocol === 'https';
  reply.setCookie(secure ? HOST_COOKIE : PLAIN_COOKIE, params.value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: params.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(PLAIN_COOKIE, { path: '/' });
  reply.clearCookie(HOST_COOKIE, { path: '/', secure: true });
}

/**
 * The org a request's credentials name, read before anything is looked up: the session cookie is
 * `<orgId>.<token>`, an API token `rly_<orgId>_<secret>`. Credentials of other kinds that carry an
 * org id add their reader here. Null when the request names no org (sign-in, health, a missing cookie).
 */
export function requestOrgId(request: FastifyRequest): string | null {
  // A bearer token wins over a cookie, as in the authentication hook below.
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const bearer = /^Bearer (\S+)$/i.exec(authorization.trim())?.[1];
    return bearer ? (parseApiToken(bearer)?.orgId ?? null) : null;
  }
  return parseSessionCookie(readSessionCookie(request))?.orgId ?? null;
}

/** Secure by default: a new /api/v1 route requires a session unless it says `config: { public: true }`. */
export function registerAuth(app: FastifyInstance, deps: SessionDeps): void {
  app.decorateRequest('viewer', null);
  // Tenant isolation in depth: the whole request (hooks, handler, the services it calls) runs in
  // the scope of the org its credentials name, so on PostgreSQL row-level security confines every
  // query to that org, the session lookup included. A forged org id finds no session there.
  // A callback hook, because only `done` called inside the scope carries it into what follows.
  app.addHook('onRequest', (request, _reply, done) => {
    runInOrgScope({ orgId: requestOrgId(request) }, done);
  });
  app.decorateRequest('authMethod', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/') || request.routeOptions.config.public) return;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      request.viewer = await viewerFromBearer(deps, request, authorization);
      request.authMethod = 'token';
      return;
    }
    const viewer = await resolveSession(deps, { cookieValue: readSessionCookie(request) });
    if (!viewer) {
      throw new AppError({
        code: 'unauthenticated',
        message: 'Sign in first (POST /api/v1/auth/sign-in); your session may have ended.',
      });
    }
    request.viewer = viewer;
    request.authMethod = 'session';
  });
}

/** The signed-in viewer of a protected route (the hook above guarantees one). */
export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new AppError({ code: 'unauthenticated', message: 'Sign in first.' });
  return request.viewer;
}
