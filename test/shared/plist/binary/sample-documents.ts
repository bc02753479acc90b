// Deterministic pseudo-random plist documents for interop tests: every type, boundary
// integers, non-ASCII strings, long lengths, repeated scalars and nesting.

import { array, bool, data, date, dict, int, real, str, uid, type PlistValue } from '../../../../shared/plist/model.ts';

/** Features that some independent readers or writers cannot carry; each is on unless turned off. */
export interface SampleFeatures {
  /** UIDs: XML has no UID element (plistutil writes a CF$UID dictionary instead). */
  readonly uids?: boolean;
  /** Dates with millisecond fractions: XML dates are whole seconds. */
  readonly dateFractions?: boolean;
  /** -0.0: plistutil's XML writer prints it as 0.0, and plistlib's writer merges it with 0.0. */
  readonly negativeZero?: boolean;
  /** NaN: plistlib's writer keeps each NaN a separate object, while ours shares equal ones. */
  readonly nan?: boolean;
  /** Reals of width 32: plistlib always writes 8-byte reals. */
  readonly float32?: boolean;
  /** Carriage returns in strings: an XML parser turns them into line feeds. */
  readonly carriageReturns?: boolean;
}

const BOUNDARY_INTEGERS = [
  0n, 1n, -1n, 255n, 256n, 65535n, 65536n, 2n ** 31n - 1n, -(2n ** 31n), 2n ** 32n - 1n, 2n ** 32n,
  2n ** 53n + 1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 63n, 2n ** 64n - 1n,
];

const SAMPLE_REALS = [0, 1, 1.1, 0.1, -2.5, 1e21, 1e-7, 1e300, 5e-324, 1.7976931348623157e308, -123456.789, Infinity, -Infinity];

const SAMPLE_STRINGS = [
  '', 'a', 'PayloadContent', 'com.apple.wifi.managed', 'Grüße', 'テスト', 'é', '🎵', 'mixed ASCII and 中文',
  '<tag> & "quotes"', 'tab\tand\nnewline', 'a'.repeat(14), 'b'.repeat(15), 'c'.repeat(300), 'é'.repeat(20),
];

/** A small seeded generator (mulberry32), so that every run builds the same documents. */
class SeededRandom {
  constructor(private state: number) {}

  /** Returns a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Returns an integer in [0, bound). */
  below(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }
}

/** Returns `count` documents built from `seed`; each root is a dictionary, like a profile. */
export function sampleDocuments(count: number, seed: number, features: SampleFeatures = {}): PlistValue[] {
  const random = new SeededRandom(seed);
  const documents: PlistValue[] = [];
  for (let i = 0; i < count; i++) documents.push(sampleDict(random, features, 0));
  return documents;
}

function sampleValue(random: SeededRandom, features: SampleFeatures, depth: number): PlistValue {
  const kinds = ['string', 'integer', 'real', 'boolean', 'date', 'data', 'uid', 'array', 'dict'] as const;
  const kind = random.pick(kinds);
  switch (kind) {
    case 'string':
      return str(sampleString(random, features));
    case 'integer':
      return int(random.next() < 0.7 ? random.pick(BOUNDARY_INTEGERS) : BigInt(random.below(2 ** 31) - 2 ** 30));
    case 'real':
      return sampleReal(random, features);
    case 'boolean':
      return bool(random.next() < 0.5);
    case 'date': {
      // Whole seconds between 1900 and 2100, sometimes with milliseconds.
      const seconds = Date.UTC(1900, 0, 1) / 1000 + random.below(200 * 365 * 86400);
      const fraction = features.dateFractions === false || random.next() < 0.5 ? 0 : random.below(1000);
      return date(seconds * 1000 + fraction);
    }
    case 'data':
      return data(Uint8Array.from({ length: random.pick([0, 1, 14, 15, 16, 255, 256, 300]) }, () => random.below(256)));
    case 'uid':
      if (features.uids === false) return str('no UID');
      return uid(random.pick([0, 1, 3, 255, 256, 65536, 2 ** 32]));
    case 'array':
      if (depth >= 4) return array([]);
      return array(Array.from({ length: random.below(7) }, () => sampleValue(random, features, depth + 1)));
    case 'dict':
      if (depth >= 4) return dict([]);
      return sampleDict(random, features, depth + 1);
    default:
      throw new Error(`unhandled sample kind ${String(kind satisfies never)}`);
  }
}

function sampleDict(random: SeededRandom, features: SampleFeatures, depth: number): PlistValue {
  const entries: [string, PlistValue][] = [];
  const keys = new Set<string>();
  const size = depth === 0 ? 8 + random.below(8) : random.below(7);
  for (let i = 0; i < size; i++) {
    // Keys come from the string pool (so they repeat values elsewhere) or are numbered.
    const key = random.next() < 0.5 ? sampleString(random, features) : `key${random.below(1000)}`;
    if (keys.has(key)) continue;
    keys.add(key);
    entries.push([key, sampleValue(random, features, depth)]);
  }
  return dict(entries);
}

function sampleString(random: SeededRandom, features: SampleFeatures): string {
  const text = random.pick(SAMPLE_STRINGS);
  if (features.carriageReturns !== false && random.next() < 0.1) return `${text}\r\n${text}\r`;
  return text;
}

function sampleReal(random: SeededRandom, features: SampleFeatures): PlistValue {
  const roll = random.next();
  if (roll < 0.05 && features.nan !== false) return real(NaN);
  if (roll < 0.1 && features.negativeZero !== false) return real(-0);
  if (roll < 0.2 && features.float32 !== false) return { kind: 'real', value: random.pick([0.5, 1.5, -3.25, 1024]), width: 32 };
  if (roll < 0.6) return real(random.pick(SAMPLE_REALS));
  return real((random.next() - 0.5) * 10 ** random.below(20));
}
