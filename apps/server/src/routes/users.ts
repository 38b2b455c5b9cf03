import { idSchema, managedUserSchema, problemSchema, updateUserBodySchema, usersResponseSchema } from '@rightly/core';
import { listUsers, setUserActivation, updateUser, type ServiceDeps } from '@rightly/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { viewerOf } from '../plugins/auth';

const idParams = z.object({ id: idSchema });
const writeErrors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

export const userRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['people'],
        summary: 'Every user of the organization, deactivated ones included, with role, team and status',
        description: 'Admins only: leaders and reps get 403 (they see people through /api/v1/roster).',
        security: [{ session: [] }],
        response: { 200: usersResponseSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    (request) => listUsers(deps, { viewer: viewerOf(request) }),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['people'],
        summary: "Change a user's name, role or team (teamId null: no team)",
        description:
          'Admins only. 409 when it would leave no active admin, or make a rep of someone who still leads a team.',
        security: [{ session: [] }],
        params: idParams,
        body: updateUserBodySchema,
        response: { 200: managedUserSchema, ...writeErrors },
      },
    },
    (request) => updateUser(deps, { viewer: viewerOf(request), userId: request.params.id, ...request.body }),
  );

  app.post(
    '/api/v1/users/:id/deactivate',
    {
      schema: {
        tags: ['people'],
        summary: 'Deactivate a user: they cannot sign in and their sessions end; their history stays',
        description: 'Admins only. 409 for the last active admin and for someone who still leads a team.',
        security: [{ session: [] }],
        params: idParams,
        response: { 200: managedUserSchema, ...writeErrors },
      },
    },
    (request) => setUserActivation(deps, { viewer: viewerOf(request), userId: request.params.id, active: false }),
  );

  app.post(
    '/api/v1/users/:id/reactivate',
    {
      schema: {
        tags: ['people'],
        summary: 'Reactivate a user: they can sign in again',
        description: 'Admins only.',
        security: [{ session: [] }],
        params: idParams,
        response: { 200: managedUserSchema, ...writeErrors },
      },
    },
    (request) => setUserActivation(deps, { viewer: viewerOf(request), userId: request.params.id, active: true }),
  );
};
