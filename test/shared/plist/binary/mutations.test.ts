// Robustness of the bplist00 reader on corrupted files: seeded byte changes and truncations
// of valid files must either read or fail with PlistError, never with any other exception.

import { describe, expect, it } from 'vitest';

import { PlistError } from '../../../../shared/plist/errors.ts';
import { readBinaryPlist } from '../../../../shared/plist/binary/reader.ts';
import { writeBinaryPlist } from '../../../../shared/plist/binary/writer.ts';
import { sampleDocuments } from './sample-documents.ts';

/** Returns how reading `bytes` ended: 'read', 'PlistError', or the other exception's text. */
function readOutcome(bytes: Uint8Array): string {
  try {
    readBinaryPlist(bytes, { file: 'mutated.bplist' });
    return 'read';
  } catch (error) {
    if (error instanceof PlistError) return 'PlistError';
    return String(error);
  }
}

/** Linear congruential generator with a fixed seed, so that every run makes the same mutations. */
function seededIntegers(seed: number): (bound: number) => number {
  let state = seed;
  return (bound) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * bound);
  };
}

describe('readBinaryPlist on mutated files', () => {
  const originals = sampleDocuments(6, 555).map(writeBinaryPlist);
  // Values that hit boundaries of sizes, markers and counts.
  const interesting = [0x00, 0x01, 0x0f, 0x10, 0x13, 0x14, 0x1f, 0x5f, 0x6f, 0x7f, 0x80, 0xaf, 0xdf, 0xff];

  it('changes one byte at a time', () => {
    const below = seededIntegers(42);
    const unexpected: string[] = [];
    for (const original of originals) {
      for (let i = 0; i < 400; i++) {
        const mutated = original.slice();
        const at = below(mutated.length);
        mutated[at] = below(2) === 0 ? interesting[below(interesting.length)] : below(256);
        const outcome = readOutcome(mutated);
        if (outcome !== 'read' && outcome !== 'PlistError') unexpected.push(`byte ${at}: ${outcome}`);
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('changes trailer fields', () => {
    const below = seededIntegers(7);
    const unexpected: string[] = [];
    for (const original of originals) {
      for (let i = 0; i < 300; i++) {
        const mutated = original.slice();
        const at = mutated.length - 32 + 6 + below(26);
        mutated[at] = interesting[below(interesting.length)];
        const outcome = readOutcome(mutated);
        if (outcome !== 'read' && outcome !== 'PlistError') unexpected.push(`trailer byte ${at}: ${outcome}`);
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('truncates and pads files', () => {
    const unexpected: string[] = [];
    for (const original of originals) {
      for (let length = 0; length < original.length; length += 7) {
        const outcome = readOutcome(original.subarray(0, length));
        if (outcome !== 'PlistError') unexpected.push(`first ${length} bytes: ${outcome}`);
      }
      const padded = new Uint8Array(original.length + 5);
      padded.set(original);
      const outcome = readOutcome(padded);
      if (outcome !== 'PlistError') unexpected.push(`padded: ${outcome}`);
    }
    expect(unexpected).toEqual([]);
  });
});
