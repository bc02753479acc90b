import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { OID_ECDSA_WITH_SHA256, OID_KP_CODE_SIGNING, OID_KP_EMAIL_PROTECTION, OID_SHA256_WITH_RSA } from '../../../shared/asn1/oids.ts';
import { formatSerialNumber, parseCertificate } from '../../../shared/x509/certificate.ts';
import { needTools } from '../../support/environment.ts';
import { makePki, type Pki, type PkiEntity } from '../../support/openssl-pki.ts';

const tools = needTools('openssl');

describe('formatSerialNumber', () => {
  it('drops sign padding octet', () => {
    expect(formatSerialNumber(Uint8Array.of(0x00, 0x9c, 0x01))).toBe('9c01');
  });

  it('keeps single zero', () => {
    expect(formatSerialNumber(Uint8Array.of(0x00))).toBe('00');
  });

  it('prints negative values', () => {
    // -1 is FF, -256 is FF 00
    expect(formatSerialNumber(Uint8Array.of(0xff))).toBe('-01');
    expect(formatSerialNumber(Uint8Array.of(0xff, 0x00))).toBe('-0100');
  });
});

describe.skipIf(tools.skip)('parseCertificate against openssl' + tools.reason, () => {
  let pki: Pki;
  beforeAll(() => {
    pki = makePki();
  });
  afterAll(() => pki?.cleanup());

  /** Returns openssl's value for one `x509 -noout` print option, text after the `=`. */
  const opensslField = (entity: PkiEntity, ...args: string[]): string => {
    const output = pki.openssl(['x509', '-in', entity.certPath, '-noout', ...args]).toString('utf8').trim();
    return output.slice(output.indexOf('=') + 1);
  };
  const entities = (): PkiEntity[] => [pki.root, pki.intermediate, pki.leafRsa, pki.leafEc, pki.leafEc384, pki.expired, pki.device];

  it('subject and issuer match RFC 2253 form', () => {
    for (const entity of entities()) {
      const certificate = parseCertificate(entity.der);
      expect(certificate.subject.display).toBe(opensslField(entity, '-subject', '-nameopt', 'RFC2253,-esc_msb'));
      expect(certificate.issuer.display).toBe(opensslField(entity, '-issuer', '-nameopt', 'RFC2253,-esc_msb'));
    }
  });

  it('subject keeps UTF-8 and multi-valued RDN', () => {
    const certificate = parseCertificate(pki.leafRsa.der);
    expect(certificate.subject.display).toBe('CN=Résumé Signer,UID=42+OU=Devices,O=Exämple\\, Inc.,ST=Île-de-France,C=FR');
    expect(certificate.subject.rdns).toHaveLength(5);
    expect(certificate.subject.rdns[3]).toHaveLength(2);
  });

  it('serial matches openssl -serial', () => {
    for (const entity of entities()) {
      expect(parseCertificate(entity.der).serialNumber).toBe(opensslField(entity, '-serial').toLowerCase());
    }
    expect(parseCertificate(pki.leafRsa.der).serialNumber).toBe('9c00aa55');
    expect(parseCertificate(pki.leafEc.der).serialNumber).toBe('112233445566778899');
  });

  it('fingerprints match openssl', () => {
    for (const entity of entities()) {
      const certificate = parseCertificate(entity.der);
      expect(certificate.sha256).toBe(opensslField(entity, '-fingerprint', '-sha256').replaceAll(':', '').toLowerCase());
      expect(certificate.sha1).toBe(opensslField(entity, '-fingerprint', '-sha1').replaceAll(':', '').toLowerCase());
    }
  });

  it('fingerprints survive copies', () => {
    // The fingerprints are computed on first read, so copies must read them as values.
    const expected = opensslField(pki.leafRsa, '-fingerprint', '-sha256').replaceAll(':', '').toLowerCase();
    const certificate = parseCertificate(pki.leafRsa.der);
    expect(structuredClone(certificate).sha256).toBe(expected);
    expect({ ...certificate }.sha256).toBe(expected);
    expect((JSON.parse(JSON.stringify(certificate)) as { sha256: string }).sha256).toBe(expected);
    expect(certificate.sha256).toBe(expected);
  });

  it('validity matches openssl dates', () => {
    for (const entity of entities()) {
      const certificate = parseCertificate(entity.der);
      expect(certificate.notBefore.getTime()).toBe(new Date(opensslField(entity, '-startdate')).getTime());
      expect(certificate.notAfter.getTime()).toBe(new Date(opensslField(entity, '-enddate')).getTime());
    }
    expect(parseCertificate(pki.expired.der).notAfter.toISOString()).toBe('2021-01-01T00:00:00.000Z');
  });

  it('key identifiers match openssl', () => {
    for (const entity of entities()) {
      const text = pki.openssl(['x509', '-in', entity.certPath, '-noout', '-ext', 'subjectKeyIdentifier,authorityKeyIdentifier']).toString();
      // A key identifier prints as colon-separated hex pairs; a self-signed AKI may hold only DirName and serial lines.
      const ski = /Subject Key Identifier:\s*\n\s*((?:[0-9A-F]{2}:)*[0-9A-F]{2})\s*\n/.exec(text)?.[1].replaceAll(':', '').toLowerCase();
      const aki = /Authority Key Identifier:\s*\n\s*(?:keyid:)?((?:[0-9A-F]{2}:)*[0-9A-F]{2})\s*\n/.exec(text)?.[1].replaceAll(':', '').toLowerCase();
      const certificate = parseCertificate(entity.der);
      expect(certificate.subjectKeyIdentifier && Buffer.from(certificate.subjectKeyIdentifier).toString('hex')).toBe(ski);
      expect(certificate.authorityKeyIdentifier ? Buffer.from(certificate.authorityKeyIdentifier).toString('hex') : undefined).toBe(aki);
    }
  });

  it('key types match generated keys', () => {
    expect(parseCertificate(pki.root.der).publicKeyAlgorithm).toEqual({ kind: 'rsa', bits: 2048 });
    expect(parseCertificate(pki.intermediate.der).publicKeyAlgorithm).toEqual({ kind: 'ec', curveOid: '1.3.132.0.34', curve: 'P-384' });
    expect(parseCertificate(pki.leafEc.der).publicKeyAlgorithm).toEqual({ kind: 'ec', curveOid: '1.2.840.10045.3.1.7', curve: 'P-256' });
  });

  it('extensions read as configured', () => {
    const root = parseCertificate(pki.root.der);
    expect(root.version).toBe(3);
    expect(root.basicConstraints).toEqual({ ca: true });
    expect(root.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
    expect(root.isSelfIssued).toBe(true);
    expect(root.signatureAlgorithm.oid).toBe(OID_SHA256_WITH_RSA);

    const leaf = parseCertificate(pki.leafRsa.der);
    expect(leaf.basicConstraints).toEqual({ ca: false });
    expect(leaf.keyUsage).toEqual(['digitalSignature', 'keyEncipherment']);
    expect(leaf.extendedKeyUsage).toEqual([OID_KP_EMAIL_PROTECTION, OID_KP_CODE_SIGNING]);
    expect(leaf.isSelfIssued).toBe(false);
    // openssl 3.0 signs with SHA-256 by default, whatever the curve.
    expect(leaf.signatureAlgorithm.oid).toBe(OID_ECDSA_WITH_SHA256);
  });

  it('public key info is node-readable', async () => {
    const { createPublicKey, X509Certificate } = await import('node:crypto');
    for (const entity of entities()) {
      const spki = parseCertificate(entity.der).publicKeyInfoRaw;
      const fromNode = new X509Certificate(entity.der).publicKey.export({ type: 'spki', format: 'der' });
      expect(Buffer.from(spki).equals(fromNode)).toBe(true);
      expect(createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }).type).toBe('public');
    }
  });

  it('truncated certificate raises Asn1Error', () => {
    const der = pki.leafRsa.der;
    for (const length of [0, 1, 4, 100, der.length - 1]) {
      expect(() => parseCertificate(der.subarray(0, length))).toThrow(Asn1Error);
    }
  });
});
