import type { CompiledMapping } from '../mapping/compile-mapping';
import { columnIndex, type Header } from '../read/header';
import type { RowError } from '../records';
import type { DateReader } from '../values/dates';
import { cleanText } from '../values/text';
import type { WarningCollector } from './warnings';

/** What mapping a row needs besides the row: the mapping, the file's date reader, and where notes go. */
export interface RowContext {
  mapping: CompiledMapping;
  dates: DateReader;
  warnings: WarningCollector;
  /** "Now" of the import: a Salesforce event dated in the past was held. */
  now: Date;
}

/**
 * A mapped row: a record, the reasons it cannot be imported, or a note that it describes nothing
 * to import (a planned activity, a deleted deal) — not an error, not a record.
 */
export type MapResult<R> =
  { status: 'ok'; record: R } | { status: 'rejected'; errors: RowError[] } | { status: 'ignored'; reason: string };

/** One CSV row seen through a mapping: cells by field name. */
export class Row {
  constructor(
    readonly line: number,
    readonly cells: readonly string[],
    private readonly mapping: CompiledMapping,
    private readonly header: Header,
  ) {}

  /** The cleaned cell of a column the mapping does not use, by its header name (vendor rules). */
  byName(name: string): string | null {
    const index = columnIndex(this.header, name);
    return index === -1 ? null : cleanText(this.cells[index]);
  }

  has(field: string): boolean {
    return this.mapping.columns.has(field);
  }

  /** The cleaned cell of a field; null when the file has no such column or the cell is empty. */
  text(field: string): string | null {
    const index = this.mapping.columns.get(field);
    return index === undefined ? null : cleanText(this.cells[index]);
  }

  /** The column's name as the file writes it, for error reports. */
  column(field: string): string {
    return this.mapping.columnNames.get(field) ?? field;
  }

  error(field: string | null, value: string | null, reason: string, fix: string): RowError {
    return { line: this.line, column: field === null ? null : this.column(field), value, reason, fix };
  }
}
