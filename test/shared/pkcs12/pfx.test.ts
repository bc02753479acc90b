import { describe, expect, it } from 'vitest';

import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { derExplicit, derInteger, derNull, derOctetString, derOid, derSequence, derTlv } from '../../../shared/asn1/writer.ts';
import { Pkcs12Error } from '../../../shared/pkcs12/errors.ts';
import { parseAuthenticatedSafe, parsePfx } from '../../../shared/pkcs12/pfx.ts';
import { thrown } from './thrown.ts';

// OIDs written out from RFC 7292, RFC 5652, RFC 9579 and NIST's registry.
const DATA = '1.2.840.113549.1.7.1';
const SIGNED_DATA = '1.2.840.113549.1.7.2';
const ENVELOPED_DATA = '1.2.840.113549.1.7.3';
const ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const SHA256 = '2.16.840.1.101.3.4.2.1';
const PBMAC1 = '1.2.840.113549.1.5.14';
const PBE_SHA1_3DES = '1.2.840.113549.1.12.1.3';

const authSafeBytes = derSequence();

function pfx(version: bigint, contentType: string, content: Uint8Array, mac?: Uint8Array): Uint8Array {
  return derSequence(derInteger(version), derSequence(derOid(contentType), derExplicit(0, content)), ...(mac ? [mac] : []));
}

function macData(digestOid: string, iterations?: bigint): Uint8Array {
  const digestInfo = derSequence(derSequence(derOid(digestOid), derNull()), derOctetString(new Uint8Array(32)));
  return derSequence(digestInfo, derOctetString(new Uint8Array(8).fill(1)), ...(iterations === undefined ? [] : [derInteger(iterations)]));
}

describe('PFX wrapper', () => {
  it('reads MAC parameters', () => {
    const parsed = parsePfx(pfx(3n, DATA, derOctetString(authSafeBytes), macData(SHA256, 2048n)));
    expect(parsed.authenticatedSafe).toEqual(authSafeBytes);
    expect(parsed.mac?.hash).toBe('sha256');
    expect(parsed.mac?.iterations).toBe(2048);
    expect(parsed.mac?.salt).toEqual(new Uint8Array(8).fill(1));
  });

  it('MAC iterations default to 1', () => {
    expect(parsePfx(pfx(3n, DATA, derOctetString(authSafeBytes), macData(SHA256))).mac?.iterations).toBe(1);
  });

  it('no MacData', () => {
    expect(parsePfx(pfx(3n, DATA, derOctetString(authSafeBytes))).mac).toBeNull();
  });

  it('BER constructed authSafe octets', () => {
    const segments = derTlv('universal', true, 4, new Uint8Array([...derOctetString(authSafeBytes.subarray(0, 1)), ...derOctetString(authSafeBytes.subarray(1))]));
    expect(parsePfx(pfx(3n, DATA, segments)).authenticatedSafe).toEqual(authSafeBytes);
  });

  it('version 2 rejected', () => {
    const error = thrown(() => parsePfx(pfx(2n, DATA, derOctetString(authSafeBytes))));
    expect((error as Pkcs12Error).code).toBe('unsupported-version');
  });

  it('public-key integrity rejected', () => {
    const error = thrown(() => parsePfx(pfx(3n, SIGNED_DATA, derSequence())));
    expect((error as Pkcs12Error).code).toBe('unsupported-algorithm');
    expect((error as Pkcs12Error).message).toContain('public-key integrity mode');
  });

  it('PBMAC1 named as unsupported', () => {
    const error = thrown(() => parsePfx(pfx(3n, DATA, derOctetString(authSafeBytes), macData(PBMAC1))));
    expect((error as Pkcs12Error).oid).toBe(PBMAC1);
    expect((error as Pkcs12Error).message).toContain('PBMAC1');
  });

  it('trailing bytes rejected', () => {
    const bytes = new Uint8Array([...pfx(3n, DATA, derOctetString(authSafeBytes)), 0]);
    expect(thrown(() => parsePfx(bytes))).toBeInstanceOf(Asn1Error);
  });
});

describe('AuthenticatedSafe', () => {
  it('plain and encrypted entries', () => {
    const algorithm = derSequence(derOid(PBE_SHA1_3DES), derSequence(derOctetString(new Uint8Array(8)), derInteger(2048n)));
    const encryptedData = derSequence(derInteger(0n), derSequence(derOid(DATA), algorithm, derTlv('context', false, 0, new Uint8Array([1, 2, 3]))));
    const safe = derSequence(
      derSequence(derOid(DATA), derExplicit(0, derOctetString(derSequence()))),
      derSequence(derOid(ENCRYPTED_DATA), derExplicit(0, encryptedData)),
    );
    const entries = parseAuthenticatedSafe(safe);
    expect(entries.map((entry) => entry.kind)).toEqual(['plain', 'encrypted']);
    expect(entries[1].kind === 'encrypted' && entries[1].encryptedContent).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('public-key privacy rejected', () => {
    const safe = derSequence(derSequence(derOid(ENVELOPED_DATA), derExplicit(0, derSequence())));
    const error = thrown(() => parseAuthenticatedSafe(safe));
    expect((error as Pkcs12Error).code).toBe('unsupported-algorithm');
  });
});
