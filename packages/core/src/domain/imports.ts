/**
 * The vocabulary of CRM imports, shared by the importers, the API contracts and the web app.
 * A *source* is the CRM an export came from (it namespaces external ids); a *kind* is what the
 * rows describe.
 */
export const IMPORT_SOURCES = ['salesforce', 'hubspot', 'pipedrive', 'generic'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export const IMPORT_KINDS = ['activities', 'opportunities', 'users', 'offerings'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What a bad row does: `reject` fails the whole import (nothing is written), `skip` writes the good rows. */
export const ON_ERROR_POLICIES = ['reject', 'skip'] as const;
export type OnErrorPolicy = (typeof ON_ERROR_POLICIES)[number];

/**
 * Where an import is: `uploading` (a queued upload still arriving), `reading` (parsing and
 * staging rows), `writing` (merging them with derived facts and rollups, in one transaction).
 */
export const IMPORT_PHASES = ['uploading', 'reading', 'writing'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/**
 * Orders of day, month and year a file's dates may use. `--date-format` names one of them; the
 * separator does not matter (`/`, `.`, `-`), times may follow the date.
 */
export const DATE_ORDERS = ['YMD', 'MDY', 'DMY'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** Imports of several files run in this order, so owners, offerings and deals exist before the touches that name them. */
export const IMPORT_KIND_ORDER: Record<ImportKind, number> = {
  users: 0,
  offerings: 1,
  opportunities: 2,
  activities: 3,
};
