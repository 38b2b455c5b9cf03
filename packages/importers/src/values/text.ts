/**
 * Cell text as stored: trimmed, without NUL and other control characters (tabs and line breaks
 * inside a subject stay). Everything else is kept verbatim — HTML, SQL or a leading `=` is plain
 * text to Rightly; it is escaped where it is shown (the web app, the CSV error report).
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function cleanText(value: string | undefined): string | null {
  if (value === undefined) return null;
  const cleaned = value.replace(CONTROL, '').trim();
  return cleaned === '' ? null : cleaned;
}

/** Longest text kept in a field; longer cells are cut (a pasted e-mail body is not a subject). */
export const MAX_TEXT = 2_000;

export function clip(value: string | null, max = MAX_TEXT): string | null {
  return value !== null && value.length > max ? value.slice(0, max) : value;
}

/**
 * The form values are compared in: case, accents, punctuation and spacing ignored. "Closed Won",
 * "closed-won" and "CLOSED  WON" match; so do "José Núñez" and "jose nunez".
 */
const normalized = new Map<string, string>();
/** Distinct cell values remembered: a file repeats a few words (types, outcomes) a million times. */
const MEMO_LIMIT = 10_000;

export function normalizeValue(value: string): string {
  const known = normalized.get(value);
  if (known !== undefined) return known;
  const result = computeNormalized(value);
  if (normalized.size < MEMO_LIMIT) normalized.set(value, result);
  return result;
}

function computeNormalized(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.]+/gu, ' ')
    .trim();
}
