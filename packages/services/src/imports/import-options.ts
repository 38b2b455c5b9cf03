import {
  AppError,
  DATE_ORDERS,
  IMPORT_KINDS,
  IMPORT_SOURCES,
  ON_ERROR_POLICIES,
  type DateOrder,
  type FieldIssue,
  type ImportKind,
  type ImportSource,
  type OnErrorPolicy,
} from '@rightly/core';
import { importMappingSchema, parseDateFormat, type ImportMapping } from '@rightly/importers';
import { z } from 'zod';

/** How to run an import: what the file is (or `auto`), what to do with bad rows, how to read it. */
export interface ImportOptions {
  source: ImportSource | 'auto';
  kind: ImportKind | 'auto';
  onError: OnErrorPolicy;
  dateFormat: DateOrder | null;
  mapping: ImportMapping | null;
  /** Owner as the file writes it → e-mail of the user it is (a rep is created if none has it). */
  ownerMap: Record<string, string>;
  /** Create reps for unknown owners the file names by e-mail. */
  createOwners: boolean;
  /** Read, match and count everything, then write nothing. */
  dryRun: boolean;
}

export const importOptionsSchema = z.object({
  source: z.enum(['auto', ...IMPORT_SOURCES], { error: `must be auto, ${IMPORT_SOURCES.join(', ')}` }).default('auto'),
  kind: z.enum(['auto', ...IMPORT_KINDS], { error: `must be auto, ${IMPORT_KINDS.join(', ')}` }).default('auto'),
  onError: z.enum(ON_ERROR_POLICIES, { error: 'must be reject or skip' }).default('reject'),
  dateFormat: z
    .string()
    .transform((value, ctx) => {
      const order = parseDateFormat(value);
      if (!order) ctx.addIssue({ code: 'custom', message: 'must be DD/MM/YYYY, MM/DD/YYYY or YYYY-MM-DD' });
      return order as DateOrder;
    })
    .or(z.enum(DATE_ORDERS))
    .nullable()
    .default(null),
  mapping: importMappingSchema.nullable().default(null),
  ownerMap: z.record(z.string(), z.email('must be an e-mail address')).default({}),
  createOwners: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});

/** Checks options from any caller; every problem is named with its path (`mapping.columns.owner`). */
export function parseImportOptions(input: unknown): ImportOptions {
  const parsed = importOptionsSchema.safeParse(input);
  if (parsed.success) {
    const options = parsed.data;
    // The mapping's own owner section and --map-owner flags add up; a flag wins.
    return { ...options, ownerMap: { ...(options.mapping?.owners ?? {}), ...options.ownerMap } };
  }
  const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(options)',
    message: issue.message,
  }));
  throw new AppError({
    code: 'validation_failed',
    message: `The import options have problems: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
    issues,
  });
}
