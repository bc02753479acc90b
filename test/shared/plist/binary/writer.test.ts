// Tests of the bplist00 writer. Expected bytes are written out from the format (marker,
// big-endian fields, offset table, 32-byte trailer); interop.test.ts checks the same
// output against Python's plistlib and libplist.

import { describe, expect, it } from 'vitest';

import { PlistError } from '../../../../shared/plist/errors.ts';
import { MAX_PLIST_DEPTH } from '../../../../shared/plist/limits.ts';
import { array, bool, data, date, dict, int, plistEqual, real, str, uid, type PlistValue } from '../../../../shared/plist/model.ts';
import { readBinaryPlist } from '../../../../shared/plist/binary/reader.ts';
import { writeBinaryPlist } from '../../../../shared/plist/binary/writer.ts';

/** Returns the bytes as spaced lowercase hex, so that a failure shows where the files differ. */
function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').replace(/(..)(?!$)/g, '$1 ');
}

/** Returns the trailer fields of a written file. */
function trailerOf(bytes: Uint8Array): { offsetSize: number; refSize: number; objectCount: bigint; topObject: bigint; tableOffset: bigint } {
  const view = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 32, 32);
  return {
    offsetSize: view.getUint8(6),
    refSize: view.getUint8(7),
    objectCount: view.getBigUint64(8),
    topObject: view.getBigUint64(16),
    tableOffset: view.getBigUint64(24),
  };
}

/** Returns the object area (after the header, before the offset table) of a written file, as hex. */
function objectArea(bytes: Uint8Array): string {
  return hex(bytes.subarray(8, Number(trailerOf(bytes).tableOffset)));
}

/** Returns the PlistError that writing `value` throws. */
function writeError(value: PlistValue): PlistError {
  try {
    writeBinaryPlist(value);
  } catch (error) {
    if (error instanceof PlistError) return error;
    throw new Error(`expected a PlistError, got ${String(error)}`);
  }
  throw new Error('expected a PlistError, but the value was written');
}

/** Returns `levels` arrays nested in each other, the innermost empty. */
function nestedArrays(levels: number): PlistValue {
  let value: PlistValue = array([]);
  for (let i = 1; i < levels; i++) value = array([value]);
  return value;
}

describe('writeBinaryPlist layout', () => {
  it('writes UTF-16 strings with unit counts', () => {
    const bytes = writeBinaryPlist(array([str('テスト'), str('é'), str('🎵')]));
    const expected = [
      '62 70 6c 69 73 74 30 30', // bplist00
      'a3 01 02 03', // array of 3 at offset 8
      '63 30 c6 30 b9 30 c8', // "テスト": 3 UTF-16 units, at 12
      '61 00 e9', // "é": 1 unit, at 19
      '62 d8 3c df b5', // "🎵": U+1F3B5 is a surrogate pair, 2 units, at 22
      '08 0c 13 16', // offset table at 27
      '00 00 00 00 00 00 01 01', // unused, sort version, offset size 1, ref size 1
      '00 00 00 00 00 00 00 04', // 4 objects
      '00 00 00 00 00 00 00 00', // top object 0
      '00 00 00 00 00 00 00 1b', // offset table at 27
    ].join(' ');
    expect(hex(bytes)).toBe(expected);
  });

  it('writes dictionary keys before values', () => {
    // Objects: the dict, keys b, a, c, then the values 1 and "x" (shared by a and c).
    const bytes = writeBinaryPlist(dict([
      ['b', int(1)],
      ['a', str('x')],
      ['c', str('x')],
    ]));
    const expected = [
      '62 70 6c 69 73 74 30 30',
      'd3 01 02 03 04 05 05', // dict of 3: key refs 1 2 3, value refs 4 5 5, at 8
      '51 62 51 61 51 63', // "b" at 15, "a" at 17, "c" at 19
      '10 01', // 1 at 21
      '51 78', // "x" at 23
      '08 0f 11 13 15 17', // offset table at 25
      '00 00 00 00 00 00 01 01',
      '00 00 00 00 00 00 00 06',
      '00 00 00 00 00 00 00 00',
      '00 00 00 00 00 00 00 19',
    ].join(' ');
    expect(hex(bytes)).toBe(expected);
  });

  it('keeps real and integer types', () => {
    const value = array([real(1), int(1), real(1.1)]);
    const bytes = writeBinaryPlist(value);
    expect(objectArea(bytes)).toBe('a3 01 02 03 23 3f f0 00 00 00 00 00 00 10 01 23 3f f1 99 99 99 99 99 9a');
    expect(readBinaryPlist(bytes)).toEqual(value);
  });

  it('writes nested containers in preorder', () => {
    // [[1], {"k": [2]}]: outer array, inner array, 1, dict, "k", inner array, 2.
    const bytes = writeBinaryPlist(array([array([int(1)]), dict([['k', array([int(2)])]])]));
    expect(objectArea(bytes)).toBe('a2 01 03 a1 02 10 01 d1 04 05 51 6b a1 06 10 02');
  });
});

describe('writeBinaryPlist scalars', () => {
  const cases: [string, PlistValue, string][] = [
    ['integer 0', int(0), '10 00'],
    ['integer 255', int(255), '10 ff'],
    ['integer 256', int(256), '11 01 00'],
    ['integer 65536', int(65536), '12 00 01 00 00'],
    ['integer 2^32', int(2n ** 32n), '13 00 00 00 01 00 00 00 00'],
    ['integer -1', int(-1), '13 ff ff ff ff ff ff ff ff'],
    ['integer 2^63-1', int(9223372036854775807n), '13 7f ff ff ff ff ff ff ff'],
    ['integer -2^63', int(-9223372036854775808n), '13 80 00 00 00 00 00 00 00'],
    ['integer 2^63', int(9223372036854775808n), '14 00 00 00 00 00 00 00 00 80 00 00 00 00 00 00 00'],
    ['integer 2^64-1', int(18446744073709551615n), '14 00 00 00 00 00 00 00 00 ff ff ff ff ff ff ff ff'],
    ['real 1.5 of width 32', { kind: 'real', value: 1.5, width: 32 }, '22 3f c0 00 00'],
    ['real 1.1 of width 32', { kind: 'real', value: 1.1, width: 32 }, '23 3f f1 99 99 99 99 99 9a'],
    ['real -0', real(-0), '23 80 00 00 00 00 00 00 00'],
    ['real NaN', real(NaN), '23 7f f8 00 00 00 00 00 00'],
    ['real infinity', real(Infinity), '23 7f f0 00 00 00 00 00 00'],
    ['date 2007-01-09T17:42:00Z', date(Date.UTC(2007, 0, 9, 17, 42)), '33 41 a6 a8 16 d0 00 00 00'],
    ['date half second before 2001', date(978307199500), '33 bf e0 00 00 00 00 00 00'],
    ['false', bool(false), '08'],
    ['true', bool(true), '09'],
    ['empty data', data(new Uint8Array(0)), '40'],
    ['data of 3 bytes', data(Uint8Array.of(1, 2, 3)), '43 01 02 03'],
    ['empty string', str(''), '50'],
    ['string of 14', str('a'.repeat(14)), `5e ${'61 '.repeat(14).trim()}`],
    ['string of 15', str('a'.repeat(15)), `5f 10 0f ${'61 '.repeat(15).trim()}`],
    ['UID 3', uid(3), '80 03'],
    ['UID 256', uid(256), '81 01 00'],
    ['UID 2^32', uid(2n ** 32n), '87 00 00 00 01 00 00 00 00'],
    ['UID 2^64', uid(2n ** 64n), '8f 00 00 00 00 00 00 00 01 00 00 00 00 00 00 00 00'],
  ];

  for (const [name, value, expected] of cases) {
    it(`writes ${name}`, () => {
      const bytes = writeBinaryPlist(value);
      expect(objectArea(bytes)).toBe(expected);
      // plistEqual ignores the real width, which the reader sets only for 4-byte reals.
      expect(plistEqual(readBinaryPlist(bytes), value)).toBe(true);
    });
  }

  it('writes data of 300 bytes', () => {
    const bytes = writeBinaryPlist(data(new Uint8Array(300).fill(7)));
    expect(hex(bytes.subarray(8, 12))).toBe('4f 11 01 2c');
    expect(bytes.subarray(12, 312)).toEqual(new Uint8Array(300).fill(7));
  });
});

describe('writeBinaryPlist object table', () => {
  it('shares equal scalars only', () => {
    const bytes = writeBinaryPlist(array([
      str('a'), str('a'),
      int(1), int(1),
      real(0), real(-0),
      { kind: 'real', value: 1.5, width: 32 }, real(1.5),
      date(0), real(unixSecondsAs2001Seconds(0)),
      uid(3), int(3),
      data(Uint8Array.of(1, 2)), data(Uint8Array.of(1, 2)),
      bool(true), bool(true),
    ]));
    // The array, then "a", 1, 0.0, -0.0, float 1.5, double 1.5, the date, the real,
    // UID 3, integer 3, the data and true: 13 objects.
    expect(trailerOf(bytes).objectCount).toBe(13n);
    expect(hex(bytes.subarray(8, 27))).toBe('af 10 10 01 01 02 02 03 04 05 06 07 08 09 0a 0b 0b 0c 0c');
  });

  it('keeps equal arrays apart', () => {
    const bytes = writeBinaryPlist(array([array([str('x')]), array([str('x')])]));
    expect(objectArea(bytes)).toBe('a2 01 03 a1 02 51 78 a1 02');
  });

  it('uses 1-byte refs up to 255 objects', () => {
    const bytes = writeBinaryPlist(array(Array.from({ length: 254 }, (_, i) => int(i + 1000))));
    expect(trailerOf(bytes).objectCount).toBe(255n);
    expect(trailerOf(bytes).refSize).toBe(1);
  });

  it('uses 2-byte refs from 256 objects', () => {
    const bytes = writeBinaryPlist(array(Array.from({ length: 255 }, (_, i) => int(i + 1000))));
    expect(trailerOf(bytes).objectCount).toBe(256n);
    expect(trailerOf(bytes).refSize).toBe(2);
    expect(hex(bytes.subarray(8, 16))).toBe('af 10 ff 00 01 00 02 00');
  });

  it('uses 2-byte offsets past byte 255', () => {
    const bytes = writeBinaryPlist(array([str('a'.repeat(300)), int(5)]));
    const trailer = trailerOf(bytes);
    // Array (3 bytes) at 8, string (4 + 300 bytes) at 11, integer (2 bytes) at 315, table at 317.
    expect(trailer.tableOffset).toBe(317n);
    expect(trailer.offsetSize).toBe(2);
    expect(hex(bytes.subarray(317, 323))).toBe('00 08 00 0b 01 3b');
  });

  it('writes top object 0', () => {
    expect(trailerOf(writeBinaryPlist(dict([['k', int(1)]]))).topObject).toBe(0n);
  });
});

describe('writeBinaryPlist rejects', () => {
  const cases: [string, PlistValue, RegExp, string | undefined][] = [
    ['integer 2^64', dict([['big', int(2n ** 64n)]]), /integer 18446744073709551616 is out of range/, 'big'],
    ['integer below -2^63', array([int(-(2n ** 63n) - 1n)]), /integer -9223372036854775809 is out of range/, '[0]'],
    ['negative UID', dict([['u', uid(-1)]]), /UID -1 is out of range/, 'u'],
    ['UID 2^128', uid(2n ** 128n), /UID 340282366920938463463374607431768211456 is out of range/, undefined],
    ['unpaired surrogate', dict([['s', str('a\ud83c')]]), /unpaired surrogate U\+D83C at index 1/, 's'],
    ['unpaired low surrogate in key', dict([['\udc00', int(1)]]), /unpaired surrogate U\+DC00 at index 0/, '\udc00'],
    ['duplicate key', dict([['k', int(1)], ['k', int(2)]]), /duplicate key "k"/, undefined],
    ['NaN date', dict([['d', date(NaN)]]), /date NaN is not a valid time/, 'd'],
    ['too deep nesting', nestedArrays(MAX_PLIST_DEPTH + 1), new RegExp(`nest more than ${MAX_PLIST_DEPTH} levels`), '[0]'.repeat(MAX_PLIST_DEPTH)],
  ];

  for (const [name, value, message, keyPath] of cases) {
    it(`rejects ${name}`, () => {
      const error = writeError(value);
      expect(error.message).toMatch(message);
      expect(error.keyPath).toBe(keyPath);
    });
  }

  it(`writes ${MAX_PLIST_DEPTH} nested arrays`, () => {
    const value = nestedArrays(MAX_PLIST_DEPTH);
    expect(readBinaryPlist(writeBinaryPlist(value))).toEqual(value);
  });
});

describe('writeBinaryPlist round trip', () => {
  it('reads back every type', () => {
    const value = dict([
      ['string', str('plain')],
      ['unicode', str('Grüße 🎵 テスト')],
      ['integers', array([int(0), int(-1), int(2n ** 64n - 1n), int(-(2n ** 63n))])],
      ['reals', array([real(0.1), real(-0), real(1e300), real(NaN), { kind: 'real', value: 0.25, width: 32 }])],
      ['date', date(Date.UTC(2038, 0, 19, 3, 14, 8))],
      ['fraction', date(Date.UTC(2014, 1, 23, 9, 21, 6, 34))],
      ['data', data(Uint8Array.from({ length: 70 }, (_, i) => i))],
      ['uid', uid(42)],
      ['flags', array([bool(true), bool(false)])],
      ['empty', dict([])],
      ['nested', array([array([]), dict([['a', array([str('b')])]])])],
    ]);
    const back = readBinaryPlist(writeBinaryPlist(value));
    // toEqual treats NaN as equal to NaN and 0 as different from -0.
    expect(back).toEqual(value);
  });

  it('keeps key order of every dictionary', () => {
    const keys = ['zeta', 'alpha', 'Mid', 'beta', '_', 'Zeta'];
    const value = dict(keys.map((k, i) => [k, int(i)] as const));
    const back = readBinaryPlist(writeBinaryPlist(value));
    expect(back.kind === 'dict' && back.entries.map((e) => e.key)).toEqual(keys);
  });
});

/** Returns the seconds-since-2001 value whose float64 bits a binary date of Unix time `seconds` has. */
function unixSecondsAs2001Seconds(seconds: number): number {
  return seconds - 978307200;
}
