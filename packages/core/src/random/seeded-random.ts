/**
 * A small deterministic generator (mulberry32). The demo organization must be the same on every
 * machine for the same seed and date, so tests can assert what it plants; Math.random cannot be seeded.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Normal distribution (Box–Muller), for cycle lengths and amounts. */
  normal(mean: number, stdDev: number): number;
  /** A reproducible UUID (version 4 layout) from the stream. */
  uuid(): string;
  /**
   * A reproducible time-ordered UUID (version 7 layout) for an instant: rows inserted in time
   * order then land next to each other in the primary-key index instead of all over it.
   */
  uuidAt(epochMs: number): string;
}

export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const word = (): string =>
    Math.floor(next() * 4294967296)
      .toString(16)
      .padStart(8, '0');
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick() needs at least one item');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    normal: (mean, stdDev) => {
      const u = 1 - next();
      const v = next();
      return mean + stdDev * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    uuid: () => {
      const hex = word() + word() + word() + word();
      const variant = (8 + (parseInt(hex[16] as string, 16) & 3)).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
    uuidAt: (epochMs) => {
      const time = Math.max(0, Math.floor(epochMs)).toString(16).padStart(12, '0').slice(-12);
      const rand = word() + word() + word();
      const variant = (8 + (parseInt(rand[3] as string, 16) & 3)).toString(16);
      return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rand.slice(0, 3)}-${variant}${rand.slice(4, 7)}-${rand.slice(7, 19)}`;
    },
  };
}
