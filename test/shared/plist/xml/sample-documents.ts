// Deterministic documents of every XML plist type for the interop tests.

import { array, bool, data, date, dict, int, real, str, type PlistValue } from '../../../../shared/plist/model.ts';

/** Options that keep generated documents inside what a given reader can represent. */
export interface SampleOptions {
  /** Put CR and CRLF in strings (plistlib's own writer cannot keep them). */
  readonly carriageReturns: boolean;
}

/** Small seeded generator (mulberry32), so that every run builds the same documents. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXT_PIECES = ['Wi-Fi', 'M\u00fcnchen', '\u6807\u8bc6', '\u{1F1E9}\u{1F1EA}', '\u{1F600}', '<', '>', '&', '"', "'", ' ', '\t', '\n', ']]>', '&amp;', 'caf\u00e9', 'x'];
const INTEGERS = [0n, 1n, -1n, 42n, 255n, 65536n, 9223372036854775807n, -9223372036854775808n, 18446744073709551615n, 3735928559n, -4294967296n];
const REALS = [0, -0, 1, 1.1, 0.1, -2.5, 1e21, 1e-7, 5e-324, 1.7976931348623157e308, Math.PI, 1e16, 123456.789, NaN, Infinity, -Infinity];

/** Returns `count` documents, each a dict mixing every type, nested up to four levels. */
export function sampleDocuments(count: number, seed: number, options: SampleOptions): PlistValue[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  const text = (): string => {
    const pieces: string[] = [];
    const length = Math.floor(random() * 5);
    for (let i = 0; i < length; i++) pieces.push(pick(TEXT_PIECES));
    if (options.carriageReturns && random() < 0.3) pieces.push(pick(['\r', '\r\n', 'a\rb']));
    return pieces.join('');
  };

  const scalar = (): PlistValue => {
    switch (Math.floor(random() * 6)) {
      case 0:
        return str(text());
      case 1:
        return int(pick(INTEGERS));
      case 2:
        return real(pick(REALS));
      case 3:
        return bool(random() < 0.5);
      case 4:
        // Whole seconds from 1901 to 2100, so that the XML form loses nothing.
        return date(Math.floor(-2_177_452_800 + random() * 6_280_000_000) * 1000);
      default:
        return data(Uint8Array.from({ length: Math.floor(random() * 90) }, () => Math.floor(random() * 256)));
    }
  };

  const value = (depth: number): PlistValue => {
    const roll = random();
    if (depth < 4 && roll < 0.15) return array(Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1)));
    if (depth < 4 && roll < 0.3) return container(depth + 1);
    return scalar();
  };

  const container = (depth: number): PlistValue => {
    const entries: [string, PlistValue][] = [];
    const size = Math.floor(random() * 6);
    for (let i = 0; i < size; i++) entries.push([`${text()}#${i}`, value(depth)]);
    return dict(entries);
  };

  return Array.from({ length: count }, () => {
    const entries: [string, PlistValue][] = [];
    for (let i = 0; i < 12; i++) entries.push([`${text()}#${i}`, value(1)]);
    return dict(entries);
  });
}
