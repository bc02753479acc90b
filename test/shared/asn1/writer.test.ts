import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { parseAsn1, readInteger, readOid, readTime } from '../../../shared/asn1/reader.ts';
import {
  derBitString,
  derBoolean,
  derExplicit,
  derGeneralizedTime,
  derHeader,
  derImplicit,
  derInteger,
  derNull,
  derOctetString,
  derOid,
  derPrintableString,
  derSequence,
  derSet,
  derUtcTime,
  derUtf8String,
} from '../../../shared/asn1/writer.ts';
import { needTools } from '../../support/environment.ts';

const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('DER writer', () => {
  it('derInteger encodes minimal two\'s complement', () => {
    expect(toHex(derInteger(0n))).toBe('020100');
    expect(toHex(derInteger(127n))).toBe('02017f');
    expect(toHex(derInteger(128n))).toBe('02020080');
    expect(toHex(derInteger(256n))).toBe('02020100');
    expect(toHex(derInteger(-1n))).toBe('0201ff');
    expect(toHex(derInteger(-128n))).toBe('020180');
    expect(toHex(derInteger(-129n))).toBe('0202ff7f');
  });

  it('derInteger takes unsigned bytes', () => {
    expect(toHex(derInteger(Uint8Array.of(0x00, 0x00, 0x9c)))).toBe('0202009c');
    expect(toHex(derInteger(Uint8Array.of(0x01, 0x02)))).toBe('02020102');
    expect(toHex(derInteger(new Uint8Array(0)))).toBe('020100');
  });

  it('derInteger round-trips through reader', () => {
    for (const value of [0n, 1n, -1n, 2n ** 63n, -(2n ** 63n), 2n ** 159n - 1n, -(2n ** 200n) + 7n]) {
      expect(readInteger(parseAsn1(derInteger(value)))).toBe(value);
    }
  });

  it('derOid encodes arcs', () => {
    expect(toHex(derOid('1.2.840.113549.1.7.2'))).toBe('06092a864886f70d010702');
    expect(toHex(derOid('2.999.3'))).toBe('0603883703');
    const long = '2.25.329800735698586629295641978511506172918';
    expect(readOid(parseAsn1(derOid(long)))).toBe(long);
  });

  it('derOid rejects malformed text', () => {
    expect(() => derOid('1.2.')).toThrow(Asn1Error);
    expect(() => derOid('3.1')).toThrow(Asn1Error);
    expect(() => derOid('1.40')).toThrow(/below 40/);
  });

  it('derSet sorts members by encoding', () => {
    // X.690 11.6 orders 02 01 05 < 04 00 < 04 01 00, padding the shorter encoding with zeros.
    const set = derSet(derOctetString(Uint8Array.of(0)), derInteger(5n), derOctetString(new Uint8Array(0)));
    expect(toHex(set)).toBe('3108' + '020105' + '0400' + '040100');
  });

  it('derUtcTime switches at 2050', () => {
    expect(Buffer.from(derUtcTime(new Date('2049-12-31T23:59:59Z')).subarray(2)).toString()).toBe('491231235959Z');
    expect(derUtcTime(new Date('2049-12-31T23:59:59Z'))[0]).toBe(0x17);
    const late = derUtcTime(new Date('2050-01-01T00:00:00Z'));
    expect(late[0]).toBe(0x18);
    expect(Buffer.from(late.subarray(2)).toString()).toBe('20500101000000Z');
    expect(derUtcTime(new Date('1949-06-01T00:00:00Z'))[0]).toBe(0x18);
  });

  it('derGeneralizedTime drops milliseconds', () => {
    const encoded = derGeneralizedTime(new Date('2024-02-29T10:30:00.999Z'));
    expect(Buffer.from(encoded.subarray(2)).toString()).toBe('20240229103000Z');
    expect(readTime(parseAsn1(encoded)).toISOString()).toBe('2024-02-29T10:30:00.000Z');
  });

  it('derImplicit retags SET as [0]', () => {
    const set = derSet(derNull());
    expect(toHex(derImplicit(0, set))).toBe('a0020500');
    expect(toHex(derImplicit(1, derOctetString(Uint8Array.of(7)), false))).toBe('810107');
  });

  it('derPrintableString rejects other characters', () => {
    expect(() => derPrintableString('Café')).toThrow(/PrintableString/);
  });

  it('writes long lengths', () => {
    const encoded = derOctetString(new Uint8Array(70_000));
    expect(toHex(encoded.subarray(0, 5))).toBe('0483011170');
  });

  it('derHeader encodes tag and length', () => {
    // X.690 8.1.2 and 8.1.3: class and constructed bits, then short or long form lengths.
    expect(toHex(derHeader('universal', false, 4, 5))).toBe('0405');
    expect(toHex(derHeader('universal', true, 16, 127))).toBe('307f');
    expect(toHex(derHeader('context', true, 0, 128))).toBe('a08180');
    expect(toHex(derHeader('universal', false, 4, 300))).toBe('0482012c');
    expect(toHex(derHeader('universal', true, 16, 33_000_000))).toBe('308401f78a40');
    expect(toHex(derHeader('context', false, 31, 1))).toBe('9f1f01');
  });
});

const tools = needTools('openssl');
describe.skipIf(tools.skip)('DER writer interop' + tools.reason, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'asn1-writer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('openssl asn1parse reads writer output', () => {
    const encoded = derSequence(
      derInteger(-129n),
      derOid('2.16.840.1.101.3.4.2.1'),
      derNull(),
      derBoolean(true),
      derOctetString(Uint8Array.of(0xde, 0xad)),
      derBitString(Uint8Array.of(0x80), 7),
      derUtf8String('Café ✓'),
      derPrintableString('Example CA'),
      derUtcTime(new Date('2030-05-06T07:08:09Z')),
      derGeneralizedTime(new Date('2051-01-02T03:04:05Z')),
      derExplicit(0, derInteger(2n)),
      derImplicit(1, derOctetString(Uint8Array.of(1)), false),
      derSet(derInteger(2n), derInteger(1n)),
    );
    const file = path.join(dir, 'out.der');
    writeFileSync(file, encoded);
    const lines = execFileSync('openssl', ['asn1parse', '-inform', 'DER', '-in', file], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => line.replace(/^\s*\d+:d=(\d+)\s+hl=\d+\s+l=\s*\d+\s+/, '$1 ').replace(/\s+/g, ' ').trim());
    expect(lines).toEqual([
      '0 cons: SEQUENCE',
      '1 prim: INTEGER :-81',
      '1 prim: OBJECT :sha256',
      '1 prim: NULL',
      '1 prim: BOOLEAN :255',
      '1 prim: OCTET STRING [HEX DUMP]:DEAD',
      '1 prim: BIT STRING',
      '1 prim: UTF8STRING :Café ✓',
      '1 prim: PRINTABLESTRING :Example CA',
      '1 prim: UTCTIME :300506070809Z',
      '1 prim: GENERALIZEDTIME :20510102030405Z',
      '1 cons: cont [ 0 ]',
      '2 prim: INTEGER :02',
      '1 prim: cont [ 1 ]',
      '1 cons: SET',
      '2 prim: INTEGER :01',
      '2 prim: INTEGER :02',
    ]);
  });
});
