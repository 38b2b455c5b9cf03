import { IMPORT_STATUSES } from '@rightly/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { users } from './users';

export const importStatus = pgEnum('import_status', IMPORT_STATUSES);

/** Raw bytes (an uploaded file's chunks). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * One import of one file: who asked, what it was read as, how far it got and what it did. The
 * row is the job's truth: the queue only delivers it, and a restart finds interrupted ones here.
 */
export const imports = pgTable(
  'imports',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    /** The admin who started it; null for the command line (whoever holds database access). */
    requestedBy: uuid('requested_by'),
    /** `web` (upload), `cli` (`rightly import`). */
    via: text('via').notNull(),
    fileName: text('file_name').notNull(),
    fileBytes: bigint('file_bytes', { mode: 'number' }).notNull().default(0),
    /** As asked (`auto` or a source/kind), then as detected. */
    requestedSource: text('requested_source').notNull(),
    requestedKind: text('requested_kind').notNull(),
    source: text('source'),
    kind: text('kind'),
    /** The options the import ran with: policy, date format, mapping, owner mappings. */
    options: jsonb('options').notNull(),
    dryRun: boolean('dry_run').notNull().default(false),
    status: importStatus('status').notNull().default('queued'),
    /** reading, writing, deriving: where a running import is. */
    phase: text('phase'),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    rowsRead: integer('rows_read').notNull().default(0),
    newRows: integer('new_rows').notNull().default(0),
    updatedRows: integer('updated_rows').notNull().default(0),
    unchangedRows: integer('unchanged_rows').notNull().default(0),
    rejectedRows: integer('rejected_rows').notNull().default(0),
    ignoredRows: integer('ignored_rows').notNull().default(0),
    /** Row errors stored for the report (capped; `rejected_rows` is exact). */
    errorCount: integer('error_count').notNull().default(0),
    /** What the file was read as, warnings, unknown and created owners, created accounts … */
    report: jsonb('report'),
    /** Why it failed: `{ code, message, fix }`. */
    failure: jsonb('failure'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.requestedBy], foreignColumns: [users.orgId, users.id] }),
    index('imports_org_created').on(t.orgId, t.createdAt),
    // Recovery after a restart looks for these; finished imports are the vast majority.
    index('imports_unfinished')
      .on(t.status)
      .where(sql`${t.status} in ('queued', 'running')`),
  ],
);

/** The error report of an import: one row per problem, in file order. */
export const importRowErrors = pgTable(
  'import_row_errors',
  {
    orgId: uuid('org_id').notNull(),
    importId: uuid('import_id').notNull(),
    seq: integer('seq').notNull(),
    line: integer('line').notNull(),
    column: text('column'),
    value: text('value'),
    reason: text('reason').notNull(),
    fix: text('fix').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.importId, t.seq] }),
    foreignKey({ columns: [t.orgId, t.importId], foreignColumns: [imports.orgId, imports.id] }).onDelete('cascade'),
  ],
);

/**
 * An uploaded file, in chunks, until its import has run. It lives in the database so any server
 * instance can run the job, and a restart does not lose it.
 */
export const importFileChunks = pgTable(
  'import_file_chunks',
  {
    orgId: uuid('org_id').notNull(),
    importId: uuid('import_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.importId, t.seq] }),
    foreignKey({ columns: [t.orgId, t.importId], foreignColumns: [imports.orgId, imports.id] }).onDelete('cascade'),
  ],
);
