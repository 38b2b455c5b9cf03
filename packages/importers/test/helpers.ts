import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { DateOrder, ImportKind, ImportSource } from '@rightly/core';
import {
  openImport,
  type ImportFormat,
  type ImportMapping,
  type ImportWarning,
  type ImportedRecord,
  type RowError,
} from '../src/index';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const fixture = (path: string): string => `${FIXTURES}${path}`;

/** A fixed "now" after every fixture's dates (the tests' clock elsewhere too). */
export const NOW = new Date('2026-11-27T20:00:00Z');

export interface ReadAll {
  format: ImportFormat;
  records: ImportedRecord[];
  errors: RowError[];
  ignored: number;
  rows: number;
  warnings: ImportWarning[];
}

export async function readAll(
  input: string | { text: string | Buffer },
  options: {
    source?: ImportSource | 'auto';
    kind?: ImportKind | 'auto';
    mapping?: ImportMapping;
    dateFormat?: DateOrder;
    timeZone?: string;
  } = {},
): Promise<ReadAll> {
  const open = (): Readable =>
    typeof input === 'string'
      ? createReadStream(fixture(input), { highWaterMark: 64 })
      : Readable.from([typeof input.text === 'string' ? Buffer.from(input.text) : input.text]);
  const reader = await openImport({
    open,
    source: options.source ?? 'auto',
    kind: options.kind ?? 'auto',
    mapping: options.mapping ?? null,
    dateFormat: options.dateFormat ?? null,
    timeZone: options.timeZone ?? 'America/New_York',
    now: NOW,
  });
  const result: ReadAll = { format: reader.format, records: [], errors: [], ignored: 0, rows: 0, warnings: [] };
  for await (const batch of reader.batches()) {
    result.records.push(...batch.records);
    result.errors.push(...batch.errors);
    result.ignored += batch.ignored;
    result.rows += batch.rows;
  }
  result.warnings = reader.warnings();
  return result;
}
