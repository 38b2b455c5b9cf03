import { TZDate } from '@date-fns/tz';
import type { DateOrder } from '@rightly/core';

/**
 * Dates as exports write them: ISO ("2026-03-04", "2026-03-04T14:05:00Z", "2026-03-04 14:05"),
 * US ("3/4/2026 2:05 PM"), European ("04.03.2026 14:05", "04/03/2026"), two-digit years, and
 * month names ("Mar 4, 2026", "4 March 2026"). A date without a zone is a wall-clock time in the
 * organization's time zone; one with `Z` or an offset is that exact instant.
 *
 * Whether "03/04/2026" is 3 April or March 4 cannot be told from the value: the file decides
 * (`DateOrderDetector`), or the user does (`--date-format`). Nothing here guesses.
 */

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC when the value names its zone; null for a wall-clock time. */
  offsetMinutes: number | null;
  hasTime: boolean;
}

export interface DateProblem {
  ok: false;
  reason: string;
  fix: string;
}
export type Parsed<T> = { ok: true; value: T } | DateProblem;

const NUMERIC =
  /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:(?:T|\s+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp]\.?[Mm]\.?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;
const NAMED =
  /^(?:([A-Za-zÀ-ÿ]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-zÀ-ÿ]{3,})\.?[\s-]+(\d{2,4}))(?:(?:\s+|,\s*|\s+at\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // German, French and Spanish abbreviations that differ from English.
  mär: 3,
  mrz: 3,
  mai: 5,
  okt: 10,
  dez: 12,
  fév: 2,
  fev: 2,
  avr: 4,
  juil: 7,
  aoû: 8,
  aou: 8,
  déc: 12,
  ene: 1,
  abr: 4,
  ago: 8,
  dic: 12,
};

/** What a single value says about the file's day/month order. */
export type DateEvidence = DateOrder | 'either' | 'none';

/**
 * `MDY`/`DMY` when the value can only be read one way (a part above 12), `either` when it could
 * be both (03/04/2026), `YMD` for year-first values, `none` for values that are not numeric dates.
 */
export function dateEvidence(value: string): DateEvidence {
  const m = NUMERIC.exec(value.trim());
  if (!m) return 'none';
  const [a, b, c] = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
  if (a.length === 4) return 'YMD';
  if (c.length !== 4 && c.length !== 2) return 'none';
  const first = Number(a);
  const second = Number(b);
  if (first > 12 && second <= 12) return 'DMY';
  if (second > 12 && first <= 12) return 'MDY';
  if (first === second) return 'YMD'; // 04/04/2026 reads the same either way
  return first <= 12 && second <= 12 ? 'either' : 'none';
}

function parseParts(value: string, order: DateOrder | null): Parsed<DateParts> {
  const text = value.trim();
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const [a = '', b = '', c = ''] = [numeric[1], numeric[2], numeric[3]];
    let year: number;
    let month: number;
    let day: number;
    if (a.length === 4) {
      [year, month, day] = [Number(a), Number(b), Number(c)];
    } else {
      const evidence = dateEvidence(text);
      const use = evidence === 'MDY' || evidence === 'DMY' ? evidence : (order ?? (evidence === 'YMD' ? 'MDY' : null));
      if (use === null || use === 'YMD') {
        return {
          ok: false,
          reason: `"${value}" could be read as ${describe(a, b, c, 'DMY')} or ${describe(a, b, c, 'MDY')}.`,
          fix: 'Say how the file writes dates: --date-format DD/MM/YYYY or MM/DD/YYYY (dateFormat in a mapping file).',
        };
      }
      [day, month] = use === 'DMY' ? [Number(a), Number(b)] : [Number(b), Number(a)];
      year = twoDigitYear(c);
    }
    return withTime(value, { year, month, day }, [
      numeric[4],
      numeric[5],
      numeric[6],
      numeric[7],
      numeric[8],
      numeric[9],
    ]);
  }
  const named = NAMED.exec(text);
  if (named) {
    const monthName = (named[1] ?? named[5] ?? '').toLowerCase();
    const month = MONTHS[monthName.slice(0, 3)] ?? MONTHS[monthName.slice(0, 4)];
    if (month === undefined) return notADate(value);
    const day = Number(named[2] ?? named[4]);
    const year = twoDigitYear(named[3] ?? named[6] ?? '');
    return withTime(value, { year, month, day }, [named[7], named[8], named[9], undefined, named[10], named[11]]);
  }
  return notADate(value);
}

function withTime(
  value: string,
  date: { year: number; month: number; day: number },
  time: (string | undefined)[],
): Parsed<DateParts> {
  const [h, mi, s, fraction, meridiem, zone] = time;
  let hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const millisecond = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  if (meridiem) {
    if (hour < 1 || hour > 12) return notADate(value);
    const pm = meridiem.toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (!validDate(date.year, date.month, date.day) || hour > 23 || minute > 59 || second > 59) {
    return {
      ok: false,
      reason: `"${value}" is not a real date or time.`,
      fix: 'Check the day, month and time (the day must exist in that month).',
    };
  }
  return {
    ok: true,
    value: { ...date, hour, minute, second, millisecond, offsetMinutes: parseZone(zone), hasTime: h !== undefined },
  };
}

function parseZone(zone: string | undefined): number | null {
  if (zone === undefined) return null;
  if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function twoDigitYear(text: string): number {
  const n = Number(text);
  if (text.length !== 2) return n;
  // Sales data is recent: 00–69 is this century, 70–99 the last.
  return n < 70 ? 2000 + n : 1900 + n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  return day <= (DAYS_IN_MONTH[month - 1] ?? 31) + (leap ? 1 : 0);
}

function describe(a: string, b: string, c: string, order: 'DMY' | 'MDY'): string {
  const [day, month] = order === 'DMY' ? [Number(a), Number(b)] : [Number(b), Number(a)];
  const names = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${day} ${names[month - 1] ?? '?'} ${twoDigitYear(c)}`;
}

function notADate(value: string): DateProblem {
  return {
    ok: false,
    reason: `"${value}" is not a date.`,
    fix: 'Write dates like 2026-03-04, 3/4/2026 or 04.03.2026, optionally with a time (14:05 or 2:05 PM).',
  };
}

/**
 * Reads dates of one file: in one day/month order, with wall-clock times in one time zone. The
 * UTC instant of each local midnight is cached per day (a file spans hundreds of days, not a
 * million), so a million rows cost a million additions, not a million time-zone lookups.
 */
export class DateReader {
  private readonly midnights = new Map<number, { utc: number; plainDay: boolean }>();

  constructor(
    readonly order: DateOrder | null,
    readonly timeZone: string,
  ) {}

  /** An instant; a date without a time is the start of that day in the time zone. */
  instant(value: string): Parsed<Date> {
    const parsed = parseParts(value, this.order);
    if (!parsed.ok) return parsed;
    const p = parsed.value;
    if (p.offsetMinutes !== null) {
      const utc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
      return { ok: true, value: new Date(utc - p.offsetMinutes * 60_000) };
    }
    return { ok: true, value: new Date(this.localInstant(p)) };
  }

  /** A calendar date (YYYY-MM-DD) in the time zone, for close dates. */
  calendarDate(value: string): Parsed<string> {
    const parsed = parseParts(value, this.order);
    if (!parsed.ok) return parsed;
    const p = parsed.value;
    if (p.offsetMinutes !== null && p.hasTime) {
      const instant = this.instant(value);
      if (!instant.ok) return instant;
      const local = new TZDate(instant.value.getTime(), this.timeZone);
      return { ok: true, value: isoDate(local.getFullYear(), local.getMonth() + 1, local.getDate()) };
    }
    return { ok: true, value: isoDate(p.year, p.month, p.day) };
  }

  private localInstant(p: DateParts): number {
    const key = p.year * 10_000 + p.month * 100 + p.day;
    let day = this.midnights.get(key);
    if (!day) {
      const utc = new TZDate(p.year, p.month - 1, p.day, this.timeZone).getTime();
      const next = new TZDate(p.year, p.month - 1, p.day + 1, this.timeZone).getTime();
      // A day with a daylight-saving change is not 24 h long; its times are converted one by one.
      day = { utc, plainDay: next - utc === 86_400_000 };
      this.midnights.set(key, day);
    }
    if (day.plainDay) {
      return day.utc + ((p.hour * 60 + p.minute) * 60 + p.second) * 1000 + p.millisecond;
    }
    return new TZDate(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond, this.timeZone).getTime();
  }
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Collects what a file's date cells say about its day/month order. `MDY` and `DMY` evidence
 * together mean the file mixes formats; only `either` values mean it cannot be told.
 */
export class DateOrderDetector {
  private mdy: { value: string; line: number } | null = null;
  private dmy: { value: string; line: number } | null = null;
  private either: { value: string; line: number } | null = null;

  add(value: string, line: number): void {
    const evidence = dateEvidence(value);
    if (evidence === 'MDY') this.mdy ??= { value, line };
    else if (evidence === 'DMY') this.dmy ??= { value, line };
    else if (evidence === 'either') this.either ??= { value, line };
  }

  /** True once a value settled the order (or showed the file mixes both). */
  get decided(): boolean {
    return this.mdy !== null || this.dmy !== null;
  }

  /** Some date could be read two ways. */
  get ambiguous(): boolean {
    return this.either !== null;
  }

  get example(): { value: string; line: number } | null {
    return this.either;
  }

  result():
    | { kind: 'order'; order: DateOrder | null }
    | { kind: 'mixed'; mdy: { value: string; line: number }; dmy: { value: string; line: number } }
    | { kind: 'ambiguous'; example: { value: string; line: number } } {
    if (this.mdy && this.dmy) return { kind: 'mixed', mdy: this.mdy, dmy: this.dmy };
    if (this.mdy) return { kind: 'order', order: 'MDY' };
    if (this.dmy) return { kind: 'order', order: 'DMY' };
    if (this.either) return { kind: 'ambiguous', example: this.either };
    return { kind: 'order', order: null };
  }
}

/** `--date-format` values: DD/MM/YYYY, MM/DD/YYYY, YYYY-MM-DD (any separator), or DMY/MDY/YMD. */
export function parseDateFormat(text: string): DateOrder | null {
  const upper = text.trim().toUpperCase();
  if (upper === 'DMY' || upper === 'MDY' || upper === 'YMD') return upper;
  const parts = /^(D{1,2}|M{1,2}|Y{2,4})[-/. ](D{1,2}|M{1,2}|Y{2,4})[-/. ](D{1,2}|M{1,2}|Y{2,4})$/.exec(upper);
  if (!parts) return null;
  const order = parts
    .slice(1)
    .map((p) => p[0])
    .join('');
  return order === 'DMY' || order === 'MDY' || order === 'YMD' ? order : null;
}
