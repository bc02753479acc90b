import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { OID_DATA, OID_SHA1, OID_SHA256, OID_SHA384, OID_SHA512 } from '../../../shared/asn1/oids.ts';
import { CmsError } from '../../../shared/cms/errors.ts';
import { parseSignedDataContentInfo } from '../../../shared/cms/signed-data.ts';
import { needTools } from '../../support/environment.ts';
import { makePki, type Pki, type PkiEntity } from '../../support/openssl-pki.ts';

const tools = needTools('openssl');
const CONTENT = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>PayloadDisplayName</key><string>Café ✓</string></dict></plist>\n');

describe.skipIf(tools.skip)('parseSignedDataContentInfo on openssl output' + tools.reason, () => {
  let pki: Pki;
  beforeAll(() => {
    pki = makePki();
    pki.write('content.xml', CONTENT);
  });
  afterAll(() => pki?.cleanup());

  const opensslSign = (signer: PkiEntity, ...extra: string[]): Uint8Array =>
    new Uint8Array(pki.openssl(['cms', '-sign', '-binary', '-nodetach', '-outform', 'DER', '-in', 'content.xml', '-signer', signer.certPath, '-inkey', signer.keyPath, ...extra]));

  it('reads RSA SHA-256 signature', () => {
    const signedData = parseSignedDataContentInfo(opensslSign(pki.leafRsa, '-md', 'sha256'));
    expect(signedData.version).toBe(1);
    expect(signedData.contentType).toBe(OID_DATA);
    expect(Buffer.from(signedData.content!).equals(CONTENT)).toBe(true);
    expect(signedData.digestAlgorithms.map((a) => a.oid)).toEqual([OID_SHA256]);
    expect(signedData.certificates).toHaveLength(1);
    expect(signedData.certificates[0].subject.display).toContain('CN=Résumé Signer');
    expect(signedData.indefiniteLength).toBe(false);

    const signer = signedData.signerInfos[0];
    expect(signer.version).toBe(1);
    expect(signer.sid.kind).toBe('issuerAndSerialNumber');
    expect(signer.contentType).toBe(OID_DATA);
    expect(Buffer.from(signer.messageDigest!).toString('hex')).toBe(createHash('sha256').update(CONTENT).digest('hex'));
    expect(Math.abs(signer.signingTime!.getTime() - Date.now())).toBeLessThan(10 * 60_000);
    expect(signer.signedAttributesDer![0]).toBe(0x31);
  });

  it('reads digest choices', () => {
    const cases: [string, string][] = [['sha1', OID_SHA1], ['sha384', OID_SHA384], ['sha512', OID_SHA512]];
    for (const [md, oid] of cases) {
      const signer = parseSignedDataContentInfo(opensslSign(pki.leafEc, '-md', md)).signerInfos[0];
      expect(signer.digestAlgorithm.oid).toBe(oid);
      expect(Buffer.from(signer.messageDigest!).toString('hex')).toBe(createHash(md).update(CONTENT).digest('hex'));
    }
  });

  it('reads subjectKeyIdentifier signer id', () => {
    const signedData = parseSignedDataContentInfo(opensslSign(pki.leafEc, '-keyid'));
    const signer = signedData.signerInfos[0];
    expect(signedData.version).toBe(3);
    expect(signer.version).toBe(3);
    expect(signer.sid.kind).toBe('subjectKeyIdentifier');
    if (signer.sid.kind === 'subjectKeyIdentifier') {
      expect(Buffer.from(signer.sid.keyIdentifier).equals(Buffer.from(signedData.certificates[0].subjectKeyIdentifier!))).toBe(true);
    }
  });

  it('reads certificates from -certfile', () => {
    const signedData = parseSignedDataContentInfo(opensslSign(pki.leafRsa, '-certfile', pki.intermediate.certPath));
    const fingerprints = signedData.certificates.map((certificate) => certificate.sha256).sort();
    const expected = [pki.leafRsa.der, pki.intermediate.der].map((der) => createHash('sha256').update(der).digest('hex')).sort();
    expect(fingerprints).toEqual(expected);
  });

  it('reads BER from -stream', () => {
    const ber = opensslSign(pki.leafRsa, '-stream');
    const signedData = parseSignedDataContentInfo(ber);
    expect(signedData.indefiniteLength).toBe(true);
    expect(Buffer.from(signedData.content!).equals(CONTENT)).toBe(true);
  });

  it('reads detached signature', () => {
    const detached = new Uint8Array(pki.openssl(['cms', '-sign', '-binary', '-outform', 'DER', '-in', 'content.xml', '-signer', pki.leafRsa.certPath, '-inkey', pki.leafRsa.keyPath]));
    expect(parseSignedDataContentInfo(detached).content).toBeNull();
  });

  it('rejects EnvelopedData as SignedData', () => {
    const enveloped = new Uint8Array(pki.openssl(['cms', '-encrypt', '-binary', '-outform', 'DER', '-in', 'content.xml', pki.device.certPath]));
    expect(() => parseSignedDataContentInfo(enveloped)).toThrow(CmsError);
  });

  it('truncated input raises Asn1Error', () => {
    const der = opensslSign(pki.leafRsa);
    for (let length = 0; length < der.length; length += 97) {
      expect(() => parseSignedDataContentInfo(der.subarray(0, length))).toThrow(Asn1Error);
    }
  });
});

describe.skipIf(tools.skip)('parseSignedDataContentInfo on mutated input' + tools.reason, () => {
  let pki: Pki;
  beforeAll(() => {
    pki = makePki();
    pki.write('content.xml', CONTENT);
  });
  afterAll(() => pki?.cleanup());

  it('raises only Asn1Error or CmsError', async () => {
    const fc = await import('fast-check');
    const der = new Uint8Array(pki.openssl(['cms', '-sign', '-binary', '-nodetach', '-stream', '-outform', 'DER', '-in', 'content.xml', '-signer', pki.leafEc.certPath, '-inkey', pki.leafEc.keyPath]));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(der.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), (changes) => {
        const copy = new Uint8Array(der);
        for (const [index, mask] of changes) copy[index] ^= mask;
        try {
          parseSignedDataContentInfo(copy);
        } catch (error) {
          if (!(error instanceof Asn1Error) && !(error instanceof CmsError)) throw error;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
