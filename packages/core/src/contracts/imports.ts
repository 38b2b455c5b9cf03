import { z } from 'zod';
import {
  DATE_ORDERS,
  IMPORT_KINDS,
  IMPORT_PHASES,
  IMPORT_SOURCES,
  IMPORT_STATUSES,
  ON_ERROR_POLICIES,
} from '../domain/imports';
import { idSchema } from './common';

const rowErrorSchema = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
  fix: z.string(),
});

const warningSchema = z.object({ message: z.string(), count: z.number().int(), firstLine: z.number().int() });

export const importReportSchema = z.object({
  format: z
    .object({
      id: z.string(),
      label: z.string(),
      encoding: z.string(),
      delimiter: z.string(),
      dateOrder: z.enum(DATE_ORDERS).nullable(),
      columns: z.array(z.string()),
      mapped: z.record(z.string(), z.string()),
    })
    .nullable(),
  warnings: z.array(warningSchema),
  unknownOwners: z.array(z.object({ owner: z.string(), rows: z.number().int(), firstLine: z.number().int() })),
  createdOwners: z.array(z.object({ name: z.string(), email: z.string() })),
  createdAccounts: z.number().int(),
  createdOfferings: z.number().int(),
  createdTeams: z.number().int(),
  unmatchedOpportunities: z.number().int(),
});

/** One import, as `GET /api/v1/imports/:id` answers: status, progress, counts, report. */
export const importSchema = z.object({
  id: idSchema,
  fileName: z.string(),
  fileBytes: z.number().int(),
  via: z.string(),
  requestedBy: idSchema.nullable(),
  requestedSource: z.string(),
  requestedKind: z.string(),
  source: z.enum(IMPORT_SOURCES).nullable(),
  kind: z.enum(IMPORT_KINDS).nullable(),
  onError: z.enum(ON_ERROR_POLICIES),
  dryRun: z.boolean(),
  status: z.enum(IMPORT_STATUSES),
  phase: z.enum(IMPORT_PHASES).nullable(),
  progress: z.object({ bytesRead: z.number().int(), rowsRead: z.number().int(), fraction: z.number().nullable() }),
  counts: z.object({
    new: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    ignored: z.number().int(),
  }),
  summary: z.string(),
  errorCount: z.number().int(),
  report: importReportSchema.nullable(),
  failure: z.object({ code: z.string(), message: z.string(), fix: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Where the error report (CSV) of this import is served. */
  errorReportUrl: z.string().nullable(),
});
export type ImportResponse = z.infer<typeof importSchema>;

export const importListSchema = z.object({ imports: z.array(importSchema) });
export type ImportListResponse = z.infer<typeof importListSchema>;

export const importListQuerySchema = z.object({
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(200, 'must be at most 200')
    .default(50),
  before: z.iso.datetime({ error: 'must be an ISO date-time like 2026-11-27T20:00:00Z' }).optional(),
});

export const importIdParamsSchema = z.object({ id: idSchema });

export const importErrorsQuerySchema = z.object({
  limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(1000).default(100),
});
export const importErrorsSchema = z.object({ errors: z.array(rowErrorSchema) });

/**
 * The options of an upload, as multipart form fields (all strings, sent before the file):
 * `mapping` and `ownerMap` are JSON, `createOwners` and `dryRun` are "true"/"false".
 */
export const importFormFieldsSchema = z.object({
  source: z.enum(['auto', ...IMPORT_SOURCES]).optional(),
  kind: z.enum(['auto', ...IMPORT_KINDS]).optional(),
  onError: z.enum(ON_ERROR_POLICIES).optional(),
  dateFormat: z.string().optional(),
  mapping: z.string().optional(),
  ownerMap: z.string().optional(),
  createOwners: z.enum(['true', 'false']).optional(),
  dryRun: z.enum(['true', 'false']).optional(),
});
export type ImportFormFields = z.infer<typeof importFormFieldsSchema>;

/** What `POST /api/v1/imports/preview` answers: the first rows as they would be imported. */
export const importPreviewSchema = z.object({
  format: z
    .object({
      id: z.string(),
      label: z.string(),
      source: z.string(),
      kind: z.string(),
      encoding: z.string(),
      delimiter: z.string(),
      dateOrder: z.string().nullable(),
    })
    .nullable(),
  columns: z.array(z.string()),
  /** The mapping in force: a built-in format's, or the one sent. JSON, as in a mapping file. */
  mapping: z.record(z.string(), z.unknown()).nullable(),
  guess: z.object({ mapping: z.record(z.string(), z.unknown()), missing: z.array(z.string()) }).nullable(),
  problem: z.object({ reason: z.string(), fix: z.string() }).nullable(),
  rows: z.array(
    z.object({
      line: z.number().int(),
      cells: z.array(z.string()),
      status: z.enum(['ok', 'rejected', 'ignored']),
      values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
      errors: z.array(rowErrorSchema),
    }),
  ),
  unknownOwners: z.array(z.string()),
  warnings: z.array(warningSchema),
  /** The fields a mapping may fill for each kind, for the mapping step's form. */
  fields: z.record(
    z.string(),
    z.array(z.object({ name: z.string(), label: z.string(), description: z.string(), required: z.boolean() })),
  ),
});
export type ImportPreviewResponse = z.infer<typeof importPreviewSchema>;
