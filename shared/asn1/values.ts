// Typed readers for parsed ASN.1 nodes, and shape checks that name the structure being read.
//
// Every helper takes `structure`, the name of the field in its ASN.1 module
// (`SignerInfo.version`), so that an error names where in the file the bad value sits.

import { concatBytes } from './bytes.ts';
import { Asn1Error } from './errors.ts';
import type { Asn1Node, Asn1TagClass } from './reader.ts';
import {
  TAG_BIT_STRING,
  TAG_BMP_STRING,
  TAG_BOOLEAN,
  TAG_ENUMERATED,
  TAG_GENERALIZED_TIME,
  TAG_IA5_STRING,
  TAG_INTEGER,
  TAG_NULL,
  TAG_NUMERIC_STRING,
  TAG_OCTET_STRING,
  TAG_OID,
  TAG_PRINTABLE_STRING,
  TAG_SEQUENCE,
  TAG_SET,
  TAG_T61_STRING,
  TAG_UNIVERSAL_STRING,
  TAG_UTC_TIME,
  TAG_UTF8_STRING,
  TAG_VISIBLE_STRING,
  tagName,
} from './tags.ts';
import { decodeText } from '../text/encoding.ts';

/** Returns the node's tag as messages print it. */
export function describeNode(node: Asn1Node): string {
  return tagName(node.tagClass, node.tag);
}

/** True when `node` has the given class and tag number. */
export function hasTag(node: Asn1Node, tagClass: Asn1TagClass, tag: number): boolean {
  return node.tagClass === tagClass && node.tag === tag;
}

/** Checks class and tag number (and the constructed bit when given); returns the node. */
export function expectTag(node: Asn1Node, tagClass: Asn1TagClass, tag: number, structure: string, constructed?: boolean): Asn1Node {
  const wanted = tagName(tagClass, tag);
  if (!hasTag(node, tagClass, tag)) {
    throw new Asn1Error(`found ${describeNode(node)}`, { offset: node.offset, structure, expected: wanted });
  }
  if (constructed !== undefined && node.constructed !== constructed) {
    const form = constructed ? 'constructed' : 'primitive';
    throw new Asn1Error(`${wanted} is ${node.constructed ? 'constructed' : 'primitive'}`, { offset: node.offset, structure, expected: `${form} ${wanted}` });
  }
  return node;
}

/** Checks for a constructed SEQUENCE and returns its children. */
export function expectSequence(node: Asn1Node, structure: string): readonly Asn1Node[] {
  return expectTag(node, 'universal', TAG_SEQUENCE, structure, true).children;
}

/** Checks for a constructed SET and returns its children. */
export function expectSet(node: Asn1Node, structure: string): readonly Asn1Node[] {
  return expectTag(node, 'universal', TAG_SET, structure, true).children;
}

/** Checks for a context-specific tag `[tag]` (either form) and returns the node. */
export function expectContext(node: Asn1Node, tag: number, structure: string): Asn1Node {
  return expectTag(node, 'context', tag, structure);
}

/** Returns the single element inside an EXPLICIT `[tag]`. */
export function unwrapExplicit(node: Asn1Node, tag: number, structure: string): Asn1Node {
  expectTag(node, 'context', tag, structure, true);
  if (node.children.length !== 1) {
    throw new Asn1Error(`explicit [${tag}] contains ${node.children.length} elements`, { offset: node.offset, structure, expected: 'exactly one element' });
  }
  return node.children[0];
}

/** Returns `children[index]`, or raises an error naming the missing field. */
export function childAt(children: readonly Asn1Node[], index: number, structure: string, parent?: Asn1Node): Asn1Node {
  const child = children[index];
  if (child === undefined) {
    throw new Asn1Error(`field is missing (the structure has only ${children.length} elements)`, {
      offset: parent?.offset,
      structure,
      expected: `at least ${index + 1} elements`,
    });
  }
  return child;
}

/** Reads an OBJECT IDENTIFIER as dotted decimal (`1.2.840.113549.1.7.2`). */
export function readOid(node: Asn1Node, structure = 'OBJECT IDENTIFIER'): string {
  expectTag(node, 'universal', TAG_OID, structure, false);
  const bytes = node.contents;
  if (bytes.length === 0) {
    throw new Asn1Error('OBJECT IDENTIFIER is empty', { offset: node.offset, structure, expected: 'at least one subidentifier' });
  }

  // Subidentifiers are base-128 with the high bit set on all but the last octet; bigint keeps long arcs (2.25.<uuid>) exact.
  const arcs: bigint[] = [];
  let value = 0n;
  let started = false;
  for (let i = 0; i < bytes.length; i++) {
    const octet = bytes[i];
    if (!started && octet === 0x80) {
      throw new Asn1Error('OBJECT IDENTIFIER subidentifier starts with a 0x80 padding octet', { offset: node.offset, structure, expected: 'minimal base-128 subidentifiers' });
    }
    started = true;
    value = (value << 7n) | BigInt(octet & 0x7f);
    if ((octet & 0x80) === 0) {
      arcs.push(value);
      value = 0n;
      started = false;
    }
  }
  if (started) {
    throw new Asn1Error('OBJECT IDENTIFIER ends inside a subidentifier', { offset: node.offset, structure, expected: 'a final octet with the high bit clear' });
  }

  // The first subidentifier packs the first two arcs as 40 * first + second.
  const head = arcs[0];
  let first = 2n;
  if (head < 40n) first = 0n;
  else if (head < 80n) first = 1n;
  const parts = [first, head - first * 40n, ...arcs.slice(1)];
  return parts.map(String).join('.');
}

/** Reads an INTEGER (two's complement) as a bigint. */
export function readInteger(node: Asn1Node, structure = 'INTEGER'): bigint {
  return twosComplementToBigint(readIntegerBytes(node, structure));
}

/** Returns the content octets of an INTEGER, two's complement, as encoded. */
export function readIntegerBytes(node: Asn1Node, structure = 'INTEGER'): Uint8Array {
  if (!hasTag(node, 'universal', TAG_ENUMERATED)) expectTag(node, 'universal', TAG_INTEGER, structure, false);
  if (node.contents.length === 0) {
    throw new Asn1Error('INTEGER has no content octets', { offset: node.offset, structure, expected: 'at least one octet' });
  }
  return node.contents;
}

/** Reads an INTEGER that must fit a JavaScript number in [min, max], such as a version. */
export function readSmallInteger(node: Asn1Node, structure: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const value = readInteger(node, structure);
  if (value < BigInt(min) || value > BigInt(max)) {
    throw new Asn1Error(`value ${value} is out of range`, { offset: node.offset, structure, expected: `an integer from ${min} to ${max}` });
  }
  return Number(value);
}

function twosComplementToBigint(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const octet of bytes) value = (value << 8n) | BigInt(octet);
  if (bytes[0] & 0x80) value -= 1n << BigInt(bytes.length * 8);
  return value;
}

/** Reads a BOOLEAN; BER takes any non-zero octet as TRUE. */
export function readBoolean(node: Asn1Node, structure = 'BOOLEAN'): boolean {
  expectTag(node, 'universal', TAG_BOOLEAN, structure, false);
  if (node.contents.length !== 1) {
    throw new Asn1Error(`BOOLEAN has ${node.contents.length} content octets`, { offset: node.offset, structure, expected: 'exactly one octet' });
  }
  return node.contents[0] !== 0;
}

/** Checks for a NULL with no contents. */
export function readNull(node: Asn1Node, structure = 'NULL'): null {
  expectTag(node, 'universal', TAG_NULL, structure, false);
  if (node.contents.length !== 0) {
    throw new Asn1Error(`NULL has ${node.contents.length} content octets`, { offset: node.offset, structure, expected: 'no content octets' });
  }
  return null;
}

/**
 * Returns the value of an OCTET STRING, primitive or constructed. A constructed one (BER
 * segments, as `openssl cms -stream` writes) is joined into one new array.
 */
export function readOctetString(node: Asn1Node, structure = 'OCTET STRING'): Uint8Array {
  expectTag(node, 'universal', TAG_OCTET_STRING, structure);
  return node.constructed ? concatSegments(node, TAG_OCTET_STRING, structure) : node.contents;
}

/**
 * Joins the segments of a constructed string of type `tag`, recursively: each segment must be
 * a string of the same type, primitive or itself constructed.
 */
export function concatSegments(node: Asn1Node, tag: number, structure: string): Uint8Array {
  const parts: Uint8Array[] = [];
  const collect = (current: Asn1Node): void => {
    for (const segment of current.children) {
      expectTag(segment, 'universal', tag, `${structure} segment`);
      if (segment.constructed) collect(segment);
      else parts.push(segment.contents);
    }
  };
  collect(node);
  return concatBytes(...parts);
}

export interface BitString {
  /** Unused bits in the last octet (0 to 7). */
  readonly unusedBits: number;
  readonly bytes: Uint8Array;
}

/** Reads a BIT STRING (primitive; the constructed BER form is rejected because certificates and CMS never use it). */
export function readBitString(node: Asn1Node, structure = 'BIT STRING'): BitString {
  expectTag(node, 'universal', TAG_BIT_STRING, structure, false);
  const contents = node.contents;
  if (contents.length === 0) {
    throw new Asn1Error('BIT STRING has no unused-bits octet', { offset: node.offset, structure, expected: 'at least one octet' });
  }
  const unusedBits = contents[0];
  if (unusedBits > 7 || (contents.length === 1 && unusedBits !== 0)) {
    throw new Asn1Error(`BIT STRING declares ${unusedBits} unused bits`, { offset: node.offset, structure, expected: '0 to 7 unused bits, 0 when empty' });
  }
  return { unusedBits, bytes: contents.subarray(1) };
}

/** Reads the character string types found in X.509 names and CMS attributes. */
export function readString(node: Asn1Node, structure = 'string'): string {
  if (node.tagClass !== 'universal') {
    throw new Asn1Error(`found ${describeNode(node)}`, { offset: node.offset, structure, expected: 'a character string' });
  }
  const bytes = node.constructed ? concatSegments(node, node.tag, structure) : node.contents;
  try {
    switch (node.tag) {
      case TAG_UTF8_STRING:
        return decodeText(bytes, 'utf-8');
      case TAG_PRINTABLE_STRING:
      case TAG_IA5_STRING:
      case TAG_VISIBLE_STRING:
      case TAG_NUMERIC_STRING:
      case TAG_T61_STRING:
        // T61 is read as Latin-1, as most software does; the others are ASCII subsets of it.
        return decodeText(bytes, 'latin1');
      case TAG_BMP_STRING:
        if (bytes.length % 2 !== 0) throw new Asn1Error('BMPString has an odd number of octets', { offset: node.offset, structure, expected: 'UTF-16BE code units' });
        return decodeText(bytes, 'utf-16be');
      case TAG_UNIVERSAL_STRING:
        return decodeUtf32be(bytes, node, structure);
      default:
        throw new Asn1Error(`found ${describeNode(node)}`, { offset: node.offset, structure, expected: 'a character string' });
    }
  } catch (error) {
    if (error instanceof Asn1Error) throw error;
    throw new Asn1Error(`${describeNode(node)} contains invalid character data`, { offset: node.offset, structure, expected: 'valid encoded text' });
  }
}

function decodeUtf32be(bytes: Uint8Array, node: Asn1Node, structure: string): string {
  if (bytes.length % 4 !== 0) {
    throw new Asn1Error('UniversalString length is not a multiple of 4', { offset: node.offset, structure, expected: 'UTF-32BE code points' });
  }
  let text = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const codePoint = ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
    if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
      throw new Asn1Error(`UniversalString holds invalid code point U+${codePoint.toString(16).toUpperCase()}`, { offset: node.offset, structure, expected: 'Unicode scalar values' });
    }
    text += String.fromCodePoint(codePoint);
  }
  return text;
}

/** Reads a UTCTime or GeneralizedTime. Times without a zone (local time) are rejected because their instant is unknown. */
export function readTime(node: Asn1Node, structure = 'Time'): Date {
  if (!hasTag(node, 'universal', TAG_UTC_TIME) && !hasTag(node, 'universal', TAG_GENERALIZED_TIME)) {
    throw new Asn1Error(`found ${describeNode(node)}`, { offset: node.offset, structure, expected: 'UTCTime or GeneralizedTime' });
  }
  const text = decodeText(node.contents, 'latin1');
  const isUtc = node.tag === TAG_UTC_TIME;
  const pattern = isUtc
    ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/
    : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{4})$/;
  const match = pattern.exec(text);
  if (!match) {
    throw new Asn1Error(`${describeNode(node)} "${text}" is not a valid time`, {
      offset: node.offset,
      structure,
      expected: isUtc ? 'YYMMDDHHMM[SS]Z' : 'YYYYMMDDHH[MM[SS[.fff]]]Z',
    });
  }

  // UTCTime years 50-99 are 1950-1999 and 00-49 are 2000-2049 (RFC 5280, section 4.1.2.5.1).
  let year = Number(match[1]);
  if (isUtc) year += year >= 50 ? 1900 : 2000;
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5] ?? '0');
  const second = Number(match[6] ?? '0');
  const fraction = isUtc ? '' : (match[7] ?? '');
  const zone = isUtc ? match[7] : match[8];

  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) {
    throw new Asn1Error(`${describeNode(node)} "${text}" has a field out of range`, { offset: node.offset, structure, expected: 'a calendar date and time' });
  }

  const milliseconds = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  let time = utcTime(year, month - 1, day, hour, minute, Math.min(second, 59), milliseconds);
  if (zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const offsetMinutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5));
    time -= sign * offsetMinutes * 60_000;
  }
  return new Date(time);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Date.UTC without its mapping of years 0-99 to 1900-1999. */
function utcTime(year: number, monthIndex: number, day: number, hour: number, minute: number, second: number, milliseconds: number): number {
  const date = new Date(Date.UTC(2000, monthIndex, day, hour, minute, second, milliseconds));
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}
