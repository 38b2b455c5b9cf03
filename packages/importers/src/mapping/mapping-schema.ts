import {
  ACTIVITY_CHANNELS,
  ACTIVITY_OUTCOMES,
  ACTIVITY_TYPES,
  IMPORT_KINDS,
  isKnownTimeZone,
  USER_ROLES,
} from '@rightly/core';
import { z } from 'zod';
import { parseDateFormat } from '../values/dates';
import { FIELDS_BY_KIND } from './fields';

/**
 * A column mapping: which column of a CSV holds which field, and how its words translate into
 * Rightly's. The CLI reads it from `--mapping FILE`; the web app builds it in its mapping step; the
 * built-in Salesforce, HubSpot and Pipedrive readers are mappings too. docs/import-mapping.schema.json
 * is generated from this schema (a test keeps them equal).
 */
const columnRef = z.union([
  z.string().min(1, 'must name a column'),
  z.array(z.string().min(1, 'must name a column')).min(1, 'must name at least one column'),
]);

const translations = <T extends readonly [string, ...string[]]>(values: T) =>
  z.record(z.string(), z.enum(values, { error: `must be one of ${values.join(', ')}` }));

export const STATUS_VALUES = ['open', 'won', 'lost', 'done', 'planned'] as const;

export const importMappingSchema = z
  .object({
    $schema: z.string().optional().describe('Path or URL of this schema, for editors.'),
    kind: z
      .enum(IMPORT_KINDS, { error: `must be one of ${IMPORT_KINDS.join(', ')}` })
      .describe('What the rows describe.'),
    source: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be a short lower-case name like closeio or my-sheet')
      .optional()
      .describe(
        'The system the file comes from; it namespaces record ids, so ids from two systems never collide. Default: generic.',
      ),
    columns: z
      .record(z.string(), columnRef)
      .describe(
        'For each field, the header of the column holding it (or a list of headers: the first present is used).',
      ),
    values: z
      .object({
        type: translations(ACTIVITY_TYPES).optional(),
        channel: translations(ACTIVITY_CHANNELS).optional(),
        outcome: translations(ACTIVITY_OUTCOMES).optional(),
        status: translations(STATUS_VALUES).optional(),
        role: translations(USER_ROLES).optional(),
      })
      .strict()
      .optional()
      .describe(
        'Translations of cell values, e.g. {"status": {"Closed Won": "won"}}. Case, accents and punctuation are ignored when matching.',
      ),
    defaults: z
      .object({
        type: z.enum(ACTIVITY_TYPES).optional(),
        channel: z.enum(ACTIVITY_CHANNELS).optional(),
        outcome: z.enum(ACTIVITY_OUTCOMES).optional(),
        role: z.enum(USER_ROLES).optional(),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like USD')
          .optional(),
      })
      .strict()
      .optional()
      .describe('Values used when a field has no column or its cell is empty.'),
    dateFormat: z
      .string()
      .refine((v) => parseDateFormat(v) !== null, 'must be DD/MM/YYYY, MM/DD/YYYY or YYYY-MM-DD')
      .optional()
      .describe('How dates are written when a file could be read two ways (03/04/2026).'),
    timeZone: z
      .string()
      .refine(isKnownTimeZone, 'must be an IANA time zone like Europe/Berlin')
      .optional()
      .describe("Time zone of dates without one. Default: the organization's."),
    durationUnit: z
      .enum(['seconds', 'milliseconds', 'minutes'])
      .optional()
      .describe('Unit of plain numbers in the duration column. Default: seconds.'),
    owners: z
      .record(z.string(), z.email('must be an e-mail address'))
      .optional()
      .describe(
        'Owner names (as the file writes them) mapped to the e-mail of a Rightly user; a rep is created with that e-mail when none exists.',
      ),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    const fields: readonly { name: string; required: boolean }[] = FIELDS_BY_KIND[mapping.kind];
    const known = new Set(fields.map((f) => f.name));
    for (const key of Object.keys(mapping.columns)) {
      if (!known.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', key],
          message: `is not a field of ${mapping.kind}; the fields are ${[...known].join(', ')}`,
        });
      }
    }
    for (const field of fields) {
      if (!field.required || mapping.columns[field.name] !== undefined) continue;
      if (field.name === 'type' && mapping.defaults?.type) continue;
      ctx.addIssue({
        code: 'custom',
        path: ['columns', field.name],
        message:
          field.name === 'type'
            ? 'is required: name the column, or set defaults.type when every row is the same type'
            : 'is required: name the column that holds it',
      });
    }
    if (mapping.kind === 'users' && !mapping.columns.name && !(mapping.columns.firstName && mapping.columns.lastName)) {
      ctx.addIssue({
        code: 'custom',
        path: ['columns', 'name'],
        message: 'is required (or both firstName and lastName)',
      });
    }
  });

export type ImportMapping = z.infer<typeof importMappingSchema>;

/** The JSON Schema of mapping files, as published in docs/import-mapping.schema.json. */
export function importMappingJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(importMappingSchema, { io: 'input' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://rightly.dev/schemas/import-mapping.schema.json',
    title: 'Rightly import mapping',
    description:
      'Maps the columns of a CSV export to the fields of a Rightly import. See docs/imports.md for examples.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
