// Round trips of random plist values through the XML and binary codecs. Every value a format
// can hold comes back equal under plistEqual (same kinds, same bits for reals, same key order).
// Python's plistlib, as the independent reader, reads what the writers wrote as the same values.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { readBinaryPlist } from '../../shared/plist/binary/reader.ts';
import { writeBinaryPlist } from '../../shared/plist/binary/writer.ts';
import { PlistError } from '../../shared/plist/errors.ts';
import { data, plistEqual, type PlistValue } from '../../shared/plist/model.ts';
import { readXmlPlist } from '../../shared/plist/xml/reader.ts';
import { writeXmlPlist } from '../../shared/plist/xml/writer.ts';
import { encodeUtf8 } from '../../shared/text/encoding.ts';
import { needTools } from '../support/environment.ts';
import { modelCanonical, plistlibCanonicalMany } from '../support/plist-oracle.ts';
import { nestValue, plistValueArbitrary } from './plist-arbitrary.ts';

const CODECS: Record<'xml' | 'binary', { write: (value: PlistValue) => Uint8Array; read: (bytes: Uint8Array) => PlistValue }> = {
  xml: { write: (value) => encodeUtf8(writeXmlPlist(value)), read: (bytes) => readXmlPlist(bytes).value },
  binary: { write: writeBinaryPlist, read: (bytes) => readBinaryPlist(bytes) },
};

describe.each(['xml', 'binary'] as const)('%s round trip', (format) => {
  const { write, read } = CODECS[format];

  it('keeps random values exactly', () => {
    fc.assert(
      fc.property(plistValueArbitrary(format), (value) => {
        expect(plistEqual(read(write(value)), value)).toBe(true);
      }),
      { numRuns: 400, seed: 20_261_204 },
    );
  });

  it('keeps nesting up to the depth limit', () => {
    // MAX_PLIST_DEPTH is 512: a root container and 511 levels inside it.
    for (const depth of [1, 2, 100, 511, 512]) {
      const value = nestValue({ kind: 'string', value: 'leaf\r' }, depth);
      expect(plistEqual(read(write(value)), value), `depth ${depth}`).toBe(true);
    }
  });

  it('rejects nesting past the depth limit', () => {
    const value = nestValue({ kind: 'boolean', value: true }, 513);
    expect(() => write(value)).toThrow(PlistError);
  });

  it('keeps 8 MiB of data', () => {
    const bytes = new Uint8Array(8 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) >>> 3;
    const value: PlistValue = { kind: 'array', items: [data(bytes), data(new Uint8Array(0))] };
    expect(plistEqual(read(write(value)), value)).toBe(true);
  });
});

/** A value that XML cannot hold: a forbidden character, a date outside years 0000-9999, an integer outside 128 bits. */
const XML_UNWRITABLE = fc.oneof(
  fc.constantFrom('\u0000', '\u0008', '\u001f', '\ufffe', '\uffff', '\ud800', '\udfff').chain((bad) =>
    fc.tuple(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })).map(([before, after]) => ({ kind: 'string', value: `${before}${bad}${after}` }) as PlistValue),
  ),
  fc.constantFrom(NaN, Infinity, -62_167_219_201_000, 253_402_300_800_000).map((value): PlistValue => ({ kind: 'date', value })),
  fc.constantFrom(2n ** 128n, -(2n ** 127n) - 1n).map((value): PlistValue => ({ kind: 'integer', value })),
);

/** A value that bplist00 cannot hold. */
const BINARY_UNWRITABLE = fc.oneof(
  fc.constantFrom('\ud800', '\udbff', '\udc00', 'a\udfffb').map((value): PlistValue => ({ kind: 'string', value })),
  fc.constantFrom(NaN, Infinity, -Infinity).map((value): PlistValue => ({ kind: 'date', value })),
  fc.constantFrom(2n ** 64n, -(2n ** 63n) - 1n).map((value): PlistValue => ({ kind: 'integer', value })),
  fc.constantFrom(-1n, 2n ** 128n).map((value): PlistValue => ({ kind: 'uid', value })),
);

describe.each([
  ['xml', XML_UNWRITABLE],
  ['binary', BINARY_UNWRITABLE],
] as const)('%s writer', (format, unwritable) => {
  it('rejects what the format cannot hold', () => {
    fc.assert(
      fc.property(plistValueArbitrary(format, 2), unwritable, fc.nat({ max: 6 }), (sibling, bad, depth) => {
        // The bad value sits next to a good one, some levels deep, so the key path is not empty.
        const value = nestValue({ kind: 'array', items: [sibling, bad] }, depth);
        let thrown: unknown;
        try {
          CODECS[format].write(value);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(PlistError);
        expect((thrown as PlistError).keyPath).toMatch(/\[1\]$/);
      }),
      { numRuns: 300, seed: 99 },
    );
  });

  it('rejects a key XML cannot hold', () => {
    const value: PlistValue = { kind: 'dict', entries: [{ key: 'bad\u0001key', value: { kind: 'boolean', value: true } }] };
    if (format === 'xml') expect(() => CODECS.xml.write(value)).toThrow(PlistError);
    else expect(plistEqual(CODECS.binary.read(CODECS.binary.write(value)), value)).toBe(true);
  });
});

const python = needTools('python3');
describe.skipIf(python.skip)('plistlib reads written values' + python.reason, () => {
  it.each(['xml', 'binary'] as const)('%s', (format) => {
    // Python's datetime starts at year 1, so values with a year-0 date are left out.
    const values = fc
      .sample(plistValueArbitrary(format), { numRuns: 300, seed: 7 })
      .filter((value) => !JSON.stringify(modelCanonical(value)).includes('"date":"0000-'));
    const outcomes = plistlibCanonicalMany(values.map(CODECS[format].write));

    const mismatches = values.flatMap((value, index) => {
      const outcome = outcomes[index];
      if (!outcome.ok) return [`value ${index}: plistlib rejected it: ${outcome.error}`];
      try {
        expect(outcome.value).toEqual(modelCanonical(value));
        return [];
      } catch {
        return [`value ${index}: plistlib read ${JSON.stringify(outcome.value).slice(0, 300)}`];
      }
    });
    expect(mismatches).toEqual([]);
  });
});
