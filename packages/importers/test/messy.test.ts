import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportFileError, parseMapping, type ImportedActivity, type ImportedOpportunity } from '../src/index';
import { fixture, readAll } from './helpers';

const activities = (records: unknown[]) => records as ImportedActivity[];

describe('real-world mess', () => {
  it('reads UTF-8 with a BOM like without', async () => {
    const plain = await readAll('hubspot/calls.csv');
    const bom = await readAll('messy/utf8-bom.csv');
    expect(bom.format.encoding).toBe('utf-8');
    expect(bom.format.header.names[0]).toBe('Record ID');
    expect(bom.records).toEqual(plain.records);
  });

  it('reads Excel "Unicode text": UTF-16LE with a BOM, tab-delimited, CRLF', async () => {
    const result = await readAll('messy/utf16le-excel.txt');
    expect(result.format).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', id: 'salesforce-activities' });
    const plain = await readAll('salesforce/activities-details-only.csv');
    expect(result.records).toEqual(plain.records);
  });

  it('reads UTF-16 split into tiny chunks, characters cut in half included', async () => {
    const bytes = readFileSync(fixture('messy/utf16le-excel.txt'));
    const { Readable } = await import('node:stream');
    const { openImport } = await import('../src/index');
    const reader = await openImport({
      open: () => Readable.from(Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1))),
      source: 'auto',
      kind: 'auto',
      timeZone: 'America/New_York',
      now: new Date('2026-11-27T20:00:00Z'),
    });
    const names: string[] = [];
    for await (const batch of reader.batches()) names.push(...activities(batch.records).map((r) => r.owner.raw));
    expect(names).toContain('Amélie Dubois');
  });

  it('reads Windows-1252 when the bytes are not UTF-8', async () => {
    const result = await readAll('messy/windows-1252.csv');
    expect(result.format.encoding).toBe('windows-1252');
    expect(activities(result.records)[0]).toMatchObject({
      subject: 'Réunion préparatoire',
      accountName: 'Société Fixture Générale',
      owner: { name: 'Amélie Dubois' },
    });
  });

  it('reads `;`-delimited files with European amounts and dates', async () => {
    const result = await readAll('messy/semicolon-eu.csv');
    expect(result.format).toMatchObject({ delimiter: ';', id: 'hubspot-deals', dateOrder: 'DMY' });
    expect((result.records as ImportedOpportunity[]).map((r) => [r.amount, r.currency, r.closeDate])).toEqual([
      ['1234.50', 'EUR', '2026-11-14'],
      ['2500.00', 'EUR', '2026-12-20'],
    ]);
  });

  it('reads tab-delimited files', async () => {
    const result = await readAll('messy/tab.tsv');
    expect(result.format).toMatchObject({ delimiter: '\t', id: 'pipedrive-deals' });
    expect(result.records).toHaveLength(3);
  });

  it('keeps quoted line breaks and doubled quotes inside a cell, and counts lines across them', async () => {
    const result = await readAll('messy/quoted-newlines.csv');
    const records = activities(result.records);
    expect(records[0]?.subject).toBe('Call with\nseveral lines\nof notes');
    expect(records.map((r) => r.line)).toEqual([2, 5, 6]);
    expect(records[2]?.subject).toBe('Broken "quote" inside');
  });

  it('reads amounts in every common notation and rejects the unreadable ones with a fix', async () => {
    const mapping = parseMapping(readFileSync(fixture('messy/amounts.mapping.json'), 'utf8'));
    const result = await readAll('messy/amounts.csv', { mapping });
    expect((result.records as ImportedOpportunity[]).map((r) => [r.name, r.amount, r.currency])).toEqual([
      ['Amount Fixture A', '1234.50', 'USD'],
      ['Amount Fixture B', '1234.50', 'EUR'],
      ['Amount Fixture C', '2500.00', 'EUR'],
      ['Amount Fixture F', '999.00', 'GBP'],
    ]);
    expect(result.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [5, 'Value', '(100.00)'],
      [6, 'Value', 'lots'],
    ]);
    expect(result.errors[0]?.reason).toMatch(/negative/);
    expect(result.errors[1]?.fix).toMatch(/1234\.50/);
  });

  it('refuses a file whose dates read both ways, asking for --date-format', async () => {
    const error = await readAll('messy/ambiguous-dates.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).reason).toMatch(/line 2: "03\/04\/2026"/);
    expect((error as ImportFileError).fix).toMatch(/--date-format DD\/MM\/YYYY/);
    const dmy = await readAll('messy/ambiguous-dates.csv', { dateFormat: 'DMY' });
    expect(activities(dmy.records)[0]?.occurredAt.toISOString()).toBe('2026-04-03T04:00:00.000Z');
    const mdy = await readAll('messy/ambiguous-dates.csv', { dateFormat: 'MDY' });
    expect(activities(mdy.records)[0]?.occurredAt.toISOString()).toBe('2026-03-04T05:00:00.000Z');
  });

  it('skips blank lines anywhere and keeps the real line numbers', async () => {
    const result = await readAll('messy/blank-lines.csv');
    expect(result.records.map((r) => r.line)).toEqual([3, 6, 7, 8]);
    expect(result.format.header.line).toBe(2);
  });

  it('finds the header below a report title and filter lines', async () => {
    const text = [
      '"Activities this quarter"',
      '"Filtered By: Assigned equals Riley Carter"',
      '',
      readFileSync(fixture('salesforce/activities-details-only.csv'), 'utf8'),
    ].join('\r\n');
    const result = await readAll({ text });
    expect(result.format).toMatchObject({ id: 'salesforce-activities' });
    expect(result.format.header.line).toBe(4);
    expect(result.records).toHaveLength(7);
    expect(result.records[0]?.line).toBe(5);
  });

  it('names duplicate headers apart and says so', async () => {
    const result = await readAll('messy/duplicate-headers.csv');
    expect(result.format.header.names).toContain('Call outcome (2)');
    expect(activities(result.records)[0]?.outcome).toBe('connected');
    expect(result.warnings[0]?.message).toMatch(/"Call outcome" appears 2 times/);
  });

  it('keeps hostile cell text verbatim: it is data, escaped where it is shown', async () => {
    const records = activities((await readAll('messy/hostile.csv')).records);
    expect(records.map((r) => [r.subject, r.accountName])).toEqual([
      ["=cmd|' /C calc'!A0", "<script>alert('x')</script> Fixture"],
      ["'); drop table activities; --", '+SUM(A1:A9) Fixture'],
      ['@import url(evil)', '-2+3 Fixture'],
    ]);
  });

  it('reports each bad row with line, column, value, reason and fix, and reads the good ones', async () => {
    const result = await readAll('messy/bad-rows.csv');
    expect(result.records.map((r) => r.line)).toEqual([2, 5, 7]);
    expect(result.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [3, 'Activity date', null],
      [4, 'Activity date', '2026-13-45 10:00'],
      [6, 'Call duration', 'forever'],
    ]);
    for (const error of result.errors) {
      expect(error.reason.length).toBeGreaterThan(5);
      expect(error.fix.length).toBeGreaterThan(5);
    }
  });

  it('explains a file that matches no export: what was expected, and a mapping to start from', async () => {
    const error = (await readAll('messy/unknown-format.csv').catch((e: unknown) => e)) as ImportFileError;
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error.reason).toContain('"Foo", "Bar", "Baz"');
    expect(error.reason).toContain('Salesforce activities report');
    expect(error.reason).toContain('HubSpot deals export');
    expect(error.fix).toContain('--mapping');
    expect(error.fix).toContain('docs/imports.md');
  });
});
