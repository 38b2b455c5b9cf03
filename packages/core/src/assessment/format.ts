import type { MetricUnit } from '../metrics/metric-definition';

/** Numbers as a sentence shows them: "12", "64%", "$48,200", "52 days". */
export function formatValue(value: number | null, unit: MetricUnit, currency = 'USD'): string {
  if (value === null) return 'no data';
  switch (unit) {
    case 'percent':
      return `${Math.round(value)}%`;
    case 'currency':
      return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
    case 'days':
      return `${Math.round(value)} day${Math.round(value) === 1 ? '' : 's'}`;
    case 'count':
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
}

export function formatShare(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
