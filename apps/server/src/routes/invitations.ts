import {
  acceptInvitationBodySchema,
  createInvitationBodySchema,
  createInvitationResponseSchema,
  idSchema,
  invitationPreviewSchema,
  invitationsResponseSchema,
  invitationTokenBodySchema,
  meSchema,
  problemSchema,
} from '@rightly/core';
import {
  acceptInvitation,
  getMe,
  inviteUser,
  listInvitations,
  previewInvitation,
  revokeInvitation,
  withOrgScope,
  type PeopleDeps,
} from '@rightly/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setSessionCookie, viewerOf } from '../plugins/auth';
import { setCsrfCookie } from '../plugins/csrf';

const adminOnly = 'Admins only: leaders and reps get 403.';

export const invitationRoutes: FastifyPluginAsyncZod<{ deps: PeopleDeps }> = async (app, { deps }) => {
  app.post(
    '/api/v1/invitations',
    {
      schema: {
        tags: ['people'],
        summary: 'Invite someone by e-mail with a role and optional team; the link expires in 7 days and works once',
        description: `${adminOnly} Inviting an address with an open invitation replaces it. Without SMTP (or when sending fails) the response carries the link for the admin to pass on.`,
        security: [{ session: [] }],
        body: createInvitationBodySchema,
        response: {
          201: createInvitationResponseSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await inviteUser(deps, { viewer: viewerOf(request), ...request.body });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/v1/invitations',
    {
      schema: {
        tags: ['people'],
        summary: 'Invitations not yet accepted or revoked, pending and expired',
        description: adminOnly,
        security: [{ session: [] }],
        response: { 200: invitationsResponseSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    (request) => listInvitations(deps, { viewer: viewerOf(request) }),
  );

  app.delete(
    '/api/v1/invitations/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'Revoke an open invitation: its link stops working',
        description: adminOnly,
        security: [{ session: [] }],
        params: z.object({ id: idSchema }),
        response: { 204: z.null(), 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await revokeInvitation(deps, { viewer: viewerOf(request), invitationId: request.params.id });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/invitations/preview',
    {
      config: { public: true },
      schema: {
        tags: ['people'],
        summary: 'What an invitation link is for (organization, e-mail, role), for the accept page',
        description: 'Public: the token is the key. Every invalid, expired, used or revoked link gets the same 404.',
        body: invitationTokenBodySchema,
        response: { 200: invitationPreviewSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    (request) => previewInvitation(deps, { token: request.body.token }),
  );

  app.post(
    '/api/v1/invitations/accept',
    {
      config: { public: true },
      schema: {
        tags: ['people'],
        summary: 'Accept an invitation: creates the user with the invited role and team and signs them in',
        description: 'Public: the token is the key; it works once. Passwords need at least 12 characters.',
        body: acceptInvitationBodySchema,
        response: { 200: meSchema, 400: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const result = await acceptInvitation(deps, {
        ...request.body,
        userAgent: request.headers['user-agent'],
        ipAddress: request.ip,
      });
      setSessionCookie(reply, { value: result.cookieValue, expiresAt: result.expiresAt });
      setCsrfCookie(reply, {
        secret: deps.sessionSecret,
        sessionCookieValue: result.cookieValue,
        expiresAt: result.expiresAt,
      });
      // A public route: the request had no org; answer in the new user's (row-level security).
      return withOrgScope({ orgId: result.viewer.orgId }, () => getMe(deps, { viewer: result.viewer }));
    },
  );
};
