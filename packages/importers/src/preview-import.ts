import type { ImportKind } from '@rightly/core';
import { MAX_PREAMBLE_ROWS } from './formats/detect-format';
import { isImportFileError } from './import-file-error';
import { guessKind, guessMapping, type GuessedMapping } from './mapping/guess-mapping';
import { openImport, type ImportFormat, type ReadImportOptions } from './read-import';
import { readCsvRows, type CsvRow } from './read/csv-rows';
import { decodeStream } from './read/decode';
import { sniffDelimiter } from './read/delimiter';
import { buildHeader } from './read/header';
import type { ImportedRecord, ImportWarning, RowError } from './records';

export interface PreviewRow {
  line: number;
  /** The cells as the file has them. */
  cells: string[];
  status: 'ok' | 'rejected' | 'ignored';
  record: ImportedRecord | null;
  errors: RowError[];
}

export interface ImportPreview {
  /** What the file was read as; null when it could not be (see `problem`). */
  format: ImportFormat | null;
  /** The header row's names (the first row when no format matched). */
  columns: string[];
  /** A mapping guessed from the headers, offered when the file needs one. */
  guess: GuessedMapping | null;
  /** Why the file cannot be imported as it stands, and what to do. */
  problem: { reason: string; fix: string } | null;
  rows: PreviewRow[];
  warnings: ImportWarning[];
}

/**
 * The first rows of a file as an import would read them, without writing anything: the UI's
 * mapping step shows it before the user commits, for a built-in export and a mapped CSV alike.
 */
export async function previewImport(options: ReadImportOptions & { limit: number }): Promise<ImportPreview> {
  const raw = await readHead(options, options.limit + MAX_PREAMBLE_ROWS + 1);
  try {
    const reader = await openImport(options);
    const results = new Map<
      number,
      { status: PreviewRow['status']; record: ImportedRecord | null; errors: RowError[] }
    >();
    let seen = 0;
    for await (const batch of reader.batches()) {
      for (const record of batch.records) results.set(record.line, { status: 'ok', record, errors: [] });
      for (const error of batch.errors) {
        const entry = results.get(error.line) ?? { status: 'rejected' as const, record: null, errors: [] };
        entry.errors.push(error);
        results.set(error.line, entry);
      }
      seen += batch.rows;
      if (seen >= options.limit) break;
    }
    const dataRows = raw.filter((r) => r.line > reader.format.header.line).slice(0, options.limit);
    const rows = dataRows.map((r): PreviewRow => {
      const result = results.get(r.line);
      return {
        line: r.line,
        cells: r.cells,
        status: result?.status ?? 'ignored',
        record: result?.record ?? null,
        errors: result?.errors ?? [],
      };
    });
    const needsGuess = reader.format.id === 'mapping';
    return {
      format: reader.format,
      columns: reader.format.header.names,
      guess: needsGuess ? guessMapping(reader.format.header, reader.format.kind) : null,
      problem: null,
      rows,
      warnings: reader.warnings(),
    };
  } catch (error) {
    if (!isImportFileError(error)) throw error;
    const first = raw[0];
    const header = first ? buildHeader(first.cells, first.line) : null;
    const kind: ImportKind =
      options.mapping?.kind ?? (options.kind !== 'auto' ? options.kind : header ? guessKind(header) : 'activities');
    return {
      format: null,
      columns: header?.names ?? [],
      guess: header ? guessMapping(header, kind) : null,
      problem: { reason: error.reason, fix: error.fix },
      rows: raw
        .slice(1, options.limit + 1)
        .map((r) => ({ line: r.line, cells: r.cells, status: 'ignored', record: null, errors: [] })),
      warnings: [],
    };
  }
}

async function readHead(options: ReadImportOptions, count: number): Promise<CsvRow[]> {
  const decoded = await decodeStream(options.open());
  const rows = readCsvRows(decoded.text, { delimiter: sniffDelimiter(decoded.head) });
  const head: CsvRow[] = [];
  try {
    for await (const batch of rows) {
      head.push(...batch);
      if (head.length >= count) break;
    }
  } catch (error) {
    if (!isImportFileError(error)) throw error;
  } finally {
    await rows.return(undefined);
  }
  return head.slice(0, count);
}
