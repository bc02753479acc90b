// DER writer: each function returns one complete encoded element (identifier, length, contents).
//
// Constructed encoders take already-encoded children, so structures are built bottom-up:
// `derSequence(derOid(OID_DATA), derExplicit(0, derOctetString(content)))`.

import { concatBytes } from './bytes.ts';
import { Asn1Error } from './errors.ts';
import { parseAsn1, type Asn1Node, type Asn1TagClass } from './reader.ts';
import {
  TAG_BIT_STRING,
  TAG_BOOLEAN,
  TAG_GENERALIZED_TIME,
  TAG_IA5_STRING,
  TAG_INTEGER,
  TAG_NULL,
  TAG_OCTET_STRING,
  TAG_OID,
  TAG_PRINTABLE_STRING,
  TAG_SEQUENCE,
  TAG_SET,
  TAG_UTC_TIME,
  TAG_UTF8_STRING,
} from './tags.ts';
import { encodeUtf8 } from '../text/encoding.ts';

const CLASS_BITS: Readonly<Record<Asn1TagClass, number>> = { universal: 0x00, application: 0x40, context: 0x80, private: 0xc0 };

/** Encodes one element from its class, form, tag number and content octets. */
export function derTlv(tagClass: Asn1TagClass, constructed: boolean, tag: number, contents: Uint8Array): Uint8Array {
  const identifier = encodeIdentifier(tagClass, constructed, tag);
  const length = encodeLength(contents.length);
  const out = new Uint8Array(identifier.length + length.length + contents.length);
  out.set(identifier, 0);
  out.set(length, identifier.length);
  out.set(contents, identifier.length + length.length);
  return out;
}

/**
 * Encodes the identifier and length octets of an element whose `length` content octets the
 * caller places after them. So a large content can go into the output once, instead of being
 * copied again for every element that encloses it.
 */
export function derHeader(tagClass: Asn1TagClass, constructed: boolean, tag: number, length: number): Uint8Array {
  return concatBytes(encodeIdentifier(tagClass, constructed, tag), encodeLength(length));
}

function encodeIdentifier(tagClass: Asn1TagClass, constructed: boolean, tag: number): Uint8Array {
  if (!Number.isSafeInteger(tag) || tag < 0) {
    throw new Asn1Error(`tag number ${tag} is not a non-negative integer`, { expected: 'a tag number from 0' });
  }
  const leading = CLASS_BITS[tagClass] | (constructed ? 0x20 : 0);
  if (tag < 31) return Uint8Array.of(leading | tag);
  return Uint8Array.of(leading | 0x1f, ...base128(BigInt(tag)));
}

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return Uint8Array.of(0x80 | octets.length, ...octets);
}

/** SEQUENCE of the given encoded elements, in the order given. */
export function derSequence(...children: readonly Uint8Array[]): Uint8Array {
  return derTlv('universal', true, TAG_SEQUENCE, concatBytes(...children));
}

/** SET OF the given encoded elements, sorted as DER requires (X.690 11.6). */
export function derSet(...children: readonly Uint8Array[]): Uint8Array {
  return derTlv('universal', true, TAG_SET, concatBytes(...sortDerSetMembers(children)));
}

/**
 * Sorts SET OF members by their encodings compared as octet strings, the shorter one padded
 * with trailing zero octets (X.690 11.6). Signed attributes are hashed in this order.
 */
export function sortDerSetMembers(children: readonly Uint8Array[]): Uint8Array[] {
  return [...children].sort((a, b) => {
    const length = Math.max(a.length, b.length);
    for (let i = 0; i < length; i++) {
      const difference = (a[i] ?? 0) - (b[i] ?? 0);
      if (difference !== 0) return difference;
    }
    return 0;
  });
}

/**
 * INTEGER. A bigint is encoded in minimal two's complement. A Uint8Array is taken as an
 * unsigned big-endian magnitude: leading zero octets are dropped and one is added back
 * when the high bit is set, so the value stays positive.
 */
export function derInteger(value: bigint | Uint8Array): Uint8Array {
  return derTlv('universal', false, TAG_INTEGER, typeof value === 'bigint' ? bigintToTwosComplement(value) : unsignedToTwosComplement(value));
}

function bigintToTwosComplement(value: bigint): Uint8Array {
  const octets: number[] = [];
  let rest = value;
  for (;;) {
    const octet = Number(rest & 0xffn);
    octets.unshift(octet);
    rest >>= 8n;
    // Stop once the remaining value is pure sign extension of the octet just written.
    if ((rest === 0n && (octet & 0x80) === 0) || (rest === -1n && (octet & 0x80) !== 0)) break;
  }
  return Uint8Array.from(octets);
}

function unsignedToTwosComplement(magnitude: Uint8Array): Uint8Array {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const trimmed = magnitude.length === 0 ? Uint8Array.of(0) : magnitude.subarray(start);
  return trimmed[0] & 0x80 ? concatBytes(Uint8Array.of(0), trimmed) : trimmed;
}

/** OBJECT IDENTIFIER from dotted decimal. */
export function derOid(dotted: string): Uint8Array {
  if (!/^[0-2](\.(0|[1-9]\d*))+$/.test(dotted)) {
    throw new Asn1Error(`"${dotted}" is not a dotted-decimal object identifier`, { expected: 'arcs such as 1.2.840.113549' });
  }
  const arcs = dotted.split('.').map((arc) => BigInt(arc));
  if (arcs[0] < 2n && arcs[1] >= 40n) {
    throw new Asn1Error(`"${dotted}": the second arc must be below 40 when the first is 0 or 1`, { expected: 'a valid object identifier' });
  }
  const octets: number[] = [...base128(arcs[0] * 40n + arcs[1])];
  for (const arc of arcs.slice(2)) octets.push(...base128(arc));
  return derTlv('universal', false, TAG_OID, Uint8Array.from(octets));
}

function base128(value: bigint): number[] {
  const octets = [Number(value & 0x7fn)];
  for (let rest = value >> 7n; rest > 0n; rest >>= 7n) octets.unshift(Number(rest & 0x7fn) | 0x80);
  return octets;
}

/** NULL. */
export function derNull(): Uint8Array {
  return Uint8Array.of(TAG_NULL, 0);
}

/** BOOLEAN, with 0xFF for TRUE as DER requires. */
export function derBoolean(value: boolean): Uint8Array {
  return Uint8Array.of(TAG_BOOLEAN, 1, value ? 0xff : 0x00);
}

/** OCTET STRING (primitive). */
export function derOctetString(value: Uint8Array): Uint8Array {
  return derTlv('universal', false, TAG_OCTET_STRING, value);
}

/** BIT STRING with `unusedBits` unused bits in the last octet (which DER wants zeroed). */
export function derBitString(value: Uint8Array, unusedBits = 0): Uint8Array {
  if (!Number.isInteger(unusedBits) || unusedBits < 0 || unusedBits > 7 || (value.length === 0 && unusedBits !== 0)) {
    throw new Asn1Error(`${unusedBits} unused bits is invalid for a ${value.length}-octet BIT STRING`, { expected: '0 to 7, and 0 when empty' });
  }
  return derTlv('universal', false, TAG_BIT_STRING, concatBytes(Uint8Array.of(unusedBits), value));
}

/** UTF8String. */
export function derUtf8String(text: string): Uint8Array {
  return derTlv('universal', false, TAG_UTF8_STRING, encodeUtf8(text));
}

/** PrintableString; raises Asn1Error for characters outside its set (A-Z a-z 0-9 space ' ( ) + , - . / : = ?). */
export function derPrintableString(text: string): Uint8Array {
  if (!/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(text)) {
    throw new Asn1Error(`"${text}" has characters that PrintableString cannot hold`, { expected: "A-Z a-z 0-9 space ' ( ) + , - . / : = ?; use derUtf8String" });
  }
  return derTlv('universal', false, TAG_PRINTABLE_STRING, encodeUtf8(text));
}

/** IA5String (ASCII). */
export function derIa5String(text: string): Uint8Array {
  if (!/^[\x00-\x7f]*$/.test(text)) {
    throw new Asn1Error(`"${text}" has non-ASCII characters that IA5String cannot hold`, { expected: 'ASCII text' });
  }
  return derTlv('universal', false, TAG_IA5_STRING, encodeUtf8(text));
}

/**
 * Time as RFC 5280 wants it: UTCTime for years 1950-2049, GeneralizedTime otherwise.
 * Whole seconds only, because DER times used in certificates and CMS carry no fraction.
 */
export function derUtcTime(date: Date): Uint8Array {
  const year = checkedYear(date);
  if (year < 1950 || year >= 2050) return derGeneralizedTime(date);
  const text = `${pad(year % 100, 2)}${timeDigits(date)}Z`;
  return derTlv('universal', false, TAG_UTC_TIME, encodeUtf8(text));
}

/** GeneralizedTime `YYYYMMDDHHMMSSZ`, whole seconds. */
export function derGeneralizedTime(date: Date): Uint8Array {
  const text = `${pad(checkedYear(date), 4)}${timeDigits(date)}Z`;
  return derTlv('universal', false, TAG_GENERALIZED_TIME, encodeUtf8(text));
}

function checkedYear(date: Date): number {
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 0 || year > 9999) {
    throw new Asn1Error(`date ${String(date)} cannot be written as an ASN.1 time`, { expected: 'a valid date in years 0000-9999' });
  }
  return year;
}

function timeDigits(date: Date): string {
  return pad(date.getUTCMonth() + 1, 2) + pad(date.getUTCDate(), 2) + pad(date.getUTCHours(), 2) + pad(date.getUTCMinutes(), 2) + pad(date.getUTCSeconds(), 2);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** EXPLICIT context tag `[tagNumber]` around one encoded element. */
export function derExplicit(tagNumber: number, inner: Uint8Array): Uint8Array {
  return derTlv('context', true, tagNumber, inner);
}

/**
 * IMPLICIT context tag `[tagNumber]`: the identifier of `inner` is replaced and its contents kept.
 * `inner` is a complete DER element (as the other functions here return) or a parsed node;
 * `constructed` defaults to the form of `inner`.
 */
export function derImplicit(tagNumber: number, inner: Uint8Array | Asn1Node, constructed?: boolean): Uint8Array {
  const node = inner instanceof Uint8Array ? parseAsn1(inner) : inner;
  return derTlv('context', constructed ?? node.constructed, tagNumber, node.contents);
}
