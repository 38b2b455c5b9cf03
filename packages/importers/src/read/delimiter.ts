/** Delimiters exports use: `,` (most), `;` (Excel where the decimal mark is a comma), tab (Excel "Unicode text"), `|`. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Guesses the delimiter from the first lines: the candidate that appears outside quotes most often
 * and on the most lines. A file with a single column has none of them; `,` is then as good as any.
 */
export function sniffDelimiter(head: string): Delimiter {
  const lines = splitLogicalLines(head).slice(0, 20);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter)).filter((n) => n > 0);
    if (counts.length === 0) continue;
    // Lines agreeing on the same count (the header's) weigh most: a `;` inside a subject shows up
    // on one line, a real delimiter on all of them.
    const first = counts[0] ?? 0;
    const agreeing = counts.filter((n) => n === first).length;
    const score = agreeing * 1000 + first;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Lines of the sample, keeping quoted line breaks inside their line; the cut-off last line is dropped. */
function splitLogicalLines(text: string): string[] {
  const lines: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      const line = text.slice(start, i).replace(/\r$/, '');
      if (line.trim() !== '') lines.push(line);
      start = i + 1;
    }
  }
  if (lines.length === 0 && start < text.length) lines.push(text.slice(start));
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) n++;
  }
  return n;
}
