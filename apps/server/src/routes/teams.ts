import {
  createTeamBodySchema,
  idSchema,
  problemSchema,
  teamSchema,
  teamsResponseSchema,
  updateTeamBodySchema,
} from '@rightly/core';
import { createTeam, listTeams, updateTeam, type ServiceDeps } from '@rightly/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { viewerOf } from '../plugins/auth';

const writeErrors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

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

  app.post(
    '/api/v1/teams',
    {
      schema: {
        tags: ['team'],
        summary: 'Create a team, optionally under a parent team and with a leader',
        description: 'Admins only. Members join a team through PATCH /api/v1/users/:id {teamId}.',
        security: [{ session: [] }],
        body: createTeamBodySchema,
        response: { 201: teamSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const team = await createTeam(deps, { viewer: viewerOf(request), ...request.body });
      return reply.status(201).send(team);
    },
  );

  app.patch(
    '/api/v1/teams/:id',
    {
      schema: {
        tags: ['team'],
        summary: 'Rename a team, move it under another parent (parentId null: top level) or set its leader',
        description: 'Admins only. 409 when the move would put a team below itself or the name is taken.',
        security: [{ session: [] }],
        params: z.object({ id: idSchema }),
        body: updateTeamBodySchema,
        response: { 200: teamSchema, ...writeErrors },
      },
    },
    (request) => updateTeam(deps, { viewer: viewerOf(request), teamId: request.params.id, ...request.body }),
  );
};
