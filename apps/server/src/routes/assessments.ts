import {
  assessmentsQuerySchema,
  forecastQuerySchema,
  forecastResponseSchema,
  idSchema,
  problemSchema,
  repAssessmentQuerySchema,
  repAssessmentSchema,
  teamAssessmentSchema,
} from '@rightly/core';
import { assessTeam, getForecast, getRepAssessment, type ServiceDeps } from '@rightly/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { viewerOf } from '../plugins/auth';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };
const security = [{ session: [] }];

export const assessmentRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/assessments',
    {
      schema: {
        tags: ['assessments'],
        security,
        summary: 'The team matrix: each rep on the right thing, way and time, with evidence, and who needs help',
        description:
          'period: 2026-W05, 2026-01, 2026-Q1 or 2026-01-05..2026-02-13 (default: this week). asOf: assess as of an earlier date. team: id or name, sub-teams included.',
        querystring: assessmentsQuerySchema,
        response: { 200: teamAssessmentSchema, ...errors },
      },
    },
    (request) =>
      assessTeam(deps, {
        viewer: viewerOf(request),
        team: request.query.team ?? null,
        period: request.query.period ?? null,
        asOf: request.query.asOf ?? null,
      }),
  );

  app.get(
    '/api/v1/reps/:id/assessment',
    {
      schema: {
        tags: ['assessments'],
        security,
        summary: 'One rep: evidence per right for a period, and the trend over the periods before',
        params: z.object({ id: idSchema }),
        querystring: repAssessmentQuerySchema,
        response: { 200: repAssessmentSchema, ...errors },
      },
    },
    (request) =>
      getRepAssessment(deps, {
        viewer: viewerOf(request),
        repId: request.params.id,
        period: request.query.period ?? null,
        asOf: request.query.asOf ?? null,
        periods: request.query.periods,
      }),
  );

  app.get(
    '/api/v1/forecast',
    {
      schema: {
        tags: ['assessments'],
        security,
        summary: 'Bookings forecast per month for a rep, a team or everyone visible, with the gap to target',
        querystring: forecastQuerySchema,
        response: { 200: forecastResponseSchema, ...errors },
      },
    },
    (request) =>
      getForecast(deps, {
        viewer: viewerOf(request),
        rep: request.query.rep ?? null,
        team: request.query.team ?? null,
        months: request.query.months,
        asOf: request.query.asOf ?? null,
      }),
  );
};
