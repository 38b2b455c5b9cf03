import { healthSchema, problemSchema } from '@rightly/core';
import { checkHealth, type ServiceDeps } from '@rightly/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const healthRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Is the service up and its database reachable and current?',
        response: { 200: healthSchema, 503: problemSchema },
      },
    },
    () => checkHealth(deps),
  );
};
