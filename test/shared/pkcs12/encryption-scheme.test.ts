import { describe, expect, it } from 'vitest';

import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { parseAsn1 } from '../../../shared/asn1/reader.ts';
import { derInteger, derNull, derOctetString, derOid, derSequence } from '../../../shared/asn1/writer.ts';
import { MAX_ITERATIONS, parseEncryptionScheme } from '../../../shared/pkcs12/encryption-scheme.ts';
import { Pkcs12Error } from '../../../shared/pkcs12/errors.ts';
import { thrown } from './thrown.ts';

// OIDs written out from RFC 7292 appendix C, RFC 8018 appendix C and NIST's registry, so that
// a typo in the constants module fails here.
const PBE_SHA1_3DES = '1.2.840.113549.1.12.1.3';
const PBE_SHA1_RC2_40 = '1.2.840.113549.1.12.1.6';
const PBE_SHA1_RC4_128 = '1.2.840.113549.1.12.1.1';
const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const SCRYPT = '1.3.6.1.4.1.11591.4.11';
const HMAC_SHA256 = '1.2.840.113549.2.9';
const HMAC_MD5 = '1.2.840.113549.2.6';
const AES256_CBC = '2.16.840.1.101.3.4.1.42';
const AES128_GCM = '2.16.840.1.101.3.4.1.6';
const RC2_CBC = '1.2.840.113549.3.2';

const salt = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
const iv16 = new Uint8Array(16).fill(7);
const iv8 = new Uint8Array(8).fill(9);

function parse(der: Uint8Array) {
  return parseEncryptionScheme(parseAsn1(der), 'test.algorithm');
}

function pbkdf2(...optional: Uint8Array[]): Uint8Array {
  return derSequence(derOid(PBKDF2), derSequence(derOctetString(salt), derInteger(2048n), ...optional));
}

function pbes2(kdf: Uint8Array, cipher: Uint8Array): Uint8Array {
  return derSequence(derOid(PBES2), derSequence(kdf, cipher));
}

describe('PKCS#12 PBE parameters', () => {
  it('3DES scheme', () => {
    const scheme = parse(derSequence(derOid(PBE_SHA1_3DES), derSequence(derOctetString(salt), derInteger(2048n))));
    expect(scheme).toEqual({ kind: 'pkcs12-pbe', oid: PBE_SHA1_3DES, cipher: 'des-ede3-cbc', salt, iterations: 2048 });
  });

  it('RC2-40 scheme', () => {
    const scheme = parse(derSequence(derOid(PBE_SHA1_RC2_40), derSequence(derOctetString(salt), derInteger(1n))));
    expect(scheme.kind === 'pkcs12-pbe' && scheme.cipher).toBe('rc2-40-cbc');
  });

  it('RC4 unsupported with OID', () => {
    const error = thrown(() => parse(derSequence(derOid(PBE_SHA1_RC4_128), derSequence(derOctetString(salt), derInteger(1n)))));
    expect(error).toBeInstanceOf(Pkcs12Error);
    expect((error as Pkcs12Error).code).toBe('unsupported-algorithm');
    expect((error as Pkcs12Error).oid).toBe(PBE_SHA1_RC4_128);
    expect((error as Pkcs12Error).message).toContain('pbeWithSHAAnd128BitRC4');
  });

  it('missing parameters', () => {
    const error = thrown(() => parse(derSequence(derOid(PBE_SHA1_3DES), derNull())));
    expect((error as Pkcs12Error).code).toBe('malformed');
  });

  it('zero iterations rejected', () => {
    expect(thrown(() => parse(derSequence(derOid(PBE_SHA1_3DES), derSequence(derOctetString(salt), derInteger(0n)))))).toBeInstanceOf(Asn1Error);
  });

  it('iterations above limit', () => {
    const error = thrown(() => parse(derSequence(derOid(PBE_SHA1_3DES), derSequence(derOctetString(salt), derInteger(BigInt(MAX_ITERATIONS + 1))))));
    expect((error as Pkcs12Error).code).toBe('limit-exceeded');
  });
});

describe('PBES2 parameters', () => {
  it('AES-256 with hmacWithSHA256', () => {
    const scheme = parse(pbes2(pbkdf2(derSequence(derOid(HMAC_SHA256), derNull())), derSequence(derOid(AES256_CBC), derOctetString(iv16))));
    expect(scheme).toEqual({ kind: 'pbes2', prf: 'sha256', salt, iterations: 2048, cipher: { name: 'aes-256-cbc', iv: iv16, keyLength: 32 } });
  });

  it('PRF defaults to hmacWithSHA1', () => {
    const scheme = parse(pbes2(pbkdf2(), derSequence(derOid(AES256_CBC), derOctetString(iv16))));
    expect(scheme.kind === 'pbes2' && scheme.prf).toBe('sha1');
  });

  it('keyLength matching cipher accepted', () => {
    const scheme = parse(pbes2(pbkdf2(derInteger(32n)), derSequence(derOid(AES256_CBC), derOctetString(iv16))));
    expect(scheme.kind === 'pbes2' && scheme.cipher.keyLength).toBe(32);
  });

  it('keyLength contradicting cipher rejected', () => {
    const error = thrown(() => parse(pbes2(pbkdf2(derInteger(16n)), derSequence(derOid(AES256_CBC), derOctetString(iv16)))));
    expect((error as Pkcs12Error).code).toBe('malformed');
  });

  it('short IV rejected', () => {
    const error = thrown(() => parse(pbes2(pbkdf2(), derSequence(derOid(AES256_CBC), derOctetString(iv8)))));
    expect((error as Pkcs12Error).message).toContain('IV is 8 bytes, expected 16');
  });

  it('RC2-CBC version 58 is 128 bits', () => {
    const scheme = parse(pbes2(pbkdf2(derInteger(16n)), derSequence(derOid(RC2_CBC), derSequence(derInteger(58n), derOctetString(iv8)))));
    expect(scheme.kind === 'pbes2' && scheme.cipher).toEqual({ name: 'rc2-cbc', iv: iv8, keyLength: 16, effectiveBits: 128 });
  });

  it('RC2-CBC without version is 32 bits', () => {
    const scheme = parse(pbes2(pbkdf2(derInteger(4n)), derSequence(derOid(RC2_CBC), derSequence(derOctetString(iv8)))));
    expect(scheme.kind === 'pbes2' && scheme.cipher).toEqual({ name: 'rc2-cbc', iv: iv8, keyLength: 4, effectiveBits: 32 });
  });

  it('scrypt unsupported with OID', () => {
    const kdf = derSequence(derOid(SCRYPT), derSequence(derOctetString(salt), derInteger(16384n), derInteger(8n), derInteger(1n)));
    const error = thrown(() => parse(pbes2(kdf, derSequence(derOid(AES256_CBC), derOctetString(iv16)))));
    expect((error as Pkcs12Error).code).toBe('unsupported-algorithm');
    expect((error as Pkcs12Error).oid).toBe(SCRYPT);
  });

  it('HMAC-MD5 PRF unsupported', () => {
    const error = thrown(() => parse(pbes2(pbkdf2(derSequence(derOid(HMAC_MD5), derNull())), derSequence(derOid(AES256_CBC), derOctetString(iv16)))));
    expect((error as Pkcs12Error).oid).toBe(HMAC_MD5);
  });

  it('AES-GCM cipher unsupported', () => {
    const error = thrown(() => parse(pbes2(pbkdf2(), derSequence(derOid(AES128_GCM), derOctetString(new Uint8Array(12))))));
    expect((error as Pkcs12Error).code).toBe('unsupported-algorithm');
    expect((error as Pkcs12Error).message).toContain('aes-128-gcm');
  });
});
