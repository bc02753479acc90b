import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decrypt } from '../../../../electron/services/cms/decrypt.ts';
import { encrypt } from '../../../../electron/services/cms/encrypt.ts';
import { CmsError, type CmsErrorCode } from '../../../../shared/cms/errors.ts';
import { needCorpus, needTools } from '../../../support/environment.ts';
import { makePki, type Pki, type PkiEntity } from '../../../support/openssl-pki.ts';
import { printCms } from './openssl-cms.ts';

const tools = needTools('openssl');
const PLAINTEXT = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><array><dict><key>SSID_STR</key><string>Café ✓</string></dict></array></plist>\n');

function cmsError(run: () => unknown): CmsError {
  try {
    run();
  } catch (error) {
    if (error instanceof CmsError) return error;
    throw error;
  }
  throw new Error('expected a CmsError');
}

describe.skipIf(tools.skip)('encrypt and decrypt' + tools.reason, () => {
  let pki: Pki;
  beforeAll(() => {
    pki = makePki();
    pki.write('plain.xml', PLAINTEXT);
  });
  afterAll(() => pki?.cleanup());

  const identity = (entity: PkiEntity) => ({ certificate: entity.der, privateKey: entity.privateKey });
  const opensslDecrypt = (der: Uint8Array, recipient: PkiEntity): Buffer => {
    const file = pki.write('envelope.der', der);
    return pki.openssl(['cms', '-decrypt', '-binary', '-inform', 'DER', '-in', file, '-recip', recipient.certPath, '-inkey', recipient.keyPath]);
  };
  const opensslEncrypt = (...args: string[]): Uint8Array => new Uint8Array(pki.openssl(['cms', '-encrypt', '-binary', '-outform', 'DER', '-in', 'plain.xml', ...args]));

  it('openssl decrypts every cipher', () => {
    for (const cipher of ['aes-256-cbc', 'aes-128-cbc', 'des-ede3-cbc'] as const) {
      const der = encrypt(PLAINTEXT, [pki.device.der], { cipher });
      expect(opensslDecrypt(der, pki.device).equals(PLAINTEXT)).toBe(true);
    }
  });

  it('default cipher is AES-256-CBC', () => {
    const printed = printCms(pki, encrypt(PLAINTEXT, [pki.device.der]));
    expect(printed).toContain('algorithm: aes-256-cbc (2.16.840.1.101.3.4.1.42)');
    expect(printed).toContain('algorithm: rsaEncryption (1.2.840.113549.1.1.1)');
    expect(printed).toContain('d.issuerAndSerialNumber:');
  });

  it('decrypts openssl envelopes', () => {
    const cases: [string, string[]][] = [['aes256', ['-aes256']], ['aes128', ['-aes128']], ['des3', ['-des3']], ['default', []], ['keyid', ['-keyid', '-aes256']], ['stream', ['-stream', '-aes128']]];
    for (const [name, flags] of cases) {
      const plaintext = decrypt(opensslEncrypt(...flags, pki.leafRsa.certPath), identity(pki.leafRsa));
      expect({ name, equal: Buffer.from(plaintext).equals(PLAINTEXT) }).toEqual({ name, equal: true });
    }
  });

  it('decrypts openssl PEM envelope', () => {
    const pem = pki.openssl(['cms', '-encrypt', '-binary', '-outform', 'PEM', '-in', 'plain.xml', '-aes256', pki.device.certPath]);
    expect(Buffer.from(decrypt(new Uint8Array(pem), identity(pki.device))).equals(PLAINTEXT)).toBe(true);
  });

  it('decrypts openssl RSA-OAEP envelope', () => {
    const der = opensslEncrypt('-aes256', '-recip', pki.leafRsa.certPath, '-keyopt', 'rsa_padding_mode:oaep');
    expect(printCms(pki, der)).toContain('rsaesOaep');
    expect(Buffer.from(decrypt(der, identity(pki.leafRsa))).equals(PLAINTEXT)).toBe(true);
  });

  it('finds second CA-issued recipient', () => {
    // leafRsa is issued by the intermediate, so its issuer differs from its subject.
    const ours = encrypt(PLAINTEXT, [pki.device.der, pki.leafRsa.der]);
    expect(Buffer.from(decrypt(ours, identity(pki.leafRsa))).equals(PLAINTEXT)).toBe(true);
    expect(opensslDecrypt(ours, pki.leafRsa).equals(PLAINTEXT)).toBe(true);
    expect(opensslDecrypt(ours, pki.device).equals(PLAINTEXT)).toBe(true);
    const theirs = opensslEncrypt('-aes256', pki.device.certPath, pki.leafRsa.certPath);
    expect(Buffer.from(decrypt(theirs, identity(pki.leafRsa))).equals(PLAINTEXT)).toBe(true);
  });

  it('other identity gets no recipient', () => {
    const error = cmsError(() => decrypt(encrypt(PLAINTEXT, [pki.device.der, pki.leafRsa.der]), identity(pki.expiringSoon)));
    expect(error.code).toBe('no-recipient');
    expect(error.message).toMatch(/^No recipient matches this identity \(CN=Expiring Signer/);
    expect(error.message).toContain('1) issuer CN=Device Identity 0001, serial 44');
    expect(error.message).toContain('2) issuer CN=Test Intermediate CA,O=Mobileconfig Test,C=FR, serial 9c00aa55');
  });

  it('rejects EC recipient certificate', () => {
    const error = cmsError(() => encrypt(PLAINTEXT, [pki.device.der, pki.leafEc.der]));
    expect(error.code).toBe('unsupported-key');
    expect(error.message).toContain('recipient certificate 2 (CN=EC Signer,O=Mobileconfig Test,C=FR) has an unsupported key (EC P-256)');
  });

  it('rejects no recipients', () => {
    expect(cmsError(() => encrypt(PLAINTEXT, [])).code).toBe('invalid-argument');
  });

  it('EC identity meets unsupported recipient', () => {
    const error = cmsError(() => decrypt(opensslEncrypt(pki.leafEc.certPath), identity(pki.leafEc)));
    expect(error.code).toBe('unsupported-recipient');
    expect(error.message).toContain('key agreement (KeyAgreeRecipientInfo), not supported');
  });

  it('rejects key of another certificate', () => {
    const error = cmsError(() => decrypt(encrypt(PLAINTEXT, [pki.device.der]), { certificate: pki.device.der, privateKey: pki.leafRsa.privateKey }));
    expect(error.code).toBe('invalid-argument');
  });

  it('damaged content key is bad padding', () => {
    const der = Buffer.from(encrypt(PLAINTEXT, [pki.device.der]));
    // The 256-byte encryptedKey ends just before the EncryptedContentInfo SEQUENCE; flip a byte in its middle.
    const at = der.indexOf(Buffer.from([0x04, 0x82, 0x01, 0x00])) + 4 + 128;
    der[at] ^= 0xff;
    expect(cmsError(() => decrypt(new Uint8Array(der), identity(pki.device))).code).toBe('bad-padding');
  });

  it('truncated envelopes raise CmsError', () => {
    const der = encrypt(PLAINTEXT, [pki.device.der]);
    const codes = new Set<CmsErrorCode>();
    for (let length = 0; length < der.length; length += 5) {
      codes.add(cmsError(() => decrypt(der.subarray(0, length), identity(pki.device))).code);
    }
    expect([...codes].every((code) => code === 'truncated' || code === 'malformed')).toBe(true);
    expect(codes.has('truncated')).toBe(true);
  });

  it('corrupted envelopes never crash', () => {
    const der = encrypt(PLAINTEXT, [pki.device.der]);
    for (let i = 0; i < der.length; i += 2) {
      const copy = new Uint8Array(der);
      copy[i] ^= 0xa5;
      try {
        decrypt(copy, identity(pki.device));
      } catch (error) {
        expect(error).toBeInstanceOf(CmsError);
      }
    }
  });
});

const corpus = needCorpus();
describe.skipIf(corpus.skip)('decrypt corpus envelope' + corpus.reason, () => {
  it('decrypts 3DES BER envelope', async () => {
    const { readPlist } = await import('../../../../shared/plist/index.ts');
    const profile = readPlist(new Uint8Array(readFileSync(path.join(corpus.dir, 'files', 'rtroutonjp400_encrypted_CompanyWiFi.mobileconfig')))).value;
    if (profile.kind !== 'dict') throw new Error('expected a dictionary');
    const envelope = profile.entries.find((entry) => entry.key === 'EncryptedPayloadContent')!.value;
    if (envelope.kind !== 'data') throw new Error('expected data');

    const certificatePem = readFileSync(path.join(corpus.dir, 'companions', 'rtroutonjp400_server.crt'), 'utf8');
    const certificate = new Uint8Array(Buffer.from(certificatePem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
    const privateKey = createPrivateKey(readFileSync(path.join(corpus.dir, 'companions', 'rtroutonjp400_server.key')));
    const plaintext = Buffer.from(decrypt(envelope.value, { certificate, privateKey })).toString('utf8');
    expect(plaintext).toContain('<string>com.apple.wifi.managed</string>');
    expect(plaintext).toMatch(/<key>SSID_STR<\/key>\s*<string>Secure<\/string>/);
  });
});
