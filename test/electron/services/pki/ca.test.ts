import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CA_CERTIFICATE_FILE, CA_KEY_FILE, CertificateAuthority, encodePem, generateKeys, parseNameText, PkiError, publicKeyInfoDer, selfSignedCertificate } from '../../../../electron/services/pki/index.ts';
import { needTools } from '../../../support/environment.ts';
import { runOpenssl } from '../../../support/openssl-pki.ts';

const tools = needTools('openssl');

describe.skipIf(tools.skip)('workbench CA' + tools.reason, () => {
  let dir: string;
  let ca: CertificateAuthority;
  const openssl = (args: string[]): string => runOpenssl(dir, args).toString();
  const write = (name: string, text: string | Uint8Array): string => {
    writeFileSync(path.join(dir, name), text);
    return name;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-ca-'));
    ca = await CertificateAuthority.create({ subject: [['C', 'FR'], ['O', 'Workbench Test'], ['CN', 'Test Enrolment CA']] });
    write('ca.pem', encodePem('CERTIFICATE', ca.certificateDer));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('CA certificate is a self-signed CA to openssl', () => {
    const text = openssl(['x509', '-in', 'ca.pem', '-noout', '-text']);
    expect(text).toMatch(/CA:TRUE/);
    expect(text).toMatch(/Certificate Sign, CRL Sign/);
    expect(openssl(['verify', '-CAfile', 'ca.pem', 'ca.pem']).trim()).toBe('ca.pem: OK');
    expect(openssl(['x509', '-in', 'ca.pem', '-noout', '-subject', '-nameopt', 'RFC2253']).trim()).toBe('subject=CN=Test Enrolment CA,O=Workbench Test,C=FR');
  });

  it('issued RSA identity passes openssl verify', async () => {
    const keys = await generateKeys({ type: 'rsa', bits: 2048 });
    const issued = ca.issue({
      subject: [['O', 'Workbench Test'], ['CN', '00008030-001A2B3C4D5E802E'], ['serialNumber', 'F2LXK0ABCD12']],
      publicKeyInfo: publicKeyInfoDer(keys.publicKey),
      kind: 'device-identity',
      alternativeNames: { uri: ['urn:example:device:1'] },
    });
    write('leaf.pem', encodePem('CERTIFICATE', issued.der));

    expect(openssl(['verify', '-CAfile', 'ca.pem', 'leaf.pem']).trim()).toBe('leaf.pem: OK');
    expect(openssl(['x509', '-in', 'leaf.pem', '-noout', '-serial']).trim().toLowerCase()).toBe(`serial=${issued.certificate.serialNumber}`);
    expect(openssl(['x509', '-in', 'leaf.pem', '-noout', '-subject', '-nameopt', 'RFC2253']).trim()).toBe('subject=serialNumber=F2LXK0ABCD12,CN=00008030-001A2B3C4D5E802E,O=Workbench Test');
    const text = openssl(['x509', '-in', 'leaf.pem', '-noout', '-text']);
    expect(text).toMatch(/URI:urn:example:device:1/);
    expect(text).toMatch(/Digital Signature, Key Encipherment/);
    expect(text).toMatch(/TLS Web Client Authentication, E-mail Protection/);
    expect(text).toMatch(/CA:FALSE/);
  });

  it('issued certificate is recognised as issued', async () => {
    const keys = await generateKeys({ type: 'ec', curve: 'P-256' });
    const issued = ca.issue({ subject: [['CN', 'ec device']], publicKeyInfo: publicKeyInfoDer(keys.publicKey), kind: 'device-identity' });
    expect(ca.issued(issued.certificate)).toBe(true);
    const other = await CertificateAuthority.create({ subject: [['CN', 'Other CA']], key: { type: 'ec', curve: 'P-256' } });
    expect(other.issued(issued.certificate)).toBe(false);
    expect(ca.issued(other.certificate)).toBe(false);
  });

  it('EC P-384 CA issues certificates openssl accepts', async () => {
    const ecCa = await CertificateAuthority.create({ subject: [['CN', 'EC CA']], key: { type: 'ec', curve: 'P-384' } });
    const keys = await generateKeys({ type: 'ec', curve: 'P-256' });
    const issued = ecCa.issue({ subject: [['CN', 'signer']], publicKeyInfo: publicKeyInfoDer(keys.publicKey), kind: 'profile-signer' });
    write('ec-ca.pem', encodePem('CERTIFICATE', ecCa.certificateDer));
    write('ec-leaf.pem', encodePem('CERTIFICATE', issued.der));
    expect(openssl(['verify', '-CAfile', 'ec-ca.pem', 'ec-leaf.pem']).trim()).toBe('ec-leaf.pem: OK');
    expect(openssl(['x509', '-in', 'ec-leaf.pem', '-noout', '-text'])).toMatch(/ecdsa-with-SHA384/);
  });

  it('validity ends no later than the CA', async () => {
    const keys = await generateKeys({ type: 'ec', curve: 'P-256' });
    const issued = ca.issue({ subject: [['CN', 'long']], publicKeyInfo: publicKeyInfoDer(keys.publicKey), kind: 'device-identity', validityDays: 100_000 });
    expect(issued.certificate.notAfter.getTime()).toBe(ca.certificate.notAfter.getTime());
  });

  it('self-signed device certificate reads back in openssl', async () => {
    const keys = await generateKeys({ type: 'ec', curve: 'P-256' });
    const self = selfSignedCertificate(keys.privateKey, [['CN', 'Simulated Device']], 1);
    write('self.pem', encodePem('CERTIFICATE', self.der));
    expect(openssl(['x509', '-in', 'self.pem', '-noout', '-subject', '-issuer', '-nameopt', 'RFC2253']).trim()).toBe('subject=CN=Simulated Device\nissuer=CN=Simulated Device');
    expect(self.certificate.isSelfIssued).toBe(true);
  });

  it('save and load keep certificate and key', async () => {
    const folder = path.join(dir, 'state');
    await ca.save(folder);
    const loaded = await CertificateAuthority.load(folder);
    expect(loaded.certificate.sha256).toBe(ca.certificate.sha256);
    expect(openssl(['pkey', '-in', path.join('state', CA_KEY_FILE), '-noout', '-check'])).toMatch(/valid/i);
    expect(openssl(['x509', '-in', path.join('state', CA_CERTIFICATE_FILE), '-noout', '-fingerprint', '-sha256']).replace(/[:\s]/g, '').toLowerCase()).toContain(ca.certificate.sha256);
  });

  it('loadOrCreate creates once, then loads', async () => {
    const folder = path.join(dir, 'fresh');
    const first = await CertificateAuthority.loadOrCreate(folder, { key: { type: 'ec', curve: 'P-256' } });
    const second = await CertificateAuthority.loadOrCreate(folder);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.ca.certificate.sha256).toBe(first.ca.certificate.sha256);
  });

  it('load of missing folder names the file', async () => {
    const error = await CertificateAuthority.load(path.join(dir, 'nowhere')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PkiError);
    expect((error as PkiError).code).toBe('ca-unavailable');
    expect((error as PkiError).message).toContain(path.join(dir, 'nowhere', CA_CERTIFICATE_FILE));
  });

  it('load with a foreign key is rejected', async () => {
    const folder = path.join(dir, 'mixed');
    await ca.save(folder);
    const stranger = await generateKeys({ type: 'rsa', bits: 2048 });
    writeFileSync(path.join(folder, CA_KEY_FILE), stranger.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await expect(CertificateAuthority.load(folder)).rejects.toThrow(/does not belong to the CA certificate/);
  });

  it('load of a garbage key names the key file', async () => {
    const folder = path.join(dir, 'garbage');
    await ca.save(folder);
    writeFileSync(path.join(folder, CA_KEY_FILE), 'not a key');
    await expect(CertificateAuthority.load(folder)).rejects.toThrow(path.join(folder, CA_KEY_FILE));
  });
});

describe('subject text', () => {
  it('parses slash-separated attributes', () => {
    expect(parseNameText('/C=FR/O=Example\\/Sub/CN=Device 1')).toEqual([
      ['C', 'FR'],
      ['O', 'Example/Sub'],
      ['CN', 'Device 1'],
    ]);
  });

  it('rejects text without a leading slash', () => {
    expect(() => parseNameText('CN=Device')).toThrow(PkiError);
  });

  it('rejects unknown attribute names', () => {
    expect(() => parseNameText('/XX=1')).toThrow(/"XX" is not known/);
  });

  it('accepts dotted OIDs', () => {
    expect(parseNameText('/2.5.4.3=Device')).toEqual([['2.5.4.3', 'Device']]);
  });
});
