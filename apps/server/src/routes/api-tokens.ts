import {
  apiTokenListSchema,
  createApiTokenBodySchema,
  createdApiTokenSchema,
  idSchema,
  problemSchema,
} from '@rightly/core';
import { createApiToken, listApiTokensFor, revokeApiTokenFor, type SessionDeps } from '@rightly/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { viewerOf } from '../plugins/auth';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const security = [{ session: [] }];

export const apiTokenRoutes: FastifyPluginAsyncZod<{ deps: SessionDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/api-tokens',
    {
      schema: {
        tags: ['api-tokens'],
        security,
        summary: 'Your live API tokens (admins: the whole organization’s); never the tokens themselves',
        response: { 200: apiTokenListSchema, ...errors },
      },
    },
    (request) => listApiTokensFor(deps, { viewer: viewerOf(request) }),
  );

  app.post(
    '/api/v1/api-tokens',
    {
      schema: {
        tags: ['api-tokens'],
        security,
        summary:
          'Create an API token acting as you within its scopes (admins and leaders); the token is shown only in this answer',
        body: createApiTokenBodySchema,
        response: { 201: createdApiTokenSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(deps, { viewer: viewerOf(request), body: request.body });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/v1/api-tokens/:id',
    {
      schema: {
        tags: ['api-tokens'],
        security,
        summary: 'Revoke an API token (your own; admins: any of the organization’s)',
        params: z.object({ id: idSchema }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeApiTokenFor(deps, { viewer: viewerOf(request), tokenId: request.params.id });
      return reply.status(204).send(null);
    },
  );
};
