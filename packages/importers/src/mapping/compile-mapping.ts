import type { ImportKind } from '@rightly/core';
import { ImportFileError } from '../import-file-error';
import { columnIndex, type Header } from '../read/header';
import type { DurationUnit } from '../values/durations';
import { userTable } from '../values/vocabulary';
import { FIELDS_BY_KIND } from './fields';
import type { ImportMapping } from './mapping-schema';

/** A mapping resolved against one file's header: each field knows its column index. */
export interface CompiledMapping {
  kind: ImportKind;
  /** Namespace of the records' ids (`activities.source`). */
  recordSource: string;
  /** Field → column index; absent when the file has no column for it. */
  columns: Map<string, number>;
  /** Field → the column's name as the file writes it, for error reports. */
  columnNames: Map<string, string>;
  values: {
    type?: Map<string, string>;
    channel?: Map<string, string>;
    outcome?: Map<string, string>;
    status?: Map<string, string>;
    role?: Map<string, string>;
  };
  defaults: NonNullable<ImportMapping['defaults']>;
  durationUnit: DurationUnit;
  owners: Map<string, string>;
}

export function compileMapping(mapping: ImportMapping, header: Header, recordSource: string): CompiledMapping {
  const columns = new Map<string, number>();
  const columnNames = new Map<string, string>();
  const missing: { field: string; wanted: string[] }[] = [];
  for (const [field, ref] of Object.entries(mapping.columns)) {
    const wanted = typeof ref === 'string' ? [ref] : ref;
    const index = wanted.map((name) => columnIndex(header, name)).find((i) => i !== -1);
    if (index === undefined) {
      missing.push({ field, wanted });
      continue;
    }
    columns.set(field, index);
    columnNames.set(field, header.names[index] ?? wanted[0] ?? field);
  }
  const fields: readonly { name: string; required: boolean }[] = FIELDS_BY_KIND[mapping.kind];
  const requiredMissing = missing.filter((m) => fields.find((f) => f.name === m.field)?.required);
  // A mapping that names a column the file lacks is a mistake even for an optional field: say so
  // rather than import without it.
  if (missing.length > 0) {
    const list = missing.map((m) => `${m.field} → "${m.wanted.join('" or "')}"`).join('; ');
    throw new ImportFileError({
      reason: `The file has no column for ${requiredMissing.length > 0 ? 'required field(s) ' : ''}${list}.`,
      fix: `Its columns are: ${header.names.map((n) => `"${n}"`).join(', ')}. Correct the mapping to name one of them.`,
      line: header.line,
    });
  }
  const values = mapping.values ?? {};
  return {
    kind: mapping.kind,
    recordSource,
    columns,
    columnNames,
    values: {
      ...(values.type ? { type: userTable(values.type) } : {}),
      ...(values.channel ? { channel: userTable(values.channel) } : {}),
      ...(values.outcome ? { outcome: userTable(values.outcome) } : {}),
      ...(values.status ? { status: userTable(values.status) } : {}),
      ...(values.role ? { role: userTable(values.role) } : {}),
    },
    defaults: mapping.defaults ?? {},
    durationUnit: mapping.durationUnit ?? 'seconds',
    owners: new Map(Object.entries(mapping.owners ?? {})),
  };
}
