import type { ImportKind, ImportSource } from '@rightly/core';
import { ImportFileError } from '../import-file-error';
import { guessKind, guessMapping } from '../mapping/guess-mapping';
import type { CsvRow } from '../read/csv-rows';
import { buildHeader, type Header } from '../read/header';
import type { FormatSpec } from './format-spec';
import { FORMATS } from './registry';

/** Rows above the header a file may have (a report title, "Filtered by" lines). */
export const MAX_PREAMBLE_ROWS = 15;

export interface Detected {
  spec: FormatSpec;
  header: Header;
  /** How many of the format's columns the file has: a tie-breaker, and shown to the user. */
  matchedColumns: number;
}

export interface DetectRequest {
  source: ImportSource | 'auto';
  kind: ImportKind | 'auto';
}

/**
 * Finds the header row and the export it belongs to. The first row (of the first few) whose
 * headers carry a format's whole signature wins; among formats matching that row, the one using
 * most of its columns. Nothing matching is an error that says what each candidate expected and
 * offers a guessed mapping to start from.
 */
export function detectFormat(rows: readonly CsvRow[], request: DetectRequest): Detected {
  const candidates = FORMATS.filter(
    (f) =>
      (request.kind === 'auto' || f.kind === request.kind) &&
      (request.source === 'auto' || sourceFits(f, request.source)),
  );
  for (const row of rows.slice(0, MAX_PREAMBLE_ROWS + 1)) {
    const header = buildHeader(row.cells, row.line);
    let best: Detected | null = null;
    for (const spec of candidates) {
      if (!spec.signature.every((alternatives) => alternatives.some((name) => header.normalized.includes(name))))
        continue;
      const matchedColumns = Object.keys(spec.mapping(header).columns).length;
      if (!best || matchedColumns > best.matchedColumns) best = { spec, header, matchedColumns };
    }
    if (best) return best;
  }
  throw noMatch(rows, candidates, request);
}

/** Rosters and offering lists have no vendor format: any source may name them. */
function sourceFits(spec: FormatSpec, source: ImportSource): boolean {
  return spec.source === source || spec.kind === 'users' || spec.kind === 'offerings';
}

function noMatch(rows: readonly CsvRow[], candidates: readonly FormatSpec[], request: DetectRequest): ImportFileError {
  const first = rows[0];
  const header = first ? buildHeader(first.cells, first.line) : null;
  const kind = request.kind !== 'auto' ? request.kind : header ? guessKind(header) : 'activities';
  const expected = candidates
    .map((spec) => {
      const missing = header
        ? spec.signature
            .filter((alts) => !alts.some((name) => header.normalized.includes(name)))
            .map((alts) => `"${alts[0]}"`)
        : [];
      const partly = missing.length > 0 && missing.length < spec.signature.length;
      return `${spec.label} (needs ${spec.signature.map((alts) => `"${alts[0]}"`).join(', ')}${partly ? `; this file lacks ${missing.join(', ')}` : ''})`;
    })
    .join('; ');
  const guess = header ? guessMapping(header, kind) : null;
  const what =
    request.source === 'generic'
      ? 'A generic CSV needs a column mapping.'
      : 'The columns match no export Rightly reads on its own.';
  return new ImportFileError({
    reason: `${what} ${header ? `The file's columns are ${header.names.map((n) => `"${n}"`).join(', ')}. ` : 'The file is empty. '}${
      request.source === 'generic' ? '' : `Expected one of: ${expected || 'nothing for this source and kind'}.`
    }`,
    fix:
      'Describe the columns in a mapping file and pass it with --mapping (see docs/imports.md)' +
      (guess ? `; a start, to check and complete: ${JSON.stringify(guess.mapping)}` : '.'),
    line: header?.line ?? null,
  });
}
