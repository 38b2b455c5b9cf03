/**
 * Text that leaves Rightly in a form something else interprets: a log line, a spreadsheet cell.
 * Stored text is kept exactly as written; these make it safe where it is rendered.
 */

/**
 * Characters that change how a line reads rather than what it says: C0 controls (CR, LF, tab,
 * escape …), DEL and the C1 controls (NEL), the Unicode line and paragraph separators (U+2028/9:
 * a line break to JavaScript and many viewers), and the bidirectional marks, embeddings,
 * overrides and isolates that can make "admin" display as "nimda" or hide text (Trojan Source).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * One line of plain text: control characters (CR and LF included) become spaces, runs of spaces
 * collapse, and the result is cut to `max` characters. A reason that forges a second line ("\n
 * 2026-01-01 admin deleted …") in a log or a CSV row cannot do so after this.
 */
export function toSingleLine(text: string, max = 200): string {
  const line = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * Text with every character of `CONTROL` written as a `\uXXXX` escape: for JSON shown or
 * exported as text (JSON.stringify escapes C0 controls but leaves U+2028/9, C1 controls and bidi
 * overrides raw). Lossless: the escapes read back as the same JSON.
 */
export function escapeInvisible(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The first line of a text, made safe as a single line: the summary of a longer reason or note. */
export function firstLineSummary(text: string, max = 200): string {
  const first = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  return toSingleLine(first, max);
}

/**
 * A spreadsheet cell starting with = + - @, a tab or a carriage return runs as a formula in Excel,
 * LibreOffice or Sheets (CSV injection): such a cell gets a leading apostrophe, which the
 * spreadsheet shows as text. The CLI and the server both export through this.
 */
export function neutralizeCsvCell(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * RFC 4180 CSV: every text cell neutralised, quoted when it holds a quote, comma or line break;
 * numbers stay numbers (a negative number is a value, not a formula); null is an empty cell.
 * Lines end in LF (every spreadsheet reads it; the CLI has always written it).
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows
    .map((row) =>
      row
        .map((cell) => {
          if (cell === null) return '';
          if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
          const safe = neutralizeCsvCell(cell);
          return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
        })
        .join(','),
    )
    .map((line) => `${line}\n`)
    .join('');
}
