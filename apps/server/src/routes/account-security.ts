import {
  acceptedSchema,
  changePasswordBodySchema,
  mySessionsSchema,
  passwordResetCompleteBodySchema,
  passwordResetRequestBodySchema,
  problemSchema,
  signOutEverywhereBodySchema,
  signOutEverywhereResultSchema,
} from '@rightly/core';
import {
  changePassword,
  completePasswordReset,
  endMySession,
  listMySessions,
  requestPasswordReset,
  signOutEverywhere,
  type PasswordResetDeps,
} from '@rightly/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookie, readSessionCookie, viewerOf } from '../plugins/auth';
import { clearCsrfCookie } from '../plugins/csrf';

const tags = ['auth'];
const security = [{ session: [] }];

/** My sessions, signing out everywhere, password reset by e-mail and changing my password. */
export const accountSecurityRoutes: FastifyPluginAsyncZod<{ deps: PasswordResetDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/auth/sessions',
    {
      schema: {
        tags,
        security,
        summary: 'My sessions that have not ended, the one making this request marked current',
        response: { 200: mySessionsSchema, 401: problemSchema },
      },
    },
    async (request) => ({
      sessions: await listMySessions(deps, { viewer: viewerOf(request), cookieValue: readSessionCookie(request) }),
    }),
  );

  app.delete(
    '/api/v1/auth/sessions/:id',
    {
      schema: {
        tags,
        security,
        summary: 'End one of my other sessions (the current one ends with sign-out)',
        params: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a session id from the list') }),
        response: { 204: z.null(), 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      await endMySession(deps, {
        viewer: viewerOf(request),
        cookieValue: readSessionCookie(request),
        sessionId: request.params.id,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/sign-out-everywhere',
    {
      schema: {
        tags,
        security,
        summary: 'End all my sessions, this one too unless keepCurrent is true',
        body: signOutEverywhereBodySchema.nullish(),
        response: { 200: signOutEverywhereResultSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      const keepCurrent = request.body?.keepCurrent ?? false;
      const ended = await signOutEverywhere(deps, {
        viewer: viewerOf(request),
        cookieValue: readSessionCookie(request),
        keepCurrent,
      });
      if (!keepCurrent) {
        clearSessionCookie(reply);
        clearCsrfCookie(reply);
      }
      return { ended };
    },
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'E-mail a password-reset link; the answer never says whether the e-mail has an account',
        body: passwordResetRequestBodySchema,
        response: { 202: acceptedSchema, 400: problemSchema, 403: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(deps, { email: request.body.email, ipAddress: request.ip });
      return reply.status(202).send({
        message:
          'If this e-mail belongs to an account, a link to set a new password is on its way. It works once, for 30 minutes.',
      });
    },
  );

  app.post(
    '/api/v1/auth/password-reset/complete',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Set a new password with the token from a reset link; ends all sessions of the user',
        body: passwordResetCompleteBodySchema,
        response: { 204: z.null(), 400: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      await completePasswordReset(deps, request.body);
      // Whatever session this browser had is gone with the others.
      clearSessionCookie(reply);
      clearCsrfCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags,
        security,
        summary: 'Change my password (needs the current one); my other sessions end',
        body: changePasswordBodySchema,
        response: {
          204: z.null(),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      await changePassword(deps, {
        viewer: viewerOf(request),
        cookieValue: readSessionCookie(request),
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
        ipAddress: request.ip,
      });
      return reply.status(204).send(null);
    },
  );
};
