import {
  addCommitmentBodySchema,
  addSessionBodySchema,
  closePlanBodySchema,
  coachingPlanSchema,
  coachingPlansQuerySchema,
  coachingPlansResponseSchema,
  commitmentSchema,
  createCoachingPlanBodySchema,
  idSchema,
  ladderResponseSchema,
  ladderStepBodySchema,
  ladderStepResponseSchema,
  matrixExportQuerySchema,
  problemSchema,
  teamHealthQuerySchema,
  teamHealthSchema,
  updateCommitmentBodySchema,
} from '@rightly/core';
import {
  addCoachingCommitment,
  addCoachingSession,
  closeCoachingPlan,
  createCoachingPlan,
  exportCoachingPlanPdf,
  exportMatrixCsv,
  getCoachingPlan,
  getLadder,
  getTeamHealth,
  listCoachingPlans,
  takeLadderStep,
  updateCoachingCommitment,
  type ServiceDeps,
} from '@rightly/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { viewerOf } from '../plugins/auth';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const withConflict = { ...errors, 409: problemSchema };
const security = [{ session: [] }];
const tags = ['coaching'];
const idParams = z.object({ id: idSchema });

export const coachingRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/coaching-plans',
    {
      schema: {
        tags,
        security,
        summary: 'Coaching plans you may see (own, your teams’, or all for admins), by rep, team or status',
        querystring: coachingPlansQuerySchema,
        response: { 200: coachingPlansResponseSchema, ...errors },
      },
    },
    (request) => listCoachingPlans(deps, { viewer: viewerOf(request), ...request.query }),
  );

  app.post(
    '/api/v1/coaching-plans',
    {
      schema: {
        tags,
        security,
        summary: 'Start a coaching plan for a rep (leaders of the rep, admins); fromNeedsHelp fills focus and evidence',
        body: createCoachingPlanBodySchema,
        response: { 201: coachingPlanSchema, ...withConflict },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCoachingPlan(deps, { viewer: viewerOf(request), plan: request.body })),
  );

  app.get(
    '/api/v1/coaching-plans/:id',
    {
      schema: {
        tags,
        security,
        summary: 'A coaching plan with its sessions, commitments and measured effect',
        params: idParams,
        response: { 200: coachingPlanSchema, ...errors },
      },
    },
    (request) => getCoachingPlan(deps, { viewer: viewerOf(request), id: request.params.id }),
  );

  app.post(
    '/api/v1/coaching-plans/:id/sessions',
    {
      schema: {
        tags,
        security,
        summary: 'Record a 1:1 session (agenda filled in from evidence, commitments and self-reports)',
        params: idParams,
        body: addSessionBodySchema,
        response: { 201: coachingPlanSchema, ...withConflict },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await addCoachingSession(deps, {
          viewer: viewerOf(request),
          planId: request.params.id,
          session: request.body,
        }),
      ),
  );

  app.post(
    '/api/v1/coaching-plans/:id/commitments',
    {
      schema: {
        tags,
        security,
        summary: 'Add a commitment (action item with an owner and a due date) to a plan',
        params: idParams,
        body: addCommitmentBodySchema,
        response: { 201: coachingPlanSchema, ...withConflict },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await addCoachingCommitment(deps, {
          viewer: viewerOf(request),
          planId: request.params.id,
          commitment: request.body,
        }),
      ),
  );

  app.patch(
    '/api/v1/commitments/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Check a commitment off or open it again (the rep their own, leaders any of their reps’)',
        params: idParams,
        body: updateCommitmentBodySchema,
        response: { 200: commitmentSchema, ...errors },
      },
    },
    (request) =>
      updateCoachingCommitment(deps, { viewer: viewerOf(request), id: request.params.id, done: request.body.done }),
  );

  app.post(
    '/api/v1/coaching-plans/:id/close',
    {
      schema: {
        tags,
        security,
        summary: 'Close a coaching plan with its outcome',
        params: idParams,
        body: closePlanBodySchema,
        response: { 200: coachingPlanSchema, ...withConflict },
      },
    },
    (request) => closeCoachingPlan(deps, { viewer: viewerOf(request), planId: request.params.id, close: request.body }),
  );

  app.get(
    '/api/v1/coaching-plans/:id/export.pdf',
    {
      schema: {
        tags,
        security,
        summary: 'A coaching plan with its whole history as a PDF for HR (leaders of the rep, admins; audited)',
        description: 'Answers application/pdf (a download). Errors are problem+json: 401, 403, 404.',
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await exportCoachingPlanPdf(deps, { viewer: viewerOf(request), planId: request.params.id });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.pdf);
    },
  );

  app.get(
    '/api/v1/reps/:id/ladder',
    {
      schema: {
        tags,
        security,
        summary: 'A rep’s place on the consequence ladder, the steps on record and what the next step needs',
        params: idParams,
        response: { 200: ladderResponseSchema, ...errors },
      },
    },
    (request) => getLadder(deps, { viewer: viewerOf(request), repId: request.params.id }),
  );

  app.post(
    '/api/v1/reps/:id/ladder-steps',
    {
      schema: {
        tags,
        security,
        summary: 'Take a ladder step; refused with 409 naming every missing requirement (audited)',
        params: idParams,
        body: ladderStepBodySchema,
        response: { 201: ladderStepResponseSchema, ...withConflict },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await takeLadderStep(deps, { viewer: viewerOf(request), repId: request.params.id, step: request.body })),
  );

  app.get(
    '/api/v1/coaching/health',
    {
      schema: {
        tags,
        security,
        summary: 'Accountability health panel: expectations, reports on time, plans, escalation rate, 13-week trend',
        querystring: teamHealthQuerySchema,
        response: { 200: teamHealthSchema, ...errors },
      },
    },
    (request) => getTeamHealth(deps, { viewer: viewerOf(request), team: request.query.team }),
  );

  app.get(
    '/api/v1/assessments/export.csv',
    {
      schema: {
        tags: ['assessments'],
        security,
        summary: 'The team matrix as CSV (audited)',
        description:
          'Answers text/csv (a download). Text cells starting with = + - @, a tab or a carriage return are ' +
          'prefixed with an apostrophe so a spreadsheet shows them as text. Errors are problem+json.',
        querystring: matrixExportQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await exportMatrixCsv(deps, {
        viewer: viewerOf(request),
        team: request.query.team,
        period: request.query.period,
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.csv);
    },
  );
};
