import type { Forecast, ForecastMonth } from './forecast-api';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-04` → `Apr 2026`. */
export function monthLabel(month: string): string {
  const index = Number(month.slice(5, 7)) - 1;
  return `${MONTHS[index] ?? month} ${month.slice(0, 4)}`;
}

/** `2026-04` → `Apr ’26`, for an axis that must fit a phone. */
export function monthAxisLabel(month: string): string {
  const index = Number(month.slice(5, 7)) - 1;
  return `${MONTHS[index] ?? month} ’${month.slice(2, 4)}`;
}

export interface ForecastPoint {
  month: string;
  label: string;
  axisLabel: string;
  fromPipeline: number;
  fromRecentMeetings: number;
  fromFuturePace: number;
  total: number;
  reference: number;
  /** Forecast below the reference: the month is short. */
  short: boolean;
}

/** The three sources stack up to the month's total; the reference is drawn as a line over them. */
export function forecastPoints(months: readonly ForecastMonth[]): ForecastPoint[] {
  return months.map((m) => ({
    month: m.month,
    label: monthLabel(m.month),
    axisLabel: monthAxisLabel(m.month),
    fromPipeline: Math.round(m.fromPipeline),
    fromRecentMeetings: Math.round(m.fromRecentMeetings),
    fromFuturePace: Math.round(m.fromFuturePace),
    total: Math.round(m.total),
    reference: Math.round(m.reference),
    short: m.reference > 0 && m.total < m.reference,
  }));
}

export function referenceLabel(kind: Forecast['referenceKind']): string {
  return kind === 'target' ? 'Target' : 'Normal month';
}

export function formatMoney(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
  } catch {
    return `${Math.round(value).toLocaleString('en-US')} ${currency}`;
  }
}

/** Axis ticks: `$120k`, `$1.2M`. */
export function formatMoneyShort(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    }).format(value);
  } catch {
    return String(Math.round(value));
  }
}
