import { formatValue } from '../assessment/format';
import type { MetricInfo } from '../metrics/catalogue';

export const DISCREPANCY_RESOLUTIONS = ['missing_in_crm', 'report_corrected', 'noted'] as const;
export type DiscrepancyResolution = (typeof DISCREPANCY_RESOLUTIONS)[number];

export interface DiscrepancyInput {
  reported: number;
  measured: number | null;
  metric: Pick<MetricInfo, 'name' | 'unit'>;
  /**
   * How far apart the two may be before a leader is asked to look: a share of the larger value
   * (counts, money, days) or percentage points (percent metrics).
   */
  tolerancePercent: number;
  currency: string;
}

export interface Discrepancy {
  /** "reported 5 first meetings held, CRM shows 3" */
  sentence: string;
  difference: number;
}

/**
 * Compares a self-report with the CRM. Equal counts are fine; small differences within the
 * tolerance are too (a call logged a day late). Without a measurement there is nothing to
 * contradict the rep, so nothing is flagged.
 */
export function findDiscrepancy(input: DiscrepancyInput): Discrepancy | null {
  if (input.measured === null) return null;
  const difference = input.reported - input.measured;
  const gap = Math.abs(difference);
  if (gap < 1e-9) return null;
  const allowed =
    input.metric.unit === 'percent'
      ? input.tolerancePercent
      : (input.tolerancePercent / 100) * Math.max(Math.abs(input.reported), Math.abs(input.measured));
  if (gap <= allowed) return null;
  const fmt = (v: number) => formatValue(v, input.metric.unit, input.currency);
  const noun = input.metric.unit === 'count' ? ` ${input.metric.name.toLowerCase()}` : '';
  const named = input.metric.unit === 'count' ? '' : `${input.metric.name.toLowerCase()}: `;
  return {
    sentence: `${named}reported ${fmt(input.reported)}${noun}, CRM shows ${fmt(input.measured)}`,
    difference,
  };
}
