import { describe, expect, it } from 'vitest';

import { interleaveAll } from '../../bench/timing.ts';

describe('interleaveAll', () => {
  it('rotates the order each round', async () => {
    const calls: string[] = [];
    const record = (name: string) => async () => {
      calls.push(name);
      return calls.length;
    };

    const samples = await interleaveAll(3, { a: record('a'), b: record('b'), c: record('c') });

    // One warm-up of each, then rounds starting at a, b and c.
    expect(calls.join(' ')).toBe('a b c a b c b c a c a b');
    expect(samples).toEqual({ a: [4, 9, 11], b: [5, 7, 12], c: [6, 8, 10] });
  });

  it('zero runs keeps only the warm-up', async () => {
    let count = 0;
    const samples = await interleaveAll(0, { only: async () => ++count });
    expect(count).toBe(1);
    expect(samples).toEqual({ only: [] });
  });
});
