// Shrinking a failing input by chunk removal, so that a regression file shows the bug in as
// few bytes as possible.

/**
 * Returns the smallest input found that still makes `fails` true. It removes chunks of half the
 * input, then a quarter, and so on down to single bytes, keeping each removal that still fails
 * (the chunk-removal half of delta debugging). Stops after `maxAttempts` calls to `fails`.
 */
export function minimise(input: Uint8Array, fails: (candidate: Uint8Array) => boolean, maxAttempts = 4000): Uint8Array {
  let current = input;
  let attempts = 0;

  for (let chunk = Math.max(1, Math.floor(current.length / 2)); chunk >= 1; chunk = Math.floor(chunk / 2)) {
    let start = 0;
    while (start < current.length) {
      if (attempts++ >= maxAttempts) return current;
      const candidate = new Uint8Array(current.length - Math.min(chunk, current.length - start));
      candidate.set(current.subarray(0, start));
      candidate.set(current.subarray(start + chunk), start);

      // Keep the removal and retry at the same place; otherwise move past the chunk.
      if (fails(candidate)) current = candidate;
      else start += chunk;
    }
  }
  return current;
}
