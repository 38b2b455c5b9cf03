/**
 * A target a rep can reach on a good day but not coast to: by default the 80th percentile of
 * their last periods (linear interpolation between ranks). Null without history.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lo = sorted[low] as number;
  const hi = sorted[high] as number;
  return lo + (hi - lo) * (rank - low);
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}

/** Rounded so the number reads like a target a leader would set: whole units, or 2 significant digits. */
export function roundTarget(value: number): number {
  if (value < 10) return Math.round(value * 10) / 10;
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}

export function suggestTarget(history: readonly number[], p = 0.8): number | null {
  const value = percentile(history, p);
  return value === null ? null : roundTarget(value);
}
