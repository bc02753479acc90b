// fast-check generators of plist values, for the round-trip properties and the fuzz seeds.
//
// Each format gets only what it can hold, so that a failed round trip is a bug and not a limit:
// - XML: strings and keys without the characters XML 1.0 forbids (C0 controls other than tab,
//   LF and CR, U+FFFE, U+FFFF, unpaired surrogates); dates in whole seconds, years 0000-9999;
//   integers from -2^127 to 2^128 - 1; no UIDs (XML has no UID element).
// - binary: any well-formed UTF-16 string, control characters included; integers from -2^63 to
//   2^64 - 1 (plistlib's range); UIDs below 2^64; dates in whole seconds over years 0001-9999,
//   or whole milliseconds from 1938 to 2065, where a float64 second count still has them exactly.
// - both: what both formats hold, for values written in either (XML strings, binary integers,
//   whole-second dates from year 0001, no UIDs).

import fc from 'fast-check';

import { type PlistValue } from '../../shared/plist/model.ts';

export type ArbitraryFormat = 'xml' | 'binary' | 'both';

const MS_PER_SECOND = 1000;
/** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z, in seconds since 1970. */
const XML_FIRST_SECOND = -62_167_219_200;
const XML_LAST_SECOND = 253_402_300_799;
/** 0001-01-01T00:00:00Z in seconds since 1970. */
const BINARY_FIRST_SECOND = -62_135_596_800;
/** 1938-01-01 and 2065-01-01 in milliseconds since 1970. */
const NEAR_FIRST_MS = -1_009_843_200_000;
const NEAR_LAST_MS = 3_029_443_200_000;

/** Integers at the edges of the 8-, 16-, 32-, 53-, 64- and 128-bit ranges. */
export const BOUNDARY_INTEGERS: readonly bigint[] = [
  0n, 1n, -1n, 127n, 128n, 255n, 256n, 65535n, 65536n, 2n ** 31n - 1n, -(2n ** 31n), 2n ** 32n - 1n, 2n ** 32n,
  2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 63n, 2n ** 64n - 1n,
];

const XML_ONLY_INTEGERS: readonly bigint[] = [2n ** 64n, -(2n ** 63n) - 1n, 2n ** 128n - 1n, -(2n ** 127n)];

/** Reals whose text or bit pattern is easy to get wrong. */
export const AWKWARD_REALS: readonly number[] = [1.0, -0.0, 0.0, 0.1, -1.5e300, 5e-324, Number.MAX_VALUE, 1e16, 1e15, 1e-5, 123456789.125, NaN, Infinity, -Infinity];

/** One UTF-16 code unit or astral character that `format` can hold in a string. */
function characterArbitrary(format: ArbitraryFormat): fc.Arbitrary<string> {
  const bmp = fc.integer({ min: 0, max: 0xffff }).filter((code) => code < 0xd800 || code > 0xdfff);
  const xmlSafe = bmp.filter((code) => (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) && code !== 0xfffe && code !== 0xffff);
  const astral = fc.integer({ min: 0x10000, max: 0x10ffff }).map((code) => String.fromCodePoint(code));
  const awkward = fc.constantFrom('\r', '\r\n', '\n', '\t', '&', '<', '>', ']]>', '"', "'", 'é', '✓', '\u00a0', '\u2028', '\ufeff');
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...'abcXYZ019 .-_') },
    { weight: 2, arbitrary: awkward },
    { weight: 2, arbitrary: (format === 'binary' ? bmp : xmlSafe).map((code) => String.fromCharCode(code)) },
    { weight: 1, arbitrary: astral },
    ...(format === 'binary' ? [{ weight: 1, arbitrary: fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\ufffe', '\uffff') }] : []),
  );
}

/** A string `format` can hold, mostly short, sometimes long. */
export function plistStringArbitrary(format: ArbitraryFormat): fc.Arbitrary<string> {
  const character = characterArbitrary(format);
  return fc.oneof({ weight: 9, arbitrary: fc.string({ unit: character, maxLength: 24 }) }, { weight: 1, arbitrary: fc.string({ unit: character, minLength: 200, maxLength: 2000 }) });
}

function integerArbitrary(format: ArbitraryFormat): fc.Arbitrary<bigint> {
  const [min, max] = format === 'xml' ? [-(2n ** 127n), 2n ** 128n - 1n] : [-(2n ** 63n), 2n ** 64n - 1n];
  const boundaries = format === 'xml' ? [...BOUNDARY_INTEGERS, ...XML_ONLY_INTEGERS] : BOUNDARY_INTEGERS;
  return fc.oneof(fc.constantFrom(...boundaries), fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min, max }));
}

function dateArbitrary(format: ArbitraryFormat): fc.Arbitrary<number> {
  const first = format === 'xml' ? XML_FIRST_SECOND : BINARY_FIRST_SECOND;
  const wholeSeconds = fc.integer({ min: first, max: XML_LAST_SECOND }).map((seconds) => seconds * MS_PER_SECOND);
  if (format !== 'binary') return wholeSeconds;
  return fc.oneof(wholeSeconds, fc.integer({ min: NEAR_FIRST_MS, max: NEAR_LAST_MS }));
}

/** A scalar value of any kind `format` can hold. */
export function plistScalarArbitrary(format: ArbitraryFormat): fc.Arbitrary<PlistValue> {
  const scalars: fc.Arbitrary<PlistValue>[] = [
    plistStringArbitrary(format).map((value) => ({ kind: 'string', value })),
    integerArbitrary(format).map((value) => ({ kind: 'integer', value })),
    fc.oneof(fc.constantFrom(...AWKWARD_REALS), fc.double()).map((value) => ({ kind: 'real', value })),
    fc.boolean().map((value) => ({ kind: 'boolean', value })),
    dateArbitrary(format).map((value) => ({ kind: 'date', value })),
    fc.oneof({ weight: 4, arbitrary: fc.uint8Array({ maxLength: 48 }) }, { weight: 1, arbitrary: fc.uint8Array({ minLength: 1000, maxLength: 5000 }) }).map((value) => ({ kind: 'data', value })),
  ];
  if (format === 'binary') scalars.push(fc.oneof(fc.constantFrom(0n, 255n, 256n, 2n ** 32n, 2n ** 64n - 1n), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })).map((value) => ({ kind: 'uid', value })));
  return fc.oneof(...scalars);
}

/** A value tree of every kind `format` can hold: scalars, and arrays and dictionaries nested a few levels. */
export function plistValueArbitrary(format: ArbitraryFormat, maxDepth = 4): fc.Arbitrary<PlistValue> {
  const { value } = fc.letrec<{ value: PlistValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      plistScalarArbitrary(format),
      fc.array(tie('value'), { maxLength: 6 }).map((items): PlistValue => ({ kind: 'array', items })),
      fc
        .uniqueArray(fc.tuple(plistStringArbitrary(format), tie('value')), { selector: ([key]) => key, maxLength: 6 })
        .map((pairs): PlistValue => ({ kind: 'dict', entries: pairs.map(([key, item]) => ({ key, value: item })) })),
    ),
  }));
  return value;
}

/** Nests `leaf` in `depth` containers, alternating arrays and one-entry dictionaries. */
export function nestValue(leaf: PlistValue, depth: number): PlistValue {
  let value = leaf;
  for (let level = 0; level < depth; level++) {
    value = level % 2 === 0 ? { kind: 'array', items: [value] } : { kind: 'dict', entries: [{ key: `level${level}`, value }] };
  }
  return value;
}
