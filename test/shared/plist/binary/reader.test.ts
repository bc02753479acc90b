// Tests of the bplist00 reader on hand-built files. Expected values come from the format
// itself (marker bytes and big-endian fields written out below), not from our writer.

import { describe, expect, it } from 'vitest';

import { PlistError } from '../../../../shared/plist/errors.ts';
import { MAX_BINARY_OBJECTS, MAX_PLIST_BYTES, MAX_PLIST_DEPTH } from '../../../../shared/plist/limits.ts';
import { array, bool, data, date, dict, int, real, str, uid, type PlistValue } from '../../../../shared/plist/model.ts';
import { isBinaryPlist, readBinaryPlist } from '../../../../shared/plist/binary/reader.ts';
import { asciiObject, bigEndian, buildBplist, hexBytes } from './bplist-builder.ts';

/** Reads a file made of a single object given in hex. */
function readSingle(hex: string): PlistValue {
  return readBinaryPlist(buildBplist({ objects: [hexBytes(hex)] }));
}

/** Returns the PlistError that reading `bytes` throws, failing the test when it does not throw one. */
function readError(bytes: Uint8Array, file = 'crafted.bplist'): PlistError {
  try {
    readBinaryPlist(bytes, { file });
  } catch (error) {
    if (error instanceof PlistError) return error;
    throw new Error(`expected a PlistError, got ${String(error)}`);
  }
  throw new Error('expected a PlistError, but the file was read');
}

/** Returns objects 0..n-1 where each array refers to the next one (2-byte refs), and the last is empty. */
function arrayChain(levels: number): number[][] {
  const objects: number[][] = [];
  for (let i = 0; i < levels - 1; i++) objects.push([0xa1, ...bigEndian(BigInt(i + 1), 2)]);
  objects.push([0xa0]);
  return objects;
}

describe('isBinaryPlist', () => {
  it('accepts bplist00', () => {
    expect(isBinaryPlist(Buffer.from('bplist00xyz'))).toBe(true);
  });

  it('accepts other bplist versions', () => {
    expect(isBinaryPlist(Buffer.from('bplist15xyz'))).toBe(true);
  });

  it('rejects XML and short input', () => {
    expect(isBinaryPlist(Buffer.from('<?xml version="1.0"?>'))).toBe(false);
    expect(isBinaryPlist(Buffer.from('bplist0'))).toBe(false);
    expect(isBinaryPlist(Buffer.from('bplistxx'))).toBe(false);
  });
});

describe('readBinaryPlist scalars', () => {
  const cases: [string, string, PlistValue][] = [
    ['false', '08', bool(false)],
    ['true', '09', bool(true)],
    ['1-byte integer', '10 ff', int(255)],
    ['2-byte integer', '11 ff ff', int(65535)],
    ['4-byte integer', '12 ff ff ff ff', int(4294967295)],
    ['8-byte integer -1', '13 ff ff ff ff ff ff ff ff', int(-1)],
    ['8-byte integer max', '13 7f ff ff ff ff ff ff ff', int(9223372036854775807n)],
    ['8-byte integer min', '13 80 00 00 00 00 00 00 00', int(-9223372036854775808n)],
    ['16-byte integer 2^64-1', '14 00 00 00 00 00 00 00 00 ff ff ff ff ff ff ff ff', int(18446744073709551615n)],
    ['16-byte integer -1', '14 ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff', int(-1)],
    ['16-byte integer -2^64', '14 ff ff ff ff ff ff ff ff 00 00 00 00 00 00 00 00', int(-18446744073709551616n)],
    ['8-byte real 1.1', '23 3f f1 99 99 99 99 99 9a', real(1.1)],
    ['8-byte real 1.0', '23 3f f0 00 00 00 00 00 00', real(1)],
    ['data', '43 01 02 03', data(Uint8Array.of(1, 2, 3))],
    ['empty data', '40', data(new Uint8Array(0))],
    ['ASCII string', '55 68 65 6c 6c 6f', str('hello')],
    ['UTF-16 string', '62 d8 3c df b5', str('\u{1f3b5}')],
    ['1-byte UID', '80 03', uid(3)],
    ['2-byte UID', '81 01 00', uid(256)],
    ['16-byte UID', '8f ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff', uid(2n ** 128n - 1n)],
    ['string with length object', '5f 10 0f 61 61 61 61 61 61 61 61 61 61 61 61 61 61 61', str('a'.repeat(15))],
  ];

  for (const [name, hex, expected] of cases) {
    it(`reads ${name}`, () => {
      expect(readSingle(hex)).toEqual(expected);
    });
  }

  // Strings of 16 units and more take the TextDecoder path; the bytes are written out as UTF-16BE.
  it('reads long UTF-16 string', () => {
    const text = 'Réseau 東京 🎵 café Zürich';
    const units = Buffer.from(text, 'utf16le').swap16();
    expect(readSingle(`6f 10 ${(units.length / 2).toString(16)} ${units.toString('hex')}`)).toEqual(str(text));
  });

  it('reads long ASCII string', () => {
    const text = 'com.example.bench.wifi.payload';
    expect(readSingle(`5f 10 ${text.length.toString(16)} ${Buffer.from(text).toString('hex')}`)).toEqual(str(text));
  });

  it('names unpaired surrogate in long string', () => {
    // 20 units: "abcdefghij", a lone high surrogate, then "klmnopqrs".
    const units = Buffer.from('abcdefghij\u0000klmnopqrs', 'utf16le').swap16();
    units.writeUInt16BE(0xd83c, 20);
    const error = readError(buildBplist({ objects: [hexBytes(`6f 10 14 ${units.toString('hex')}`)] }));
    expect(error.message).toMatch(/unpaired surrogate U\+D83C/);
  });

  it('keeps width 32 of a 4-byte real', () => {
    expect(readSingle('22 3f c0 00 00')).toEqual({ kind: 'real', value: 1.5, width: 32 });
  });

  it('reads date as ms since 1970', () => {
    // 190057320 seconds after 2001-01-01T00:00:00Z is 2007-01-09T17:42:00Z.
    const value = readSingle('33 41 a6 a8 16 d0 00 00 00');
    expect(value).toEqual(date(Date.UTC(2007, 0, 9, 17, 42, 0)));
    expect(value).toEqual(date(1168364520000));
  });

  it('reads date before 2001 with fraction', () => {
    // -0.5 seconds: half a second before 2001-01-01T00:00:00Z.
    expect(readSingle('33 bf e0 00 00 00 00 00 00')).toEqual(date(978307199500));
  });
});

describe('readBinaryPlist containers', () => {
  it('reads dictionary in key order', () => {
    // Dict with keys b, a, c (refs 1, 2, 3) and values 1, "x", "x" (refs 4, 5, 5).
    const bytes = buildBplist({
      objects: [hexBytes('d3 01 02 03 04 05 05'), asciiObject('b'), asciiObject('a'), asciiObject('c'), hexBytes('10 01'), asciiObject('x')],
    });
    expect(readBinaryPlist(bytes)).toEqual(dict([
      ['b', int(1)],
      ['a', str('x')],
      ['c', str('x')],
    ]));
  });

  it('reads nested array and dictionary', () => {
    // { "k": [true, 7] }
    const bytes = buildBplist({ objects: [hexBytes('d1 01 02'), asciiObject('k'), hexBytes('a2 03 04'), hexBytes('09'), hexBytes('10 07')] });
    expect(readBinaryPlist(bytes)).toEqual(dict([['k', array([bool(true), int(7)])]]));
  });

  it('reads shared array as two copies', () => {
    const bytes = buildBplist({ objects: [hexBytes('a2 01 01'), hexBytes('a1 02'), asciiObject('s')] });
    const value = readBinaryPlist(bytes);
    expect(value).toEqual(array([array([str('s')]), array([str('s')])]));
  });

  it('reads 2-byte references and offsets', () => {
    // 300 objects: an array of the 299 integers 0..298 (refs 1..299), offsets beyond 255.
    const objects: number[][] = [[0xaf, 0x11, ...bigEndian(299n, 2), ...Array.from({ length: 299 }, (_, i) => bigEndian(BigInt(i + 1), 2)).flat()]];
    for (let i = 0; i < 299; i++) objects.push([0x11, ...bigEndian(BigInt(i), 2)]);
    const value = readBinaryPlist(buildBplist({ objects, refSize: 2 }));
    expect(value).toEqual(array(Array.from({ length: 299 }, (_, i) => int(i))));
  });

  it(`reads ${MAX_PLIST_DEPTH} nested arrays`, () => {
    let value = readBinaryPlist(buildBplist({ objects: arrayChain(MAX_PLIST_DEPTH), refSize: 2 }));
    let levels = 1;
    while (value.kind === 'array' && value.items.length === 1) {
      value = value.items[0];
      levels++;
    }
    expect(levels).toBe(MAX_PLIST_DEPTH);
    expect(value).toEqual(array([]));
  });
});

describe('readBinaryPlist hostile input', () => {
  // A valid two-object file ["hi"] to break one field at a time: objects at 8 and 10,
  // offset table at 13, trailer at 15.
  const valid = { objects: [hexBytes('a1 01'), asciiObject('hi')] };

  const cases: [string, () => Uint8Array, RegExp][] = [
    ['truncated trailer', () => Buffer.from('bplist00\x09 short'), /truncated.*41/],
    ['offset size 0', () => buildBplist({ ...valid, offsetSize: 0, offsets: [] }), /offset table entry size is 0/],
    ['offset size 9', () => patchTrailer(buildBplist(valid), 6, 9), /offset table entry size is 9/],
    ['ref size 0', () => buildBplist({ ...valid, refSize: 0 }), /object reference size is 0/],
    ['ref size 9', () => buildBplist({ ...valid, refSize: 9 }), /object reference size is 9/],
    ['object count 0', () => buildBplist({ ...valid, objectCount: 0n }), /object count is 0/],
    ['object count beyond file', () => buildBplist({ ...valid, objectCount: 1000n }), /object count 1000 is more than the 5 bytes/],
    ['object count 2^64-1', () => buildBplist({ ...valid, objectCount: 2n ** 64n - 1n }), /object count 18446744073709551615/],
    ['top object out of range', () => buildBplist({ ...valid, topObject: 2n }), /top object index 2 is out of range/],
    ['offset table beyond file', () => buildBplist({ ...valid, offsetTableOffset: 5000n }), /offset table offset 5000 is outside/],
    ['offset table in header', () => buildBplist({ ...valid, offsetTableOffset: 3n }), /offset table offset 3 is outside/],
    ['offset table into trailer', () => buildBplist({ ...valid, offsetTableOffset: 14n }), /runs 1 bytes into the trailer/],
    ['object offset beyond file', () => buildBplist({ ...valid, offsets: [8, 200] }), /object 1 has offset 200, outside the object area/],
    ['object offset in header', () => buildBplist({ ...valid, offsets: [2, 10] }), /object 0 has offset 2/],
    ['reference out of range', () => buildBplist({ objects: [hexBytes('a1 07'), asciiObject('hi')] }), /object reference 7 is out of range/],
    ['string length beyond file', () => buildBplist({ objects: [hexBytes('5f 10 ff 61')] }), /declares 255 bytes, but only 1 bytes remain/],
    ['integer beyond file', () => buildBplist({ objects: [hexBytes('13 00 01')] }), /integer of 8 bytes runs past/],
    ['self-containing array', () => buildBplist({ objects: [hexBytes('a1 00')] }), /object 0 contains itself/],
    ['two-array cycle', () => buildBplist({ objects: [hexBytes('a1 01'), hexBytes('a1 00')] }), /object 0 contains itself/],
    ['dictionary cycle', () => buildBplist({ objects: [hexBytes('d1 01 00'), asciiObject('k')] }), /object 0 contains itself/],
    [
      `${MAX_PLIST_DEPTH + 1} nested arrays`,
      () => buildBplist({ objects: arrayChain(MAX_PLIST_DEPTH + 1), refSize: 2 }),
      new RegExp(`nest more than ${MAX_PLIST_DEPTH} levels`),
    ],
    ['40-level DAG of arrays', () => buildBplist({ objects: doublingDag(40) }), /expands to too many values/],
    ['data of 2^62 bytes', () => buildBplist({ objects: [hexBytes('4f 13 40 00 00 00 00 00 00 00')] }), /declares 4611686018427387904 bytes/],
    ['array of 2^62 elements', () => buildBplist({ objects: [hexBytes('af 13 40 00 00 00 00 00 00 00')] }), /declares 4611686018427387904 array elements/],
    ['length marker not integer', () => buildBplist({ objects: [hexBytes('4f 23 00')] }), /length marker 0x23 is invalid/],
    ['length marker of 16 bytes', () => buildBplist({ objects: [hexBytes('4f 14 00')] }), /length marker 0x14 is invalid/],
    ['length beyond file', () => buildBplist({ objects: [hexBytes('4f 12 00')] }), /length of 4 bytes runs past/],
    ['null object', () => buildBplist({ objects: [hexBytes('00')] }), /null object \(marker 0x00\)/],
    ['fill byte', () => buildBplist({ objects: [hexBytes('0f')] }), /fill byte/],
    ['set', () => buildBplist({ objects: [hexBytes('c1 01'), asciiObject('a')] }), /set object \(marker 0xc1\) is not supported/],
    ['ordered set', () => buildBplist({ objects: [hexBytes('b1 01'), asciiObject('a')] }), /ordered set object/],
    ['unknown marker', () => buildBplist({ objects: [hexBytes('70')] }), /unknown object type \(marker 0x70\)/],
    ['URL marker', () => buildBplist({ objects: [hexBytes('0c')] }), /unknown object type \(marker 0x0c\)/],
    ['integer of 32 bytes', () => buildBplist({ objects: [[0x15, ...new Array(32).fill(0)]] }), /integer of 32 bytes is not supported/],
    ['real of 2 bytes', () => buildBplist({ objects: [hexBytes('21 00 00')] }), /real of 2 bytes/],
    ['date of 4 bytes', () => buildBplist({ objects: [hexBytes('32 00 00 00 00')] }), /date with marker 0x32/],
    ['date out of range', () => buildBplist({ objects: [hexBytes('33 7f f0 00 00 00 00 00 00')] }), /date of Infinity seconds/],
    ['date NaN', () => buildBplist({ objects: [hexBytes('33 7f f8 00 00 00 00 00 00')] }), /date of NaN seconds/],
    ['non-ASCII byte in ASCII string', () => buildBplist({ objects: [hexBytes('52 61 e9')] }), /byte 0xe9, which is not ASCII/],
    ['unpaired surrogate', () => buildBplist({ objects: [hexBytes('61 d8 3c')] }), /unpaired surrogate/],
    ['integer key', () => buildBplist({ objects: [hexBytes('d1 01 01'), hexBytes('10 01')] }), /dictionary key is not a string \(marker 0x10\)/],
    ['array key', () => buildBplist({ objects: [hexBytes('d1 01 01'), hexBytes('a0')] }), /dictionary key is not a string \(marker 0xa0\)/],
    ['duplicate key', () => buildBplist({ objects: [hexBytes('d2 01 01 02 02'), asciiObject('k'), hexBytes('09')] }), /duplicate key "k"/],
    [
      'duplicate key among 17 entries',
      () => {
        // 0xdf with the count 17 as an integer object; keys k1..k16 then k1 again, every value true.
        const keyRefs = [...Array.from({ length: 16 }, (_, i) => i + 1), 1];
        const dictionary = [0xdf, 0x10, 17, ...keyRefs, ...new Array(17).fill(17)];
        return buildBplist({ objects: [dictionary, ...Array.from({ length: 16 }, (_, i) => asciiObject(`k${i + 1}`)), hexBytes('09')] });
      },
      /duplicate key "k1"/,
    ],
    ['version bplist15', () => buildBplist({ ...valid, header: 'bplist15' }), /version 15 is not supported/],
    ['no bplist header', () => buildBplist({ ...valid, header: 'xplist00' }), /does not start with "bplist00"/],
  ];

  for (const [name, build, message] of cases) {
    it(`rejects ${name}`, () => {
      const error = readError(build());
      expect(error.message).toMatch(message);
      expect(error.file).toBe('crafted.bplist');
      expect(error.message).toContain('crafted.bplist');
    });
  }

  it('rejects object count over limit', () => {
    // An object area one byte larger than the count and a one-byte offset table before the
    // trailer, so that only MAX_BINARY_OBJECTS applies.
    const count = MAX_BINARY_OBJECTS + 1;
    const bytes = new Uint8Array(8 + count + 1 + 1 + 32);
    bytes.set(Buffer.from('bplist00'));
    bytes.set([1, 1, ...bigEndian(BigInt(count), 8), ...bigEndian(0n, 8), ...bigEndian(BigInt(8 + count + 1), 8)], bytes.length - 26);
    expect(readError(bytes).message).toMatch(`object count ${count} is over the limit of ${MAX_BINARY_OBJECTS} objects`);
  });

  it('rejects file over size limit', () => {
    const error = readError(new Uint8Array(MAX_PLIST_BYTES + 1));
    expect(error.message).toMatch(/over the 67108864-byte limit/);
  });

  it('names byte offset of bad object', () => {
    // The string object at offset 10 declares 255 bytes.
    const error = readError(buildBplist({ objects: [hexBytes('a1 01'), hexBytes('5f 10 ff')] }));
    expect(error.offset).toBe(10);
    expect(error.message).toContain('at byte 10');
  });

  it('names offset of trailer field', () => {
    // Objects of 2 and 3 bytes and an empty offset table put the trailer at 13; its byte 6 is the offset size.
    const error = readError(buildBplist({ ...valid, offsetSize: 0, offsets: [] }));
    expect(error.offset).toBe(13 + 6);
  });

  it('names key path of bad value', () => {
    // { "a": ["x", <ASCII string with byte 0xff>] }
    const bytes = buildBplist({
      objects: [hexBytes('d1 01 02'), asciiObject('a'), hexBytes('a2 03 04'), asciiObject('x'), hexBytes('51 ff')],
    });
    const error = readError(bytes);
    expect(error.keyPath).toBe('a[1]');
    expect(error.message).toContain('(at a[1])');
  });

  it('reads empty array shared 70000 times', () => {
    // Python's plistlib writes [a] * 70000 with a = [] like this: one array object, 70000 references.
    const root = [0xaf, 0x12, ...bigEndian(70000n, 4), ...new Array(70000).fill([0x00, 0x01]).flat()];
    const value = readBinaryPlist(buildBplist({ objects: [root, [0xa0]], refSize: 2 }));
    expect(value.kind === 'array' && value.items.length).toBe(70000);
    expect(value.kind === 'array' && value.items[69999]).toEqual(array([]));
  });

  it('rejects widely shared container chain', () => {
    // 20000 references to a chain of 5 nested one-element arrays build 100001 arrays from
    // about 80000 bytes, over the budget of one container per byte.
    const refs = new Array(20000).fill(bigEndian(1n, 4)).flat();
    const chain = [1, 2, 3, 4].map((i) => [0xa1, ...bigEndian(BigInt(i + 1), 4)]);
    const bytes = buildBplist({ objects: [[0xaf, 0x12, ...bigEndian(20000n, 4), ...refs], ...chain, [0xa0]], refSize: 4 });
    expect(readError(bytes).message).toMatch(/expands to too many values/);
  });

  it('reads DAG within value budget', () => {
    // 10 levels of doubly referenced arrays give 2^10 leaves, well inside the budget.
    let value = readBinaryPlist(buildBplist({ objects: doublingDag(10) }));
    let width = 1;
    while (value.kind === 'array') {
      expect(value.items).toHaveLength(2);
      value = value.items[1];
      width *= 2;
    }
    expect(width).toBe(1024);
    expect(value).toEqual(int(0));
  });
});

/** Returns `levels` arrays where array i refers to array i+1 twice, ending in the integer 0. */
function doublingDag(levels: number): number[][] {
  const objects: number[][] = [];
  for (let i = 0; i < levels; i++) objects.push([0xa2, i + 1, i + 1]);
  objects.push([0x10, 0x00]);
  return objects;
}

/** Returns a copy of `bytes` with one trailer byte (0 to 31) replaced. */
function patchTrailer(bytes: Uint8Array, index: number, value: number): Uint8Array {
  const copy = bytes.slice();
  copy[copy.length - 32 + index] = value;
  return copy;
}
