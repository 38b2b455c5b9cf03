import { stringify } from 'csv-stringify/sync';

/**
 * CSV for spreadsheets. A cell starting with = + - @, a tab or a carriage return would run as a
 * formula in Excel or Sheets (CSV injection), so it gets a leading apostrophe; numbers stay numbers.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return stringify(
    rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutralize(cell) : cell))),
    { cast: { number: (n) => String(n) } },
  );
}

export function neutralize(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
