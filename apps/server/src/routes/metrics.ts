import { customMetricInputSchema, metricSchema, metricsResponseSchema, problemSchema } from '@rightly/core';
import { createCustomMetric, listMetrics, type ServiceDeps } from '@rightly/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { viewerOf } from '../plugins/auth';

export const metricRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/metrics',
    {
      schema: {
        tags: ['expectations'],
        summary: 'The metric catalogue (built-in, then custom), each with kind, right, unit and definition',
        security: [{ session: [] }],
        response: { 200: metricsResponseSchema, 401: problemSchema },
      },
    },
    async (request) => ({ metrics: await listMetrics(deps, { viewer: viewerOf(request) }) }),
  );

  app.post(
    '/api/v1/metrics',
    {
      schema: {
        tags: ['expectations'],
        summary: 'Define a custom metric as data (filter + aggregate); leaders and admins',
        description: 'Never SQL: the definition is validated and compiled by Rightly.',
        security: [{ session: [] }],
        body: customMetricInputSchema,
        response: { 201: metricSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const metric = await createCustomMetric(deps, { viewer: viewerOf(request), metric: request.body });
      return reply.status(201).send(metric);
    },
  );
};
