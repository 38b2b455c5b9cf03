import { neutralizeCsvCell, toCsv as coreToCsv } from '@rightly/core';

/**
 * CSV for spreadsheets. A cell starting with = + - @, a tab or a carriage return would run as a
 * formula in Excel or Sheets (CSV injection), so it gets a leading apostrophe; numbers stay numbers.
 * The server's exports use the same writer (`@rightly/core`).
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return coreToCsv(rows);
}

export const neutralize = neutralizeCsvCell;
