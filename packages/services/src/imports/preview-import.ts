import { AppError } from '@rightly/core';
import { findOrganization, loadOrgStructure } from '@rightly/db';
import {
  FIELDS_BY_KIND,
  previewImport as readPreview,
  type GuessedMapping,
  type ImportMapping,
  type ImportWarning,
  type ImportedRecord,
  type RowError,
} from '@rightly/importers';
import type { ServiceDeps } from '../deps';
import { assertMayImport, orgOf, type ImportActor } from './import-actor';
import { parseImportOptions } from './import-options';
import { OwnerResolver } from './owner-resolver';
import type { ImportFile } from './run-import';

export interface ImportPreviewView {
  format: {
    id: string;
    label: string;
    source: string;
    kind: string;
    encoding: string;
    delimiter: string;
    dateOrder: string | null;
  } | null;
  columns: string[];
  /** The mapping the file is read with (built in, or the one sent). */
  mapping: ImportMapping | null;
  /** A mapping guessed from the headers, for the user to check (generic CSV). */
  guess: GuessedMapping | null;
  problem: { reason: string; fix: string } | null;
  rows: {
    line: number;
    cells: string[];
    status: 'ok' | 'rejected' | 'ignored';
    /** The record as it would be imported, flattened for display. */
    values: Record<string, string | number | boolean | null>;
    errors: RowError[];
  }[];
  /** Owners among the previewed rows that match no user. */
  unknownOwners: string[];
  warnings: ImportWarning[];
  /** The fields a mapping may fill, per kind, for the mapping step's form. */
  fields: Record<string, { name: string; label: string; description: string; required: boolean }[]>;
}

/** Rows shown by a preview: enough to judge a mapping, few enough to read. */
export const PREVIEW_ROWS = 10;

/**
 * The first rows of a file as the import would read them — format, mapping, mapped values,
 * problems, unknown owners — and nothing written. The web app's mapping step sends the first part
 * of the file with the options the user is choosing.
 */
export async function previewImport(
  deps: ServiceDeps,
  input: { actor: ImportActor; file: ImportFile; options: unknown },
): Promise<ImportPreviewView> {
  assertMayImport(input.actor);
  const orgId = orgOf(input.actor);
  const options = parseImportOptions(input.options);
  const org = await findOrganization(deps.db, { orgId });
  if (!org) throw new AppError({ code: 'not_found', message: 'Your organization no longer exists.' });
  const preview = await readPreview({
    open: input.file.open,
    source: options.source,
    kind: options.kind,
    mapping: options.mapping,
    dateFormat: options.dateFormat,
    timeZone: org.timeZone,
    now: deps.now(),
    limit: PREVIEW_ROWS,
  });
  const structure = await loadOrgStructure(deps.db, { orgId });
  const owners = new OwnerResolver({
    users: structure.users,
    ownerMap: options.ownerMap,
    createOwners: options.createOwners,
    newId: () => 'preview',
  });
  const unknown = new Set<string>();
  const rows = preview.rows.map((row) => {
    const errors = [...row.errors];
    let status = row.status;
    if (row.record && (row.record.kind === 'activity' || row.record.kind === 'opportunity')) {
      const match = owners.resolve(row.record.owner, row.line);
      if (!match.ok) {
        unknown.add(row.record.owner.raw);
        status = 'rejected';
        errors.push({
          line: row.line,
          column: preview.format?.columnNames.owner ?? 'owner',
          value: row.record.owner.raw,
          reason: match.reason,
          fix: match.fix,
        });
      }
    }
    return { line: row.line, cells: row.cells, status, values: row.record ? flatten(row.record) : {}, errors };
  });
  const f = preview.format;
  return {
    format: f
      ? {
          id: f.id,
          label: f.label,
          source: f.source,
          kind: f.kind,
          encoding: f.encoding,
          delimiter: f.delimiter === '\t' ? 'tab' : f.delimiter,
          dateOrder: f.dateOrder,
        }
      : null,
    columns: preview.columns,
    mapping: f?.mapping ?? null,
    guess: preview.guess,
    problem: preview.problem,
    rows,
    unknownOwners: [...unknown],
    warnings: preview.warnings,
    fields: Object.fromEntries(
      Object.entries(FIELDS_BY_KIND).map(([kind, fields]) => [
        kind,
        fields.map(({ name, label, description, required }) => ({ name, label, description, required })),
      ]),
    ),
  };
}

function flatten(record: ImportedRecord): Record<string, string | number | boolean | null> {
  const values: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'kind' || key === 'line') continue;
    if (value instanceof Date) values[key] = value.toISOString();
    else if (key === 'owner') values[key] = (value as { raw: string }).raw;
    else if (key === 'key') values[key] = (value as { value: string }).value;
    else values[key] = value as string | number | boolean | null;
  }
  return values;
}
