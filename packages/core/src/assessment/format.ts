import type { MetricUnit } from '../metrics/metric-definition';

/** Numbers as a sentence shows them: "12", "64%", "$48,200", "52 days". */
export function formatValue(value: number | null, unit: MetricUnit, currency = 'USD'): string {
  if (value === null) return 'no data';
  switch (unit) {
    case 'percent':
      return `${Math.round(value)}%`;
    case 'currency':
      return currencyFormat(currency).format(value);
    case 'days':
      return `${Math.round(value)} day${Math.round(value) === 1 ? '' : 's'}`;
    case 'count':
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
}

export function formatShare(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

// Building an Intl formatter is costly; a matrix of a thousand reps formats many amounts.
const formats = new Map<string, Intl.NumberFormat>();
function currencyFormat(currency: string): Intl.NumberFormat {
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
    formats.set(currency, format);
  }
  return format;
}

const MONTHS = [
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

/** "31 January 2026": dates in sentences read the way people write them. */
export function longDate(day: string): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1] ?? ''} ${day.slice(0, 4)}`;
}

/** "April 2026". */
export function monthName(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}
