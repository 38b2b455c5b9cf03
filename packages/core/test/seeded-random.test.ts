import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../src/index';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[47][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('seeded random numbers', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const a = createSeededRandom(7);
    const b = createSeededRandom(7);
    const c = createSeededRandom(8);
    const draw = (r: ReturnType<typeof createSeededRandom>) => [r.next(), r.uuid(), r.int(1, 6)];
    expect(draw(a)).toEqual(draw(b));
    expect(draw(createSeededRandom(7))).not.toEqual(draw(c));
  });

  it('keeps integers inside their bounds and UUIDs well-formed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (seed, min, span) => {
        const r = createSeededRandom(seed);
        const n = r.int(min, min + span);
        return Number.isInteger(n) && n >= min && n <= min + span && UUID.test(r.uuid()) && UUID.test(r.uuidAt(1e12));
      }),
    );
  });

  it('orders time-based UUIDs by their instant', () => {
    const r = createSeededRandom(1);
    const ids = [1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000].map((t) => r.uuidAt(t));
    expect([...ids].sort()).toEqual(ids);
  });
});
