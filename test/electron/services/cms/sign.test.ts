import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../../../../electron/services/cms/sign.ts';
import { CmsError } from '../../../../shared/cms/errors.ts';
import { needTools } from '../../../support/environment.ts';
import { makePki, type Pki, type PkiEntity } from '../../../support/openssl-pki.ts';
import { countPrintedCertificates, opensslVerify, printCms, printedMessageDigest } from './openssl-cms.ts';

const tools = needTools('openssl');
const PROFILE = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\r\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\r\n' +
    '<plist version="1.0"><dict><key>PayloadDisplayName</key><string>Café ✓ Résumé</string><key>PayloadType</key><string>Configuration</string></dict></plist>\r\n',
);

describe.skipIf(tools.skip)('sign' + tools.reason, () => {
  let pki: Pki;
  beforeAll(() => {
    pki = makePki();
  });
  afterAll(() => pki?.cleanup());

  const identity = (entity: PkiEntity, chain: PkiEntity[] = [pki.intermediate]) => ({ certificate: entity.der, privateKey: entity.privateKey, chain: chain.map((c) => c.der) });

  it('openssl verifies RSA, P-256 and P-384 signers', () => {
    for (const entity of [pki.leafRsa, pki.leafEc, pki.leafEc384]) {
      for (const digest of ['sha256', 'sha384', 'sha512'] as const) {
        const { der } = sign(PROFILE, identity(entity), { digest });
        const result = opensslVerify(pki, der, '-CAfile', pki.root.certPath);
        expect(result.stderr).toBe('');
        expect(result.ok).toBe(true);
        expect(result.content!.equals(PROFILE)).toBe(true);
      }
    }
  });

  it('keeps UTF-8 content byte-identical', () => {
    const { der } = sign(PROFILE, identity(pki.leafRsa));
    const printed = printCms(pki, der);
    expect(printedMessageDigest(printed)).toBe(createHash('sha256').update(PROFILE).digest('hex'));
    expect(opensslVerify(pki, der, '-CAfile', pki.root.certPath).content!.toString('utf8')).toContain('Café ✓ Résumé');
  });

  it('writes signed attributes and algorithms', () => {
    const signingTime = new Date('2030-01-02T03:04:05Z');
    const printed = printCms(pki, sign(PROFILE, identity(pki.leafEc), { digest: 'sha384', signingTime }).der);
    expect(printed).toContain('object: contentType (1.2.840.113549.1.9.3)');
    expect(printed).toContain('object: signingTime (1.2.840.113549.1.9.5)');
    expect(printed).toContain('UTCTIME:Jan  2 03:04:05 2030 GMT');
    expect(printed).toContain('algorithm: ecdsa-with-SHA384 (1.2.840.10045.4.3.3)');
    expect(printed).toContain('algorithm: sha384 (2.16.840.1.101.3.4.2.2)');
    expect(printed).toMatch(/version: 1\n/);
    expect(printed).toContain('d.issuerAndSerialNumber:');
  });

  it('openssl verifies content of 16 MiB', () => {
    // Over 2^24 octets, so the content and every element around it have four-octet lengths.
    const content = Buffer.alloc(16 * 1024 * 1024 + 7, PROFILE);
    const { der } = sign(content, identity(pki.leafRsa));
    // Through a file, because the content is larger than execFileSync's output buffer.
    const result = opensslVerify(pki, der, '-CAfile', pki.root.certPath, '-out', 'large-content.out');
    expect(result.stderr).toBe('');
    expect(result.ok).toBe(true);
    expect(readFileSync(path.join(pki.dir, 'large-content.out')).equals(content)).toBe(true);
  });

  it('uses sha256WithRSAEncryption for RSA', () => {
    const printed = printCms(pki, sign(PROFILE, identity(pki.leafRsa)).der);
    expect(printed).toContain('algorithm: sha256WithRSAEncryption (1.2.840.113549.1.1.11)');
  });

  it('embeds intermediate but not root', () => {
    const withChain = sign(PROFILE, identity(pki.leafRsa, [pki.intermediate, pki.root]));
    expect(countPrintedCertificates(printCms(pki, withChain.der))).toBe(2);
    expect(withChain.warnings).toEqual([]);
    const leafOnly = sign(PROFILE, identity(pki.leafRsa, []));
    expect(countPrintedCertificates(printCms(pki, leafOnly.der))).toBe(1);
  });

  it('leaf-only file needs the intermediate in openssl', () => {
    const leafOnly = sign(PROFILE, identity(pki.leafRsa, [])).der;
    expect(opensslVerify(pki, leafOnly, '-CAfile', pki.root.certPath).ok).toBe(false);
    // openssl 3.0 cms has no -untrusted option, so the intermediate goes into the CA bundle.
    const bundle = pki.write('root-and-intermediate.pem', readFileSync(pki.root.certPath, 'utf8') + readFileSync(pki.intermediate.certPath, 'utf8'));
    expect(opensslVerify(pki, leafOnly, '-CAfile', bundle).ok).toBe(true);
  });

  it('warns about missing issuer', () => {
    const { warnings } = sign(PROFILE, identity(pki.leafRsa, []));
    expect(warnings.map((warning) => warning.code)).toEqual(['issuer-missing']);
    expect(warnings[0].message).toContain('CN=Test Intermediate CA');
  });

  it('warns about expired signer', () => {
    const { warnings } = sign(PROFILE, identity(pki.expired));
    expect(warnings.map((warning) => warning.code)).toEqual(['signer-expired']);
    expect(warnings[0].message).toContain('2021-01-01T00:00:00.000Z');
  });

  it('warns about signer expiring soon', () => {
    const { warnings } = sign(PROFILE, identity(pki.expiringSoon));
    expect(warnings.map((warning) => warning.code)).toEqual(['signer-expires-soon']);
    expect(warnings[0].message).toMatch(/expires in (9|10) day/);
  });

  it('self-signed signer needs no chain', () => {
    const { der, warnings } = sign(PROFILE, identity(pki.device, []));
    expect(warnings).toEqual([]);
    expect(opensslVerify(pki, der, '-CAfile', pki.device.certPath, '-purpose', 'any').ok).toBe(true);
  });

  it('rejects key of another certificate', () => {
    expect(() => sign(PROFILE, { certificate: pki.leafRsa.der, privateKey: pki.device.privateKey, chain: [] })).toThrow(CmsError);
    expect(() => sign(PROFILE, { certificate: pki.leafRsa.der, privateKey: pki.device.privateKey, chain: [] })).toThrow(/does not belong/);
  });

  it('rejects unsupported digest', () => {
    expect(() => sign(PROFILE, identity(pki.leafRsa), { digest: 'md5' as 'sha256' })).toThrow(/not supported for signing/);
  });

  it('rejects malformed certificate', () => {
    expect(() => sign(PROFILE, { certificate: pki.leafRsa.der.subarray(0, 50), privateKey: pki.leafRsa.privateKey, chain: [] })).toThrow(/signer certificate is not a valid DER/);
  });
});
