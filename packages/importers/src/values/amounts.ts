/**
 * Money as exports write it: "$1,234.50", "1.234,50 €", "EUR 1 234,50", "1'234.50", "1234.5".
 * The result is an exact decimal string with two places — money never passes through a float.
 */
export type ParsedAmount =
  { ok: true; amount: string; currency: string | null; rounded: boolean } | { ok: false; reason: string; fix: string };

const SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  CA$: 'CAD',
  C$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  R$: 'BRL',
  Fr: 'CHF',
  kr: 'SEK',
};

/** The largest amount the database column holds (numeric(14, 2)). */
const MAX_WHOLE_DIGITS = 12;

export function parseAmount(value: string): ParsedAmount {
  // Spaces of every kind (NBSP and the narrow NBSP French formats use) and apostrophes (Swiss) group digits.
  let text = value.replace(/[\s\u00a0\u202f']/g, '');
  if (text === '') return { ok: false, reason: 'The amount is empty.', fix: 'Write an amount, e.g. 1234.50, or 0.' };
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  let currency: string | null = null;
  const code = /^([A-Z]{3})|([A-Z]{3})$/.exec(text);
  if (code) {
    currency = code[1] ?? code[2] ?? null;
    text = text.replace(/^[A-Z]{3}|[A-Z]{3}$/, '');
  }
  const symbol = /^(-?)(US\$|CA\$|C\$|A\$|AU\$|R\$|[$€£¥₹])|(US\$|CA\$|[$€£¥₹]|Fr|kr)$/.exec(text);
  if (symbol) {
    const found = symbol[2] ?? symbol[3] ?? '';
    currency ??= SYMBOLS[found] ?? null;
    text = text.replace(found, '');
  }
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1);
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) {
    return {
      ok: false,
      reason: `"${value}" is not an amount.`,
      fix: 'Write the amount as a number, e.g. 1234.50 or 1.234,50 €.',
    };
  }
  const normalized = toDotDecimal(text);
  if (normalized === null) {
    return {
      ok: false,
      reason: `"${value}" mixes its separators in a way no number format does.`,
      fix: 'Write the amount as 1234.50 (or 1,234.50 / 1.234,50).',
    };
  }
  if (negative) {
    return {
      ok: false,
      reason: `The amount ${value} is negative.`,
      fix: 'Opportunity amounts are 0 or more; remove the minus sign or the row.',
    };
  }
  const [whole = '0', fraction = ''] = normalized.split('.');
  const wholeDigits = whole.replace(/^0+(?=\d)/, '');
  if (wholeDigits.length > MAX_WHOLE_DIGITS) {
    return { ok: false, reason: `The amount ${value} is too large.`, fix: 'Amounts up to 999,999,999,999.99 fit.' };
  }
  const { cents, rounded } = roundToCents(wholeDigits, fraction);
  return { ok: true, amount: cents, currency, rounded };
}

/**
 * Decides which separator is the decimal mark. Both present: the last one is. One kind, several
 * times: grouping. One kind, once: decimal unless exactly three digits follow ("1,234" and
 * "1.234" are a thousand and more — prices with three decimals are rarer than thousands).
 */
function toDotDecimal(text: string): string | null {
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot !== -1 && lastComma !== -1) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [intPart, fracPart, extra] = text.split(decimal);
    if (extra !== undefined || fracPart === undefined || fracPart.includes(group)) return null;
    if (!validGrouping(intPart ?? '', group)) return null;
    return `${(intPart ?? '').replaceAll(group, '')}.${fracPart}`;
  }
  const separator = lastDot !== -1 ? '.' : lastComma !== -1 ? ',' : null;
  if (separator === null) return text;
  const parts = text.split(separator);
  if (parts.length > 2) return validGrouping(text, separator) ? parts.join('') : null;
  const [intPart = '', fracPart = ''] = parts;
  if (fracPart.length === 3 && intPart.length >= 1 && intPart.length <= 3 && intPart !== '0') {
    return `${intPart}${fracPart}`;
  }
  return `${intPart === '' ? '0' : intPart}.${fracPart}`;
}

function validGrouping(intPart: string, group: string): boolean {
  if (!intPart.includes(group)) return true;
  const groups = intPart.split(group);
  return groups.slice(1).every((g) => g.length === 3) && (groups[0] ?? '').length >= 1 && (groups[0] ?? '').length <= 3;
}

function roundToCents(whole: string, fraction: string): { cents: string; rounded: boolean } {
  const padded = `${fraction}00`;
  let cents = BigInt(`${whole || '0'}${padded.slice(0, 2)}`);
  const rest = fraction.slice(2);
  const rounded = /[1-9]/.test(rest);
  // Half away from zero, as accountants round.
  if (rest !== '' && Number(rest[0]) >= 5) cents += 1n;
  const text = cents.toString().padStart(3, '0');
  return { cents: `${text.slice(0, -2)}.${text.slice(-2)}`, rounded };
}
