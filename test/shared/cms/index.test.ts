import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OID_SHA1, OID_SHA256, OID_SHA384, OID_SHA512 } from '../../../shared/asn1/oids.ts';
import { CmsError, describeCertificate, digestAlgorithmName, isCmsContentInfo, unwrapSignedData } from '../../../shared/cms/index.ts';
import { parseCertificate } from '../../../shared/x509/certificate.ts';
import { needTools } from '../../support/environment.ts';
import { makePki, type Pki } from '../../support/openssl-pki.ts';

describe('digestAlgorithmName', () => {
  it('names the four digests', () => {
    expect(digestAlgorithmName(OID_SHA1)).toBe('sha1');
    expect(digestAlgorithmName(OID_SHA256)).toBe('sha256');
    expect(digestAlgorithmName(OID_SHA384)).toBe('sha384');
    expect(digestAlgorithmName(OID_SHA512)).toBe('sha512');
  });

  it('returns other OIDs unchanged', () => {
    expect(digestAlgorithmName('1.2.840.113549.2.5')).toBe('1.2.840.113549.2.5');
  });
});

describe('isCmsContentInfo', () => {
  it('rejects plists and short input', () => {
    expect(isCmsContentInfo(new TextEncoder().encode('<?xml version="1.0"?>'))).toBe(false);
    expect(isCmsContentInfo(new TextEncoder().encode('bplist00'))).toBe(false);
    expect(isCmsContentInfo(Uint8Array.of(0x30))).toBe(false);
    expect(isCmsContentInfo(new Uint8Array(0))).toBe(false);
  });

  it('rejects other content types', () => {
    // ContentInfo with id-data (1.2.840.113549.1.7.1)
    const data = Uint8Array.of(0x30, 0x0f, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0xa0, 0x02, 0x04, 0x00);
    expect(isCmsContentInfo(data)).toBe(false);
  });
});

const tools = needTools('openssl');
describe.skipIf(tools.skip)('CMS summary API' + tools.reason, () => {
  let pki: Pki;
  beforeAll(() => {
    pki = makePki();
    pki.write('content.xml', 'content');
  });
  afterAll(() => pki?.cleanup());

  it('detects signed and enveloped data', () => {
    const signed = new Uint8Array(pki.openssl(['cms', '-sign', '-binary', '-nodetach', '-outform', 'DER', '-in', 'content.xml', '-signer', pki.leafRsa.certPath, '-inkey', pki.leafRsa.keyPath]));
    const streamed = new Uint8Array(pki.openssl(['cms', '-sign', '-stream', '-binary', '-nodetach', '-outform', 'DER', '-in', 'content.xml', '-signer', pki.leafRsa.certPath, '-inkey', pki.leafRsa.keyPath]));
    const enveloped = new Uint8Array(pki.openssl(['cms', '-encrypt', '-binary', '-outform', 'DER', '-in', 'content.xml', pki.device.certPath]));
    expect(isCmsContentInfo(signed)).toBe(true);
    expect(isCmsContentInfo(streamed)).toBe(true);
    expect(isCmsContentInfo(enveloped)).toBe(true);
    expect(isCmsContentInfo(pki.leafRsa.der)).toBe(false);
    expect(new TextDecoder().decode(unwrapSignedData(signed).content!)).toBe('content');
    expect(() => unwrapSignedData(pki.leafRsa.der)).toThrow(CmsError);
    expect(() => unwrapSignedData(enveloped)).toThrow(/envelopedData/);
  });

  it('describes certificate like openssl', () => {
    const summary = describeCertificate(parseCertificate(pki.leafEc.der));
    const text = pki.openssl(['x509', '-in', pki.leafEc.certPath, '-noout', '-subject', '-issuer', '-serial', '-startdate', '-enddate', '-fingerprint', '-sha256', '-nameopt', 'RFC2253']).toString();
    const field = (name: string): string => new RegExp(`^${name}=(.*)$`, 'm').exec(text)![1];
    expect(summary.subject).toBe(field('subject'));
    expect(summary.issuer).toBe(field('issuer'));
    expect(summary.serialNumber).toBe(field('serial').toLowerCase());
    expect(summary.notBefore).toBe(new Date(field('notBefore')).toISOString());
    expect(summary.notAfter).toBe(new Date(field('notAfter')).toISOString());
    expect(summary.sha256).toBe(field('sha256 Fingerprint').replaceAll(':', '').toLowerCase());
    expect(summary.keyType).toBe('EC P-256');
  });
});
