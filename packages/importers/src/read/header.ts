import { normalizeHeader } from '../normalize-header';

/** The header row of a file, with each column's name as written and as compared. */
export interface Header {
  /** Line of the header row in the file. */
  line: number;
  /** Names as written; a repeated name gets " (2)", " (3)" … so every column can be named. */
  names: string[];
  normalized: string[];
  duplicates: { name: string; columns: number[] }[];
}

export function buildHeader(cells: readonly string[], line: number): Header {
  const seen = new Map<string, number[]>();
  const names: string[] = [];
  const normalized: string[] = [];
  cells.forEach((cell, index) => {
    const name = cell.replace(/^\uFEFF/, '').trim() || `Column ${index + 1}`;
    const key = normalizeHeader(name);
    const columns = seen.get(key) ?? [];
    columns.push(index + 1);
    seen.set(key, columns);
    const unique = columns.length === 1 ? name : `${name} (${columns.length})`;
    names.push(unique);
    normalized.push(normalizeHeader(unique));
  });
  const duplicates = [...seen.values()]
    .filter((columns) => columns.length > 1)
    .map((columns) => ({ name: names[(columns[0] ?? 1) - 1] ?? '', columns }));
  return { line, names, normalized, duplicates };
}

/** Index of the column called `name` (any spelling that normalises alike), or -1. */
export function columnIndex(header: Header, name: string): number {
  return header.normalized.indexOf(normalizeHeader(name));
}
