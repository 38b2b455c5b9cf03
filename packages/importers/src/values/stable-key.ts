import { createHash } from 'node:crypto';
import { normalizeValue } from './text';

/**
 * The key of a row whose export has no record id: `h:` and the first 32 hex digits of the SHA-256
 * of its identifying fields, each normalised (case, accents, punctuation and spacing ignored) and
 * joined by U+001F. Dates enter as ISO instants, so "3/4/2026" and "2026-03-04" hash alike.
 * docs/imports.md lists the fields per kind. Identical rows in one file get `#1`, `#2` … appended
 * when they are stored, in file order, so re-importing the file finds each again.
 */
export function stableKey(fields: readonly (string | null)[]): string {
  const text = fields.map((f) => (f === null ? '' : normalizeValue(f))).join('\u001f');
  return `h:${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}
