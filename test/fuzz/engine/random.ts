// A seeded pseudo-random generator, so that a fuzz run with the same seed makes the same inputs.
//
// Each input gets its own generator derived from (run seed, input index). The runner can then
// rebuild the input that hung a worker from its index alone, without replaying the run.

/** Mulberry32: 32 bits of state, fast, and good enough to pick bytes and offsets. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Returns a uniform unsigned 32-bit integer. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Returns an integer in [0, bound); 0 when bound is 0. */
  below(bound: number): number {
    if (bound <= 0) return 0;
    return Math.floor((this.next() / 2 ** 32) * bound);
  }

  /** Returns an integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  /** True with probability `numerator / denominator`. */
  chance(numerator: number, denominator: number): boolean {
    return this.below(denominator) < numerator;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }
}

/** Returns the generator of input `index` in the run with `seed`. */
export function inputRandom(seed: number, index: number): Random {
  // Two rounds of a 32-bit integer hash keep neighbouring indexes far apart.
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return new Random((h ^ (h >>> 16)) >>> 0);
}
