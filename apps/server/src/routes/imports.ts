import { Readable } from 'node:stream';
import {
  AppError,
  importErrorsQuerySchema,
  importErrorsSchema,
  importIdParamsSchema,
  importListQuerySchema,
  importListSchema,
  importPreviewSchema,
  importSchema,
  problemSchema,
} from '@rightly/core';
import {
  abandonUpload,
  getImport,
  importErrorsCsv,
  listImportErrors,
  listImports,
  previewImport,
  startImport,
  storeImportFile,
  type ImportActor,
  type ImportJobs,
  type ImportView,
  type ServiceDeps,
} from '@rightly/services';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MAX_PREVIEW_BYTES, MAX_UPLOAD_BYTES, readHead, readImportForm } from '../http/import-form';
import { viewerOf } from '../plugins/auth';

const actorOf = (request: FastifyRequest): ImportActor => ({ kind: 'user', viewer: viewerOf(request) });

/** The API's view of an import: the service's, plus where its error report is served. */
const withLinks = (view: ImportView) => ({
  ...view,
  errorReportUrl: view.errorCount > 0 ? `/api/v1/imports/${view.id}/errors.csv` : null,
});

const FORM_FIELDS =
  'Multipart form: option fields first — source (auto|salesforce|hubspot|pipedrive|generic), kind ' +
  '(activities|opportunities|users|offerings), onError (reject|skip; default reject), dateFormat (DD/MM/YYYY, ' +
  'MM/DD/YYYY, YYYY-MM-DD), mapping (JSON, see docs/import-mapping.schema.json), ownerMap (JSON: owner → e-mail), ' +
  'createOwners, dryRun (true|false) — then the CSV in a field named "file".';

export const importRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps; jobs: ImportJobs | null }> = async (
  app,
  { deps, jobs },
) => {
  app.post(
    '/api/v1/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'Upload an export and import it in the background (admins)',
        description: `${FORM_FIELDS} Answers 202 with the queued import; poll GET /api/v1/imports/{id} for progress.`,
        consumes: ['multipart/form-data'],
        security: [{ session: [] }],
        response: { 202: importSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 413: problemSchema },
      },
    },
    async (request, reply) => {
      if (!jobs) throw new AppError({ code: 'internal', message: 'This server runs no import worker.' });
      const actor = actorOf(request);
      const form = await readImportForm(request, { maxFileBytes: MAX_UPLOAD_BYTES, truncate: false });
      const started = await startImport(deps, {
        actor,
        fileName: form.file.filename,
        fileBytes: 0,
        options: form.options,
        via: 'web',
      });
      const ids = { orgId: actor.kind === 'user' ? actor.viewer.orgId : actor.orgId, importId: started.id };
      try {
        await storeImportFile(deps, { ...ids, stream: form.file.file });
      } catch (error) {
        await abandonUpload(deps, {
          ...ids,
          message: 'The upload did not arrive completely.',
          fix: 'Upload the file again.',
        });
        throw error;
      }
      if (form.file.file.truncated) {
        const limit = `${MAX_UPLOAD_BYTES / 2 ** 20} MB`;
        await abandonUpload(deps, {
          ...ids,
          message: `The file is larger than ${limit}.`,
          fix: 'Split it, or import it with `rightly import` on the server.',
        });
        throw new AppError({
          code: 'payload_too_large',
          message: `The file is larger than ${limit}; split it, or use \`rightly import\` on the server.`,
        });
      }
      await jobs.enqueue(ids);
      return reply.status(202).send(withLinks(await getImport(deps, { actor, importId: started.id })));
    },
  );

  app.post(
    '/api/v1/imports/preview',
    {
      schema: {
        tags: ['imports'],
        summary: 'Read the first rows of a file as an import would, writing nothing (admins)',
        description: `${FORM_FIELDS} Only the first ${MAX_PREVIEW_BYTES / 2 ** 20} MB are read; send a slice of a large file.`,
        consumes: ['multipart/form-data'],
        security: [{ session: [] }],
        response: { 200: importPreviewSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const form = await readImportForm(request, { maxFileBytes: MAX_PREVIEW_BYTES, truncate: true });
      const head = await readHead(form.file);
      return previewImport(deps, {
        actor,
        file: { bytes: head.length, open: () => Readable.from([head]) },
        options: form.options,
      });
    },
  );

  app.get(
    '/api/v1/imports',
    {
      schema: {
        tags: ['imports'],
        summary: "The organization's imports, newest first (admins)",
        security: [{ session: [] }],
        querystring: importListQuerySchema,
        response: { 200: importListSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      const { imports } = await listImports(deps, {
        actor: actorOf(request),
        limit: request.query.limit,
        before: request.query.before ? new Date(request.query.before) : undefined,
      });
      return { imports: imports.map(withLinks) };
    },
  );

  app.get(
    '/api/v1/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'One import: status, progress, counts and report (admins)',
        security: [{ session: [] }],
        params: importIdParamsSchema,
        response: { 200: importSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => withLinks(await getImport(deps, { actor: actorOf(request), importId: request.params.id })),
  );

  app.get(
    '/api/v1/imports/:id/errors',
    {
      schema: {
        tags: ['imports'],
        summary: "The first rows of an import's error report, as JSON (admins)",
        security: [{ session: [] }],
        params: importIdParamsSchema,
        querystring: importErrorsQuerySchema,
        response: { 200: importErrorsSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await getImport(deps, { actor, importId: request.params.id });
      return {
        errors: await listImportErrors(deps, { actor, importId: request.params.id, limit: request.query.limit }),
      };
    },
  );

  app.get(
    '/api/v1/imports/:id/errors.csv',
    {
      schema: {
        tags: ['imports'],
        summary: "An import's error report as CSV: line, column, value, reason, fix (admins)",
        description:
          'Answers text/csv (a download). Cells a spreadsheet would run as a formula (starting with = + - @) are ' +
          'prefixed with an apostrophe. Errors are problem+json: 401, 403 (not an admin), 404.',
        security: [{ session: [] }],
        params: importIdParamsSchema,
      },
    },
    async (request, reply) => {
      const report = await importErrorsCsv(deps, { actor: actorOf(request), importId: request.params.id });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${report.fileName}"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(report.lines));
    },
  );
};
