import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { OID_AES128_CBC, OID_AES256_CBC, OID_DATA, OID_DES_EDE3_CBC, OID_RSA_ENCRYPTION } from '../../../shared/asn1/oids.ts';
import { parseEnvelopedDataContentInfo } from '../../../shared/cms/enveloped-data.ts';
import { identifierMatches } from '../../../shared/cms/identifier.ts';
import { parseCertificate } from '../../../shared/x509/certificate.ts';
import { needTools } from '../../support/environment.ts';
import { makePki, type Pki } from '../../support/openssl-pki.ts';

const tools = needTools('openssl');

describe.skipIf(tools.skip)('parseEnvelopedDataContentInfo on openssl output' + tools.reason, () => {
  let pki: Pki;
  beforeAll(() => {
    pki = makePki();
    pki.write('content.xml', 'secret payload content\n');
  });
  afterAll(() => pki?.cleanup());

  const opensslEncrypt = (...args: string[]): Uint8Array => new Uint8Array(pki.openssl(['cms', '-encrypt', '-binary', '-outform', 'DER', '-in', 'content.xml', ...args]));

  it('reads cipher and IV', () => {
    const cases: [string, string, number][] = [['-aes256', OID_AES256_CBC, 16], ['-aes128', OID_AES128_CBC, 16], ['-des3', OID_DES_EDE3_CBC, 8]];
    for (const [flag, oid, ivLength] of cases) {
      const enveloped = parseEnvelopedDataContentInfo(opensslEncrypt(flag, pki.device.certPath));
      expect(enveloped.version).toBe(0);
      expect(enveloped.encryptedContentInfo.contentType).toBe(OID_DATA);
      expect(enveloped.encryptedContentInfo.contentEncryptionAlgorithm.oid).toBe(oid);
      expect(enveloped.encryptedContentInfo.iv).toHaveLength(ivLength);
      expect(enveloped.encryptedContentInfo.encryptedContent!.length % ivLength).toBe(0);
    }
  });

  it('reads two recipients in order', () => {
    const enveloped = parseEnvelopedDataContentInfo(opensslEncrypt(pki.device.certPath, pki.leafRsa.certPath));
    expect(enveloped.recipientInfos).toHaveLength(2);
    const [first, second] = enveloped.recipientInfos;
    if (first.kind !== 'keyTransport' || second.kind !== 'keyTransport') throw new Error('expected key transport recipients');
    expect(first.keyEncryptionAlgorithm.oid).toBe(OID_RSA_ENCRYPTION);
    expect(first.encryptedKey).toHaveLength(256);
    expect(identifierMatches(first.rid, parseCertificate(pki.device.der))).toBe(true);
    expect(identifierMatches(second.rid, parseCertificate(pki.leafRsa.der))).toBe(true);
    expect(identifierMatches(second.rid, parseCertificate(pki.device.der))).toBe(false);
  });

  it('reads subjectKeyIdentifier recipient', () => {
    const enveloped = parseEnvelopedDataContentInfo(opensslEncrypt('-keyid', pki.leafRsa.certPath));
    const recipient = enveloped.recipientInfos[0];
    if (recipient.kind !== 'keyTransport') throw new Error('expected key transport recipient');
    expect(enveloped.version).toBe(2);
    expect(recipient.version).toBe(2);
    expect(recipient.rid.kind).toBe('subjectKeyIdentifier');
    expect(identifierMatches(recipient.rid, parseCertificate(pki.leafRsa.der))).toBe(true);
  });

  it('reads BER from -stream', () => {
    // 23 bytes of content pad to 32 under AES-CBC.
    const enveloped = parseEnvelopedDataContentInfo(opensslEncrypt('-stream', '-aes256', pki.device.certPath));
    expect(enveloped.encryptedContentInfo.encryptedContent!.length).toBe(32);
  });

  it('lists key agreement recipient as unsupported', () => {
    const enveloped = parseEnvelopedDataContentInfo(opensslEncrypt(pki.leafEc.certPath));
    expect(enveloped.recipientInfos).toEqual([{ kind: 'unsupported', type: 'keyAgreement' }]);
  });

  it('truncated input raises Asn1Error', () => {
    const der = opensslEncrypt(pki.device.certPath);
    for (let length = 1; length < der.length; length += 31) {
      expect(() => parseEnvelopedDataContentInfo(der.subarray(0, length))).toThrow(Asn1Error);
    }
  });
});
