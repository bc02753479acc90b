// Fuzz targets of the two plist readers. Besides rejecting bad input with PlistError only, an
// accepted document must survive the format's writer and reader unchanged. That catches a
// reader that lets through a value its own format cannot represent.

import fc from 'fast-check';

import { readBinaryPlist } from '../../../shared/plist/binary/reader.ts';
import { writeBinaryPlist } from '../../../shared/plist/binary/writer.ts';
import { PlistError } from '../../../shared/plist/errors.ts';
import { plistEqual, type PlistValue } from '../../../shared/plist/model.ts';
import { readXmlPlist } from '../../../shared/plist/xml/reader.ts';
import { writeXmlPlist } from '../../../shared/plist/xml/writer.ts';
import { encodeUtf8 } from '../../../shared/text/encoding.ts';
import { WIFI_PROFILE_XML } from '../../support/profile-fixtures.ts';
import { plistValueArbitrary } from '../../reliability/plist-arbitrary.ts';
import { FuzzOracleError, tokenBytes, type FuzzTarget } from '../engine/target.ts';
import { corpusSeeds } from './corpus-seeds.ts';

/** Hand-written documents with the XML features generated ones lack. */
const XML_SEEDS = [
  WIFI_PROFILE_XML,
  '<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- c --><plist version="1.0"><dict><key>a&amp;b</key><string><![CDATA[<x>]]>&#x1F600;&#13;</string>' +
    '<key>i</key><integer>0x7F</integer><key>r</key><real>-1.5e3</real><key>d</key><date>2014-02-23T09:21:06.5Z</date>' +
    '<key>x</key><data>AAH/\n gA==</data><key>e</key><array/><key>f</key><dict/><?pi x?></dict></plist>\r\n',
  '\uFEFF<?xml version="1.0" encoding="UTF-16"?><plist><array><string>Größe ✓</string><true/><false/></array></plist>',
];

const XML_TOKENS = tokenBytes([
  '<dict>', '</dict>', '<array>', '</array>', '<key>', '</key>', '<string>', '</string>', '<integer>', '</integer>', '<real>',
  '<date>', '<data>', '</data>', '<true/>', '<false/>', '<dict/>', '<array/>', '<!--', '-->', '<![CDATA[', ']]>', '&amp;',
  '&#13;', '&#x1F600;', '&#0;', '&#xD800;', '&lt', '&x;', '<?xml version="1.0" encoding="UTF-16"?>', '<!DOCTYPE plist [<!ENTITY x "y">]>',
  '<plist version="1.0">', '</plist>', '\uFEFF', '0x', '-', '340282366920938463463374607431768211456', 'nan', '1e999',
  '2024-02-30T00:00:00Z', '0000-01-01T00:00:00Z', 'CF$UID', ' ', '\t\r\n', [0xff, 0xfe], [0xfe, 0xff], [0xc3], [0xed, 0xa0, 0x80],
]);

const BINARY_TOKENS = tokenBytes([
  'bplist00', 'bplist01', [0x00], [0x08], [0x09], [0x0f], [0x10, 0xff], [0x13], [0x14], [0x23], [0x33], [0x4f, 0x10, 0xff],
  [0x5f, 0x13, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], [0x6f, 0x11, 0xff, 0xff], [0x6f, 0x10, 0x01, 0xd8, 0x00], [0x80, 0x00],
  [0x8f], [0xa1, 0x00], [0xaf, 0x12, 0xff, 0xff, 0xff, 0xff], [0xd1, 0x00, 0x00], [0xdf, 0x10, 0xff], [0xc0], [0xb0],
  [0, 0, 0, 0, 0, 0, 8, 8], [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
]);

/** Generated values of every kind, as seeds in both formats. */
function generatedValues(format: 'xml' | 'binary'): PlistValue[] {
  return fc.sample(plistValueArbitrary(format, 3), { numRuns: 12, seed: 11 });
}

/** Returns `value` with dates cut to whole seconds, which is what the XML writer keeps. */
function wholeSecondDates(value: PlistValue): PlistValue {
  switch (value.kind) {
    case 'date':
      return { kind: 'date', value: Math.floor(value.value / 1000) * 1000 };
    case 'array':
      return { kind: 'array', items: value.items.map(wholeSecondDates) };
    case 'dict':
      return { kind: 'dict', entries: value.entries.map((entry) => ({ key: entry.key, value: wholeSecondDates(entry.value) })) };
    default:
      return value;
  }
}

export const xmlPlistTarget: FuzzTarget = {
  name: 'xml-plist',
  description: 'readXmlPlist; an accepted document must read back equal after writeXmlPlist (dates in whole seconds)',
  expectedErrors: [PlistError],
  tokens: XML_TOKENS,
  maxInputLength: 1024 * 1024,
  seeds: () => [...XML_SEEDS.map((text) => encodeText(text)), ...generatedValues('xml').map((value) => encodeUtf8(writeXmlPlist(value))), ...corpusSeeds().xml],
  execute(input) {
    const { value } = readXmlPlist(input, { file: 'fuzz.plist' });

    // The writer must take everything the reader gives: the two accept the same values.
    let again: PlistValue;
    try {
      again = readXmlPlist(encodeUtf8(writeXmlPlist(value))).value;
    } catch (error) {
      throw new FuzzOracleError(`an accepted XML document did not survive writeXmlPlist and readXmlPlist: ${(error as Error).message}`);
    }
    if (!plistEqual(again, wholeSecondDates(value))) throw new FuzzOracleError('an accepted XML document changed in a write and read round trip');
  },
};

export const binaryPlistTarget: FuzzTarget = {
  name: 'binary-plist',
  description: 'readBinaryPlist; an accepted document that writeBinaryPlist can hold must read back equal',
  expectedErrors: [PlistError],
  tokens: BINARY_TOKENS,
  maxInputLength: 256 * 1024,
  seeds: () => [...generatedValues('binary').map(writeBinaryPlist), ...corpusSeeds().binary],
  execute(input) {
    const value = readBinaryPlist(input, { file: 'fuzz.bplist' });

    // The reader accepts 16-byte integers the writer does not write (plistlib's range), so a
    // PlistError from the writer is not a finding; a changed value is.
    let written: Uint8Array;
    try {
      written = writeBinaryPlist(value);
    } catch (error) {
      if (error instanceof PlistError) return;
      throw error;
    }
    if (!plistEqual(readBinaryPlist(written), value)) throw new FuzzOracleError('an accepted binary plist changed in a write and read round trip');
  },
};

/** Encodes a seed: UTF-16LE when it declares UTF-16, UTF-8 otherwise. */
function encodeText(text: string): Uint8Array {
  if (!text.includes('UTF-16')) return encodeUtf8(text);
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = text.charCodeAt(i) >>> 8;
  }
  return bytes;
}
