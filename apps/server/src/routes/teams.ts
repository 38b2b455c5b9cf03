import { problemSchema, teamsResponseSchema } from '@rightly/core';
import { listTeams, type ServiceDeps } from '@rightly/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { viewerOf } from '../plugins/auth';

export const teamRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/teams',
    {
      schema: {
        tags: ['team'],
        summary: 'Teams the caller may pick: all for an admin, the led tree for a leader, their own for a rep',
        security: [{ session: [] }],
        response: { 200: teamsResponseSchema, 401: problemSchema },
      },
    },
    async (request) => ({ teams: await listTeams(deps, { viewer: viewerOf(request) }) }),
  );
};
