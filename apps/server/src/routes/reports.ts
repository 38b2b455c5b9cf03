import {
  idSchema,
  problemSchema,
  putReportingCadenceBodySchema,
  reportingSettingsSchema,
  reportingCadencesQuerySchema,
  reportingCadencesResponseSchema,
  resolveDiscrepancyBodySchema,
  selfReportItemSchema,
  selfReportsQuerySchema,
  selfReportsResponseSchema,
  submitSelfReportBodySchema,
} from '@rightly/core';
import {
  getReportingCadences,
  getReportingSettings,
  updateReportingSettings,
  listSelfReports,
  resolveDiscrepancy,
  setReportingCadence,
  submitSelfReport,
  type ServiceDeps,
} from '@rightly/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { viewerOf } from '../plugins/auth';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const security = [{ session: [] }];

export const reportRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/self-reports',
    {
      schema: {
        tags: ['self-reports'],
        security,
        summary: 'Self-reports due, filed, late and missing, with the CRM figure beside each (own, or your teams’)',
        querystring: selfReportsQuerySchema,
        response: { 200: selfReportsResponseSchema, ...errors },
      },
    },
    (request) =>
      listSelfReports(deps, {
        viewer: viewerOf(request),
        repId: request.query.rep,
        team: request.query.team,
        from: request.query.from,
        to: request.query.to,
        status: request.query.status,
      }),
  );

  app.post(
    '/api/v1/self-reports',
    {
      schema: {
        tags: ['self-reports'],
        security,
        summary: 'File (or correct) your own self-report for an expectation and reporting window',
        body: submitSelfReportBodySchema,
        response: { 200: selfReportItemSchema, ...errors },
      },
    },
    (request) => submitSelfReport(deps, { viewer: viewerOf(request), report: request.body }),
  );

  app.post(
    '/api/v1/self-reports/:id/resolution',
    {
      schema: {
        tags: ['self-reports'],
        security,
        summary: 'Resolve a discrepancy between a report and the CRM (leaders of the rep, admins)',
        params: z.object({ id: idSchema }),
        body: resolveDiscrepancyBodySchema,
        response: { 200: selfReportItemSchema, ...errors },
      },
    },
    (request) =>
      resolveDiscrepancy(deps, {
        viewer: viewerOf(request),
        id: request.params.id,
        resolution: request.body.resolution,
        note: request.body.note,
        correctedValue: request.body.correctedValue,
      }),
  );

  app.get(
    '/api/v1/reporting-cadences',
    {
      schema: {
        tags: ['reporting-cadences'],
        security,
        summary: 'Each rep’s reporting cadence, where it comes from, its history and a suggested change',
        querystring: reportingCadencesQuerySchema,
        response: { 200: reportingCadencesResponseSchema, ...errors },
      },
    },
    (request) =>
      getReportingCadences(deps, { viewer: viewerOf(request), repId: request.query.rep, team: request.query.team }),
  );

  app.put(
    '/api/v1/reporting-cadences',
    {
      schema: {
        tags: ['reporting-cadences'],
        security,
        summary: 'Set the org default, a team’s or a rep’s cadence from tomorrow (null removes an override)',
        body: putReportingCadenceBodySchema,
        response: { 200: reportingCadencesResponseSchema, ...errors },
      },
    },
    (request) => setReportingCadence(deps, { viewer: viewerOf(request), change: request.body }),
  );

  app.get(
    '/api/v1/reporting-settings',
    {
      schema: {
        tags: ['reporting-cadences'],
        security,
        summary: 'When reports fall due, reminders and digests go out, the discrepancy tolerance and the cadence rules',
        response: { 200: reportingSettingsSchema, 401: problemSchema },
      },
    },
    (request) => getReportingSettings(deps, { viewer: viewerOf(request) }),
  );

  app.put(
    '/api/v1/reporting-settings',
    {
      schema: {
        tags: ['reporting-cadences'],
        security,
        summary: 'Change the reporting settings (admins)',
        body: reportingSettingsSchema,
        response: { 200: reportingSettingsSchema, ...errors },
      },
    },
    (request) => updateReportingSettings(deps, { viewer: viewerOf(request), settings: request.body }),
  );
};
