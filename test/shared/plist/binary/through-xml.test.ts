// Values that must survive XML -> binary -> XML exactly, through the readPlist and
// writePlist entry points: boundary integers and the integer/real distinction.

import { describe, expect, it } from 'vitest';

import { int, real, array, type PlistValue } from '../../../../shared/plist/model.ts';
import { readPlist, writePlist } from '../../../../shared/plist/index.ts';
import { needTools } from '../../../support/environment.ts';
import { plistlibCanonical } from '../../../support/plist-oracle.ts';

/** Returns an XML plist in Apple's layout whose root array has `items` (already indented elements). */
function xmlPlist(items: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<array>',
    ...items.map((item) => `\t${item}`),
    '</array>',
    '</plist>',
    '',
  ].join('\n');
}

/** Returns the object area of a binary plist (after the header, before the offset table) as spaced hex. */
function objectArea(bytes: Uint8Array): string {
  const tableOffset = Number(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(bytes.length - 8));
  return Buffer.from(bytes.subarray(8, tableOffset)).toString('hex').replace(/(..)(?!$)/g, '$1 ');
}

/** Reads XML text, writes it as binary, reads that back and writes XML again. */
function throughBinary(xml: string): { binary: Uint8Array; fromBinary: PlistValue; xmlAgain: string } {
  const value = readPlist(Buffer.from(xml), { file: 'input.plist' }).value;
  const binary = writePlist(value, 'binary');
  const back = readPlist(binary, { file: 'output.bplist' });
  expect(back.format).toBe('binary');
  return { binary, fromBinary: back.value, xmlAgain: Buffer.from(writePlist(back.value, 'xml')).toString('utf8') };
}

const python = needTools('python3');

describe('boundary integers through binary', () => {
  const xml = xmlPlist([
    '<integer>18446744073709551615</integer>',
    '<integer>-1</integer>',
    '<integer>9223372036854775807</integer>',
    '<integer>-9223372036854775808</integer>',
  ]);

  it('keeps XML text exactly', () => {
    expect(throughBinary(xml).xmlAgain).toBe(xml);
  });

  it('reads exact bigint values', () => {
    expect(throughBinary(xml).fromBinary).toEqual(array([
      int(18446744073709551615n),
      int(-1n),
      int(9223372036854775807n),
      int(-9223372036854775808n),
    ]));
  });

  it('writes 16-byte and 8-byte integers', () => {
    expect(objectArea(throughBinary(xml).binary)).toBe([
      'a4 01 02 03 04',
      '14 00 00 00 00 00 00 00 00 ff ff ff ff ff ff ff ff', // 2^64 - 1 needs 16 bytes
      '13 ff ff ff ff ff ff ff ff', // negative values take 8 bytes
      '13 7f ff ff ff ff ff ff ff',
      '13 80 00 00 00 00 00 00 00',
    ].join(' '));
  });

  it.skipIf(python.skip)('plistlib reads the same integers' + python.reason, () => {
    expect(plistlibCanonical(throughBinary(xml).binary)).toEqual({
      array: [{ int: '18446744073709551615' }, { int: '-1' }, { int: '9223372036854775807' }, { int: '-9223372036854775808' }],
    });
  });
});

describe('real and integer through binary', () => {
  const xml = xmlPlist(['<real>1.0</real>', '<integer>1</integer>', '<real>1.1</real>']);

  it('keeps XML text exactly', () => {
    expect(throughBinary(xml).xmlAgain).toBe(xml);
  });

  it('keeps kinds and values', () => {
    expect(throughBinary(xml).fromBinary).toEqual(array([real(1), int(1), real(1.1)]));
  });

  it('writes 8-byte reals and a 1-byte integer', () => {
    expect(objectArea(throughBinary(xml).binary)).toBe('a3 01 02 03 23 3f f0 00 00 00 00 00 00 10 01 23 3f f1 99 99 99 99 99 9a');
  });

  it.skipIf(python.skip)('plistlib reads the same kinds' + python.reason, () => {
    expect(plistlibCanonical(throughBinary(xml).binary)).toEqual({ array: [{ real: 1 }, { int: '1' }, { real: 1.1 }] });
  });
});
