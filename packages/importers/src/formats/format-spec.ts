import type { ImportKind, ImportSource } from '@rightly/core';
import type { ImportMapping } from '../mapping/mapping-schema';
import type { Row, RowContext } from '../map/row';
import type { ImportedRecord } from '../records';
import type { Header } from '../read/header';
import { normalizeHeader } from '../normalize-header';

/**
 * A known export: which headers identify it, the column mapping that reads it, and any rule its
 * vendor needs beyond a mapping (Salesforce events have no outcome; Pipedrive keeps won and lost
 * times in two columns).
 */
export interface FormatSpec {
  id: string;
  source: ImportSource;
  kind: ImportKind;
  /** For people: "HubSpot calls export". */
  label: string;
  /**
   * Normalised headers that must all be present; each entry lists spellings that count. They are
   * what tells this export from the others, so detection can name what it expected.
   */
  signature: readonly (readonly string[])[];
  /** The mapping that reads this export, given its actual header (some exports vary by object). */
  mapping(header: Header): ImportMapping;
  /** Rows that describe nothing to import (a deleted deal): left out before they are read. */
  skip?: (row: Row) => boolean;
  /** A vendor rule applied to each mapped record; null leaves the row out (not an error). */
  adjust?: (record: ImportedRecord, row: Row, ctx: RowContext) => ImportedRecord | null;
}

export function hasHeader(header: Header, ...names: string[]): boolean {
  return names.some((n) => header.normalized.includes(n));
}

/**
 * The columns of `candidates` this file has: each field keeps the spellings present in the header,
 * and fields with none are dropped, so a built-in format tolerates exports without optional columns.
 */
export function presentColumns(header: Header, candidates: Record<string, string[]>): Record<string, string[]> {
  const present: Record<string, string[]> = {};
  for (const [field, names] of Object.entries(candidates)) {
    const found = names.filter((name) => header.normalized.includes(normalizeHeader(name)));
    if (found.length > 0) present[field] = found;
  }
  return present;
}
