import {
  putSsoSettingsBodySchema,
  problemSchema,
  ssoCallbackQuerySchema,
  ssoSettingsSchema,
  ssoStartQuerySchema,
} from '@rightly/core';
import {
  completeSsoSignIn,
  getSsoSettings,
  SSO_STATE_TTL_MS,
  startSsoSignIn,
  updateSsoSettings,
  type SessionDeps,
} from '@rightly/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setSessionCookie, viewerOf } from '../plugins/auth';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const security = [{ session: [] }];

/** Binds a callback to the browser that started the sign-in; `__Host-` over HTTPS, as for sessions. */
const PLAIN_STATE_COOKIE = 'rightly_sso';
const HOST_STATE_COOKIE = '__Host-rightly_sso';

function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function readStateCookie(request: FastifyRequest): string | undefined {
  return request.cookies[HOST_STATE_COOKIE] ?? request.cookies[PLAIN_STATE_COOKIE];
}

function setStateCookie(reply: FastifyReply, value: string | null): void {
  const secure = reply.request.protocol === 'https';
  const name = secure ? HOST_STATE_COOKIE : PLAIN_STATE_COOKIE;
  if (value === null) {
    reply.clearCookie(name, { path: '/', secure });
    return;
  }
  // Lax, not Strict: the provider's redirect back is a cross-site top-level GET, which Lax allows.
  reply.setCookie(name, value, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: SSO_STATE_TTL_MS / 1000 });
}

function toSignInPage(reply: FastifyReply, code: string): FastifyReply {
  return reply.redirect(`/sign-in?sso_error=${encodeURIComponent(code)}`, 303);
}

export const ssoRoutes: FastifyPluginAsyncZod<{ deps: SessionDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/sso-settings',
    {
      schema: {
        tags: ['sso'],
        security,
        summary: 'The organization’s OpenID Connect settings (admins); the client secret shows only as set or not set',
        response: { 200: ssoSettingsSchema, ...errors },
      },
    },
    (request) => getSsoSettings(deps, { viewer: viewerOf(request), origin: originOf(request) }),
  );

  app.put(
    '/api/v1/sso-settings',
    {
      schema: {
        tags: ['sso'],
        security,
        summary: 'Change the OpenID Connect settings (admins); omit clientSecret to keep the stored one',
        body: putSsoSettingsBodySchema,
        response: { 200: ssoSettingsSchema, ...errors },
      },
    },
    (request) =>
      updateSsoSettings(deps, { viewer: viewerOf(request), origin: originOf(request), settings: request.body }),
  );

  app.get(
    '/api/v1/auth/sso/start',
    {
      config: { public: true },
      schema: {
        tags: ['sso'],
        summary:
          'Start signing in with the organization’s identity provider (by e-mail or org id); redirects to the provider, or back to /sign-in?sso_error=… when SSO does not apply',
        querystring: ssoStartQuerySchema,
        response: { 400: problemSchema },
      },
    },
    async (request, reply) => {
      const started = await startSsoSignIn(deps, {
        email: request.query.email,
        orgId: request.query.org,
        returnTo: request.query.returnTo,
        origin: originOf(request),
      });
      if (!started.ok) return toSignInPage(reply, started.code);
      setStateCookie(reply, started.stateCookie);
      return reply.redirect(started.redirectTo, 303);
    },
  );

  app.get(
    '/api/v1/auth/sso/callback',
    {
      config: { public: true },
      schema: {
        tags: ['sso'],
        summary:
          'Where the identity provider sends the browser back; sets the session cookie and redirects into the app',
        querystring: ssoCallbackQuerySchema,
      },
    },
    async (request, reply) => {
      const result = await completeSsoSignIn(deps, {
        stateCookie: readStateCookie(request),
        query: request.url.split('?')[1] ?? '',
        userAgent: request.headers['user-agent'],
        ipAddress: request.ip,
      });
      setStateCookie(reply, null);
      if (!result.ok) {
        request.log.info({ ssoError: result.code }, 'SSO sign-in refused');
        return toSignInPage(reply, result.code);
      }
      setSessionCookie(reply, { value: result.cookieValue, expiresAt: result.expiresAt });
      return reply.redirect(result.returnTo, 303);
    },
  );
};
