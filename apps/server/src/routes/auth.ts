import { demoSignInsSchema, meSchema, problemSchema, signInBodySchema } from '@rightly/core';
import {
  DEMO_SIGN_INS,
  getMe,
  hasDemoOrganization,
  signIn,
  signOut,
  withOrgScope,
  type SessionDeps,
} from '@rightly/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookie, readSessionCookie, setSessionCookie, viewerOf } from '../plugins/auth';
import { clearCsrfCookie, setCsrfCookie } from '../plugins/csrf';

export const authRoutes: FastifyPluginAsyncZod<{ deps: SessionDeps }> = async (app, { deps }) => {
  app.post(
    '/api/v1/auth/sign-in',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: signInBodySchema,
        response: { 200: meSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const result = await signIn(deps, {
        email: request.body.email,
        password: request.body.password,
        userAgent: request.headers['user-agent'],
        ipAddress: request.ip,
      });
      setSessionCookie(reply, { value: result.cookieValue, expiresAt: result.expiresAt });
      setCsrfCookie(reply, {
        secret: deps.sessionSecret,
        sessionCookieValue: result.cookieValue,
        expiresAt: result.expiresAt,
      });
      // The request came without (or with another org's) session: answer in the signed-in org's scope.
      return withOrgScope({ orgId: result.viewer.orgId }, () => getMe(deps, { viewer: result.viewer }));
    },
  );

  app.get(
    '/api/v1/auth/demo-sign-ins',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'The demo sign-ins, for the sign-in page; empty unless the demo organization exists',
        response: { 200: demoSignInsSchema },
      },
    },
    async () => ({ signIns: (await hasDemoOrganization(deps)) ? DEMO_SIGN_INS : [] }),
  );

  app.post(
    '/api/v1/auth/sign-out',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'End the current session; succeeds without one too',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await signOut(deps, { cookieValue: readSessionCookie(request) });
      clearSessionCookie(reply);
      clearCsrfCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, their organization and teams',
        security: [{ session: [] }],
        response: { 200: meSchema, 401: problemSchema },
      },
    },
    (request) => getMe(deps, { viewer: viewerOf(request) }),
  );
};
