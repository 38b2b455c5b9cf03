import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openImport, parseAmount, type ImportedActivity } from '../src/index';
import { readCsvRows } from '../src/read/csv-rows';
import { decodeStream } from '../src/read/decode';
import { sniffDelimiter } from '../src/read/delimiter';

/** CSV as a careful writer produces it: every cell quoted, quotes doubled. */
const toCsv = (rows: string[][], delimiter: string, eol: string): string =>
  rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(delimiter)).join(eol) + eol;

/** Splits bytes at arbitrary points: parsers must not care where chunks end. */
const chunked = (bytes: Buffer, cuts: number[]): Buffer[] => {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let start = 0;
  for (const p of points) {
    parts.push(bytes.subarray(start, p));
    start = p;
  }
  parts.push(bytes.subarray(start));
  return parts.filter((p) => p.length > 0);
};

const cellText = fc.string({
  unit: fc.constantFrom('a', 'Z', 'é', '漢', '😀', ' ', ',', ';', '\t', '"', '\n', '\r\n', '=', '<', '0'),
  maxLength: 12,
});

describe('parsing, property-based', () => {
  it('reads back any table written as CSV: any delimiter, encoding, line ending and chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellText, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 15 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le'),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (body, delimiter, eol, encoding, cuts) => {
          // A header row the sniffer can read, then the generated rows.
          const rows = [['Alpha', 'Beta', 'Gamma'], ...body];
          const text = toCsv(rows, delimiter, eol);
          const bytes =
            encoding === 'utf-16le'
              ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
              : Buffer.concat([
                  encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
                  Buffer.from(text),
                ]);
          const decoded = await decodeStream(Readable.from(chunked(bytes, cuts)));
          expect(sniffDelimiter(decoded.head)).toBe(delimiter);
          const read: { line: number; cells: string[] }[] = [];
          for await (const batch of readCsvRows(decoded.text, { delimiter })) read.push(...batch);

          // Whitespace around a cell is layout and rows with nothing in them are blank lines.
          const expected: { line: number; cells: string[] }[] = [];
          let line = 1;
          for (const row of rows) {
            if (row.some((c) => c.trim() !== '')) expected.push({ line, cells: row });
            line += 1 + row.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
          }
          expect(read).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads back any amount written the US or the European way', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 99_999_999_999_99n }),
        fc.boolean(),
        fc.boolean(),
        (cents, european, symbol) => {
          const whole = (cents / 100n).toString();
          const fraction = (cents % 100n).toString().padStart(2, '0');
          const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, european ? '.' : ',');
          const text = european
            ? `${grouped},${fraction}${symbol ? ' €' : ''}`
            : `${symbol ? '$' : ''}${grouped}.${fraction}`;
          const parsed = parseAmount(text);
          expect(parsed.ok && parsed.amount).toBe(`${whole}.${fraction}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads back generated activities written as a HubSpot calls export', async () => {
    const activity = fc.record({
      id: fc.integer({ min: 1, max: 1e9 }),
      at: fc.date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2030-01-01T00:00:00Z'),
        noInvalidDate: true,
      }),
      owner: fc.constantFrom('Riley Carter', 'Amélie Dubois', 'jane@acme.test'),
      outcome: fc.constantFrom(
        ['Connected', 'connected'],
        ['No answer', 'no_answer'],
        ['Left voicemail', 'voicemail'],
        ['Busy', 'no_answer'],
      ),
      seconds: fc.integer({ min: 0, max: 10_000 }),
      subject: cellText,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(activity, { selector: (a) => a.id, minLength: 1, maxLength: 20 }),
        async (list) => {
          const rows = [
            ['Record ID', 'Call Title', 'Activity date', 'Activity assigned to', 'Call outcome', 'Call duration'],
            ...list.map((a) => [
              String(a.id),
              a.subject,
              a.at.toISOString(),
              a.owner,
              a.outcome[0] ?? '',
              String(a.seconds * 1000),
            ]),
          ];
          const csv = toCsv(rows, ',', '\r\n');
          const reader = await openImport({
            open: () => Readable.from([Buffer.from(csv)]),
            source: 'auto',
            kind: 'auto',
            timeZone: 'Europe/Berlin',
            now: new Date(),
          });
          const records: ImportedActivity[] = [];
          for await (const batch of reader.batches()) {
            expect(batch.errors).toEqual([]);
            records.push(...(batch.records as ImportedActivity[]));
          }
          expect(
            records.map((r) => [
              r.key.value,
              r.occurredAt.toISOString(),
              r.owner.raw,
              r.outcome,
              r.durationSeconds,
              r.subject,
            ]),
          ).toEqual(
            list.map((a) => [
              String(a.id),
              a.at.toISOString(),
              a.owner,
              a.outcome[1],
              a.seconds,
              a.subject.trim() === '' ? null : a.subject.trim(),
            ]),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
