import { auditQuerySchema, auditResponseSchema, problemSchema } from '@rightly/core';
import { exportAuditCsv, listAuditEntries, type ServiceDeps } from '@rightly/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { viewerOf } from '../plugins/auth';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const security = [{ session: [] }];
const tags = ['audit'];
const exportQuerySchema = auditQuerySchema.omit({ before: true, limit: true });

export const auditRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags,
        security,
        summary: 'The append-only audit log, newest first (admins: all; leaders: entries about their reps; reps: 403)',
        description:
          'Filters: action, actor, subject (or rep), from/to (days on the org calendar, inclusive). ' +
          'Pages: pass nextCursor as before for the next, older page.',
        querystring: auditQuerySchema,
        response: { 200: auditResponseSchema, ...errors },
      },
    },
    (request) => listAuditEntries(deps, { viewer: viewerOf(request), ...request.query }),
  );

  app.get(
    '/api/v1/audit/export.csv',
    {
      schema: {
        tags,
        security,
        summary: 'The audit log as CSV with the same filters and visibility (at most 10,000 entries; audited)',
        description:
          'Answers text/csv (a download). Text cells are single lines (control characters, Unicode line ' +
          'separators and bidi overrides become spaces) and neutralised against formulas; details are JSON. ' +
          'The header x-rightly-truncated: true says the filters matched more entries than one file holds.',
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await exportAuditCsv(deps, { viewer: viewerOf(request), ...request.query });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .header('x-rightly-truncated', String(file.truncated))
        .send(file.csv);
    },
  );
};
