import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { ImportFileError } from '../import-file-error';
import type { Delimiter } from './delimiter';

/** One record of the file with the line it starts on (a quoted line break makes a record span lines). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** Rows handed over at a time: large enough that per-batch costs vanish, small enough to bound memory. */
export const ROW_BATCH = 5_000;

/**
 * Streams the records of a CSV text as batches of rows. csv-parse does the parsing (quotes, quoted
 * line breaks, `""` escapes); this adds line numbers and drops blank lines. Records are read with
 * `read()` in a loop rather than one promise per record: a million rows cost seconds less.
 */
export async function* readCsvRows(text: Readable, options: { delimiter: Delimiter }): AsyncGenerator<CsvRow[]> {
  const parser = parse({
    delimiter: options.delimiter,
    // Footers and hand-edited rows have fewer or more cells than the header; the mapper judges them.
    relax_column_count: true,
    // `5" screen` in an unquoted cell is a quote character, not the start of a quoted field.
    relax_quotes: true,
    // Spaces around a quoted cell (`"x" ,`) are layout, not content.
    trim: true,
    // Blank lines are kept (as a single empty cell) so line numbers can be counted; dropped below.
    skip_empty_lines: false,
    bom: true,
  });
  text.on('error', (error) => parser.destroy(error));
  text.pipe(parser);

  let nextLine = 1;
  let batch: CsvRow[] = [];
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const signal = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  parser.on('readable', signal);
  parser.on('end', () => {
    ended = true;
    signal();
  });
  parser.on('error', (error) => {
    failure = error;
    signal();
  });

  try {
    for (;;) {
      if (failure) throw toFileError(failure, nextLine);
      const record = parser.read() as string[] | null;
      if (record === null) {
        if (ended) break;
        // Full batches only: each one costs the consumer a database round trip.
        await new Promise<void>((resolve) => {
          wake = resolve;
          // Data or the end may have arrived between read() and here.
          if (parser.readableLength > 0 || ended || failure) signal();
        });
        continue;
      }
      const line = nextLine;
      nextLine += 1 + countLineBreaks(record);
      if (isBlank(record)) continue;
      batch.push({ line, cells: record });
      if (batch.length >= ROW_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (failure) throw toFileError(failure, nextLine);
    if (batch.length > 0) yield batch;
  } finally {
    // Stopping early (a preview, a failed import) must not leave the file open.
    if (!ended) {
      text.unpipe(parser);
      text.destroy();
      parser.destroy();
    }
  }
}

function countLineBreaks(cells: string[]): number {
  let n = 0;
  for (const cell of cells) {
    let i = cell.indexOf('\n');
    while (i !== -1) {
      n++;
      i = cell.indexOf('\n', i + 1);
    }
  }
  return n;
}

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

function toFileError(error: unknown, line: number): ImportFileError {
  if (error instanceof ImportFileError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const where = error instanceof CsvError && typeof error.lines === 'number' ? error.lines : line;
  return new ImportFileError({
    reason: `The file cannot be read as CSV near line ${where}: ${message}`,
    fix: 'Check that quotes are balanced around that line (a cell that starts with " must end with "), or export the file again.',
    line: where,
  });
}
