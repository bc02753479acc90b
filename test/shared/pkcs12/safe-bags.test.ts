import { describe, expect, it } from 'vitest';

import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { derExplicit, derInteger, derOctetString, derOid, derSequence, derSet, derTlv } from '../../../shared/asn1/writer.ts';
import { parseSafeContents } from '../../../shared/pkcs12/safe-bags.ts';
import { thrown } from './thrown.ts';

// OIDs written out from RFC 7292 appendix D and PKCS #9.
const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const CRL_BAG = '1.2.840.113549.1.12.10.1.4';
const SAFE_CONTENTS_BAG = '1.2.840.113549.1.12.10.1.6';
const X509_CERTIFICATE = '1.2.840.113549.1.9.22.1';
const SDSI_CERTIFICATE = '1.2.840.113549.1.9.22.2';
const FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';

function bmpString(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[2 * i] = text.charCodeAt(i) >> 8;
    bytes[2 * i + 1] = text.charCodeAt(i) & 0xff;
  }
  return derTlv('universal', false, 30, bytes);
}

describe('SafeContents', () => {
  const keyInfo = derSequence(derInteger(0n));
  const attributes = derSet(
    derSequence(derOid(FRIENDLY_NAME), derSet(bmpString('My Key'))),
    derSequence(derOid(LOCAL_KEY_ID), derSet(derOctetString(new Uint8Array([0xab, 0xcd])))),
  );

  it('reads bag attributes', () => {
    const bags = parseSafeContents(derSequence(derSequence(derOid(KEY_BAG), derExplicit(0, keyInfo), attributes)));
    expect(bags).toHaveLength(1);
    expect(bags[0].type).toBe('key');
    expect(bags[0].attributes).toEqual({ friendlyName: 'My Key', localKeyId: new Uint8Array([0xab, 0xcd]) });
  });

  it('flattens nested safeContentsBag', () => {
    const certBag = derSequence(derOid(CERT_BAG), derExplicit(0, derSequence(derOid(X509_CERTIFICATE), derExplicit(0, derOctetString(new Uint8Array([0x30, 0x00]))))));
    const nested = derSequence(derOid(SAFE_CONTENTS_BAG), derExplicit(0, derSequence(certBag)));
    const bags = parseSafeContents(derSequence(nested));
    expect(bags.map((bag) => bag.type)).toEqual(['certificate']);
  });

  it('names skipped bags', () => {
    const crl = derSequence(derOid(CRL_BAG), derExplicit(0, derSequence()));
    const sdsi = derSequence(derOid(CERT_BAG), derExplicit(0, derSequence(derOid(SDSI_CERTIFICATE), derExplicit(0, derOctetString(new Uint8Array(1))))));
    const bags = parseSafeContents(derSequence(crl, sdsi));
    expect(bags.map((bag) => (bag.type === 'other' ? bag.description : bag.type))).toEqual([
      `crlBag (${CRL_BAG})`,
      `certBag of type sdsiCertificate (${SDSI_CERTIFICATE})`,
    ]);
  });

  it('bag without value rejected', () => {
    expect(thrown(() => parseSafeContents(derSequence(derSequence(derOid(KEY_BAG)))))).toBeInstanceOf(Asn1Error);
  });
});
