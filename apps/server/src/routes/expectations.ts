import {
  adoptTemplateBodySchema,
  endExpectationBodySchema,
  expectationBodySchema,
  expectationPatchBodySchema,
  expectationSchema,
  expectationsResponseSchema,
  idSchema,
  lintBodySchema,
  lintResponseSchema,
  problemSchema,
  targetSuggestionQuerySchema,
  targetSuggestionResponseSchema,
} from '@rightly/core';
import {
  adoptTemplate,
  createExpectation,
  endExpectation,
  getExpectation,
  lintDraft,
  listExpectations,
  suggestTargets,
  updateExpectation,
  type ServiceDeps,
} from '@rightly/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { viewerOf } from '../plugins/auth';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const security = [{ session: [] }];
const tags = ['expectations'];

export const expectationRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/expectations',
    {
      schema: {
        tags,
        security,
        summary: 'Expectations the caller may see (with lint warnings), and the playbook templates',
        response: { 200: expectationsResponseSchema, 401: problemSchema },
      },
    },
    async (request) => {
      const { expectations, templates } = await listExpectations(deps, { viewer: viewerOf(request) });
      return { expectations, templates: [...templates] };
    },
  );

  app.post(
    '/api/v1/expectations',
    {
      schema: {
        tags,
        security,
        summary: 'Create an expectation (leaders for their teams, admins for anyone)',
        body: expectationBodySchema,
        response: { 201: expectationSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createExpectation(deps, { viewer: viewerOf(request), expectation: request.body })),
  );

  app.get(
    '/api/v1/expectations/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One expectation, with its lint warnings',
        params: z.object({ id: idSchema }),
        response: { 200: expectationSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    (request) => getExpectation(deps, { viewer: viewerOf(request), id: request.params.id }),
  );

  app.patch(
    '/api/v1/expectations/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Edit an expectation; the merged result is validated as a whole',
        params: z.object({ id: idSchema }),
        body: expectationPatchBodySchema,
        response: { 200: expectationSchema, ...errors },
      },
    },
    (request) => updateExpectation(deps, { viewer: viewerOf(request), id: request.params.id, patch: request.body }),
  );

  app.post(
    '/api/v1/expectations/:id/end',
    {
      schema: {
        tags,
        security,
        summary: 'End an expectation (it stops applying after endsOn, default today; history is kept)',
        params: z.object({ id: idSchema }),
        body: endExpectationBodySchema,
        response: { 200: expectationSchema, ...errors },
      },
    },
    (request) =>
      endExpectation(deps, {
        viewer: viewerOf(request),
        id: request.params.id,
        ...(request.body.endsOn ? { endsOn: request.body.endsOn } : {}),
      }),
  );

  app.post(
    '/api/v1/expectations/templates/:key/adopt',
    {
      schema: {
        tags,
        security,
        summary: 'Adopt a playbook template in one click; the target is suggested from history',
        params: z.object({ key: z.string().max(60) }),
        body: adoptTemplateBodySchema,
        response: { 201: expectationSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await adoptTemplate(deps, {
          viewer: viewerOf(request),
          key: request.params.key,
          scope: request.body.scope,
          ...(request.body.startsOn ? { startsOn: request.body.startsOn } : {}),
        }),
      ),
  );

  app.get(
    '/api/v1/expectations/target-suggestions',
    {
      schema: {
        tags,
        security,
        summary: 'Suggested targets per rep: the 80th percentile of their last 12 periods',
        querystring: targetSuggestionQuerySchema,
        response: { 200: targetSuggestionResponseSchema, ...errors },
      },
    },
    (request) =>
      suggestTargets(deps, {
        viewer: viewerOf(request),
        metric: request.query.metric,
        period: request.query.period,
        team: request.query.team ?? null,
      }),
  );

  app.post(
    '/api/v1/expectations/lint',
    {
      schema: {
        tags,
        security,
        summary: 'Warnings for a draft expectation, e.g. counting activity with no outcome beside it',
        body: lintBodySchema,
        response: { 200: lintResponseSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => ({
      warnings: await lintDraft(deps, {
        viewer: viewerOf(request),
        expectation: request.body.expectation,
        ...(request.body.id ? { id: request.body.id } : {}),
      }),
    }),
  );
};
