import { problemSchema, rosterQuerySchema, rosterSchema } from '@rightly/core';
import { getTeamRoster, type ServiceDeps } from '@rightly/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { viewerOf } from '../plugins/auth';

export const rosterRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/roster',
    {
      schema: {
        tags: ['team'],
        summary: 'Reps the caller may see, with activities and held meetings over the last 4 weeks',
        description:
          'An admin sees every rep, a leader the reps of the teams they lead (sub-teams included), a rep only themselves.',
        security: [{ session: [] }],
        querystring: rosterQuerySchema,
        response: { 200: rosterSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    (request) => getTeamRoster(deps, { viewer: viewerOf(request), weeks: request.query.weeks }),
  );
};
