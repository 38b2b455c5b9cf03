import { describe, expect, it } from 'vitest';
import { DateReader, dateEvidence, parseAmount, parseDateFormat, parseOwnerRef, stableKey } from '../src/index';
import { parseDuration } from '../src/values/durations';
import { sniffDelimiter } from '../src/read/delimiter';
import { detectEncoding } from '../src/read/decode';

describe('dates', () => {
  const ny = new DateReader(null, 'America/New_York');
  const iso = (value: string, reader = ny) => {
    const parsed = reader.instant(value);
    return parsed.ok ? parsed.value.toISOString() : `error: ${parsed.reason}`;
  };

  it('reads ISO dates and times, with and without a zone', () => {
    expect(iso('2026-03-04')).toBe('2026-03-04T05:00:00.000Z');
    expect(iso('2026-03-04 14:05')).toBe('2026-03-04T19:05:00.000Z');
    expect(iso('2026-03-04T14:05:06.789Z')).toBe('2026-03-04T14:05:06.789Z');
    expect(iso('2026-03-04T14:05:00+02:00')).toBe('2026-03-04T12:05:00.000Z');
    expect(iso('2026-07-04 14:05')).toBe('2026-07-04T18:05:00.000Z');
  });

  it('reads US and European forms once the order is known, AM/PM and two-digit years included', () => {
    const us = new DateReader('MDY', 'America/New_York');
    const eu = new DateReader('DMY', 'Europe/Berlin');
    expect(iso('3/4/2026 2:05 PM', us)).toBe('2026-03-04T19:05:00.000Z');
    expect(iso('12/31/26 12:00 AM', us)).toBe('2026-12-31T05:00:00.000Z');
    expect(iso('04.03.2026 14:05', eu)).toBe('2026-03-04T13:05:00.000Z');
    expect(iso('31/12/2026', eu)).toBe('2026-12-30T23:00:00.000Z');
    expect(iso('Mar 4, 2026 2:05 PM', us)).toBe('2026-03-04T19:05:00.000Z');
    expect(iso('4 März 2026', eu)).toBe('2026-03-03T23:00:00.000Z');
  });

  it('converts wall-clock times on daylight-saving days correctly', () => {
    // 8 March 2026: New York springs forward at 02:00.
    expect(iso('2026-03-08 01:30')).toBe('2026-03-08T06:30:00.000Z');
    expect(iso('2026-03-08 03:30')).toBe('2026-03-08T07:30:00.000Z');
    expect(iso('2026-11-01 12:00')).toBe('2026-11-01T17:00:00.000Z');
  });

  it('never guesses the order of an ambiguous date', () => {
    expect(iso('03/04/2026')).toMatch(/^error: "03\/04\/2026" could be read as 3 April 2026 or 4 March 2026/);
    expect(iso('13/04/2026')).toBe('2026-04-13T04:00:00.000Z');
    expect(dateEvidence('03/04/2026')).toBe('either');
    expect(dateEvidence('13/04/2026')).toBe('DMY');
    expect(dateEvidence('04/13/2026')).toBe('MDY');
    expect(dateEvidence('2026-04-13')).toBe('YMD');
  });

  it('rejects impossible dates and non-dates', () => {
    expect(iso('2026-02-30')).toMatch(/not a real date/);
    expect(iso('2026-13-45 10:00')).toMatch(/not a real date/);
    expect(iso('tomorrow')).toMatch(/not a date/);
    expect(iso('2026-03-04 25:00')).toMatch(/not a real date/);
  });

  it('gives calendar dates in the time zone', () => {
    const parsed = ny.calendarDate('2026-03-05T02:00:00Z');
    expect(parsed.ok && parsed.value).toBe('2026-03-04');
    const plain = ny.calendarDate('2026-03-05 23:00');
    expect(plain.ok && plain.value).toBe('2026-03-05');
  });

  it('reads --date-format spellings', () => {
    expect(parseDateFormat('DD/MM/YYYY')).toBe('DMY');
    expect(parseDateFormat('mm-dd-yyyy')).toBe('MDY');
    expect(parseDateFormat('YYYY-MM-DD')).toBe('YMD');
    expect(parseDateFormat('D.M.YY')).toBe('DMY');
    expect(parseDateFormat('whenever')).toBeNull();
  });
});

describe('amounts', () => {
  const amount = (value: string) => {
    const parsed = parseAmount(value);
    return parsed.ok ? [parsed.amount, parsed.currency] : `error: ${parsed.reason}`;
  };
  it.each([
    ['$1,234.50', ['1234.50', 'USD']],
    ['1.234,50 €', ['1234.50', 'EUR']],
    ['EUR 1 234,50', ['1234.50', 'EUR']],
    ['1\u202f234,50\u00a0€', ['1234.50', 'EUR']],
    ["CHF 1'234.50", ['1234.50', 'CHF']],
    ['1234.5', ['1234.50', null]],
    ['0,5', ['0.50', null]],
    ['1,234', ['1234.00', null]],
    ['1.234.567', ['1234567.00', null]],
    ['£999', ['999.00', 'GBP']],
    ['12.345', ['12345.00', null]],
    ['0.125', ['0.13', null]],
  ])('%s', (value, expected) => {
    expect(amount(value)).toEqual(expected);
  });

  it('rejects negatives, words and broken grouping', () => {
    expect(amount('-5')).toMatch(/negative/);
    expect(amount('(100.00)')).toMatch(/negative/);
    expect(amount('lots')).toMatch(/not an amount/);
    expect(amount('1,23,4.5')).toMatch(/mixes/);
  });
});

describe('other values', () => {
  it('reads durations in the export unit or as a clock', () => {
    expect(parseDuration('245', 'seconds')).toBe(245);
    expect(parseDuration('245000', 'milliseconds')).toBe(245);
    expect(parseDuration('1:02:03', 'seconds')).toBe(3723);
    expect(parseDuration('04:05', 'seconds')).toBe(245);
    expect(parseDuration('01:30', 'minutes')).toBe(5400);
    expect(parseDuration('soon', 'seconds')).toBeNull();
  });

  it('reads owners as names, e-mails or both', () => {
    expect(parseOwnerRef('Jane Doe <JANE@acme.com>')).toEqual({
      raw: 'Jane Doe <JANE@acme.com>',
      name: 'Jane Doe',
      email: 'jane@acme.com',
    });
    expect(parseOwnerRef('Jane Doe (jane@acme.com)')).toMatchObject({ name: 'Jane Doe', email: 'jane@acme.com' });
    expect(parseOwnerRef('Jane Doe')).toMatchObject({ name: 'Jane Doe', email: null });
  });

  it('hashes identifying fields stably, ignoring case, accents and spacing', () => {
    const a = stableKey(['Riley Carter', '2026-03-04T05:00:00.000Z', 'call', 'Intro  Call', 'ACME']);
    expect(a).toMatch(/^h:[0-9a-f]{32}$/);
    expect(stableKey(['riley carter', '2026-03-04T05:00:00.000Z', 'call', 'intro call', 'acme'])).toBe(a);
    expect(stableKey(['Riley Carter', '2026-03-04T05:00:00.000Z', 'call', 'Intro call 2', 'ACME'])).not.toBe(a);
    // The recipe documented in docs/imports.md, computed independently: SHA-256 of the normalised
    // fields joined by U+001F, first 32 hex digits.
    expect(stableKey(['Riley Carter', '2026-03-04T05:00:00.000Z', 'call'])).toBe('h:10903b265e6b0be8ffc040e141b16633');
  });

  it('sniffs delimiters and encodings', () => {
    expect(sniffDelimiter('a;b;c\n1;2,5;3\n')).toBe(';');
    expect(sniffDelimiter('"a,b"\tc\td\n1\t2\t3\n')).toBe('\t');
    expect(sniffDelimiter('a,b,c\n')).toBe(',');
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(
      detectEncoding(Buffer.from('a\u0000b\u0000c\u0000d\u0000,\u0000e\u0000f\u0000g\u0000', 'latin1')).encoding,
    ).toBe('utf-16le');
    expect(detectEncoding(Buffer.from('Réunion', 'latin1')).encoding).toBe('windows-1252');
    expect(detectEncoding(Buffer.from('Réunion', 'utf8')).encoding).toBe('utf-8');
  });
});
