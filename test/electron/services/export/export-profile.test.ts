import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProfile, preflightExport, type ExportProgress } from '../../../../electron/services/export/index.ts';
import { Keystore } from '../../../../electron/services/keystore/index.ts';
import { needTools } from '../../../support/environment.ts';
import { makePki, type Pki } from '../../../support/openssl-pki.ts';
import { plistlibCanonical } from '../../../support/plist-oracle.ts';
import { WIFI_PROFILE_XML } from '../../../support/profile-fixtures.ts';

const tools = needTools('openssl', 'python3');

const profile = new Uint8Array(Buffer.from(WIFI_PROFILE_XML));
const withPassword = new Uint8Array(Buffer.from(WIFI_PROFILE_XML.replace('<key>SSID_STR</key>', '<key>Password</key>\n\t\t\t<string>hunter2</string>\n\t\t\t<key>SSID_STR</key>')));

function payloadsOf(file: string): unknown {
  return plistlibCanonical(execFileSync('python3', ['-c', 'import plistlib,sys; sys.stdout.buffer.write(plistlib.dumps(plistlib.load(open(sys.argv[1],"rb"))["PayloadContent"]))', file]));
}

describe.skipIf(tools.skip)('exportProfile' + tools.reason, () => {
  let pki: Pki;
  let store: Keystore;
  let signerId: string;
  let expiredId: string;
  let deviceIds: string[];
  const devices: { cert: string; key: string }[] = [];

  beforeAll(async () => {
    pki = makePki();
    store = new Keystore();
    signerId = (await store.importIdentity({ certPem: readFileSync(pki.leafRsa.certPath), keyPem: readFileSync(pki.leafRsa.keyPath), chain: [readFileSync(pki.intermediate.certPath)], file: 'signer.pem' })).id;
    expiredId = (await store.importIdentity({ certPem: readFileSync(pki.expired.certPath), keyPem: readFileSync(pki.expired.keyPath), chain: [readFileSync(pki.intermediate.certPath)], file: 'expired.pem' })).id;
    for (const n of [1, 2]) {
      const cert = path.join(pki.dir, `ipad${n}.pem`);
      const key = path.join(pki.dir, `ipad${n}.key`);
      pki.openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-subj', `/CN=iPad ${n}`, '-days', '30']);
      devices.push({ cert, key });
    }
    const imported = await store.importRecipients(devices.map((d) => ({ file: d.cert, bytes: readFileSync(d.cert) })));
    deviceIds = imported.added.map((r) => r.id);
  });
  afterAll(() => pki?.cleanup());

  it('writes a signed profile openssl verifies', async () => {
    const outPath = path.join(pki.dir, 'signed.mobileconfig');
    const result = await exportProfile({ profile, profileName: 'wifi', mode: 'signed', identityId: signerId, outPath }, store);
    expect(result.files[0]).toMatchObject({ path: outPath, signed: true, signatureValid: true, chainComplete: true, encrypted: false });
    const content = pki.openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-in', outPath, '-CAfile', pki.root.certPath, '-purpose', 'any']);
    expect(content.equals(Buffer.from(WIFI_PROFILE_XML))).toBe(true);
  });

  it('writes an encrypted profile openssl decrypts', async () => {
    const outPath = path.join(pki.dir, 'encrypted.mobileconfig');
    const result = await exportProfile({ profile, profileName: 'wifi', mode: 'encrypted', recipientIds: [deviceIds[0]], outPath }, store);
    expect(result.files[0]).toMatchObject({ signed: false, encrypted: true });
    expect(result.files[0].recipients).toHaveLength(1);
    const envelope = execFileSync('python3', ['-c', 'import plistlib,sys; sys.stdout.buffer.write(plistlib.load(open(sys.argv[1],"rb"))["EncryptedPayloadContent"])', outPath]);
    writeFileSync(path.join(pki.dir, 'envelope.der'), envelope);
    const plain = pki.openssl(['cms', '-decrypt', '-inform', 'DER', '-in', 'envelope.der', '-recip', devices[0].cert, '-inkey', devices[0].key]);
    const original = path.join(pki.dir, 'original.mobileconfig');
    writeFileSync(original, profile);
    expect(plistlibCanonical(plain)).toEqual(payloadsOf(original));
  });

  it('writes one signed file per device with progress', async () => {
    const outDir = path.join(pki.dir, 'per-device');
    mkdirSync(outDir);
    const progress: ExportProgress[] = [];
    const result = await exportProfile({ profile, profileName: 'wifi', mode: 'per-recipient', recipientIds: deviceIds, identityId: signerId, outDir }, store, { onProgress: (p) => progress.push(p) });
    expect(result.failures).toEqual([]);
    expect(result.files.map((f) => f.recipient)).toEqual(['CN=iPad 1', 'CN=iPad 2']);
    expect(result.files.every((f) => f.signed && f.signatureValid && f.encrypted)).toBe(true);
    expect(readdirSync(outDir)).toHaveLength(2);
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2]);
  });

  it('warns about secrets in an unencrypted export', () => {
    const warnings = preflightExport({ profile: withPassword, profileName: 'wifi', mode: 'signed', identityId: signerId }, store);
    expect(warnings.map((w) => w.code)).toContain('sensitive-unencrypted');
    expect(warnings.find((w) => w.code === 'sensitive-unencrypted')?.message).toContain('PayloadContent[0].Password');
  });

  it('does not warn about secrets when encrypting', () => {
    const warnings = preflightExport({ profile: withPassword, profileName: 'wifi', mode: 'encrypted', recipientIds: deviceIds }, store);
    expect(warnings.map((w) => w.code)).not.toContain('sensitive-unencrypted');
  });

  it('warns about an expired signer as an error', () => {
    const warnings = preflightExport({ profile, profileName: 'wifi', mode: 'signed', identityId: expiredId }, store);
    expect(warnings.find((w) => w.code === 'signer-expired')?.severity).toBe('error');
  });

  it('warns about validation errors', () => {
    const broken = new Uint8Array(Buffer.from(WIFI_PROFILE_XML.replace('<string>Configuration</string>', '<string>NotConfiguration</string>')));
    const warnings = preflightExport({ profile: broken, profileName: 'wifi', mode: 'unsigned' }, store);
    expect(warnings[0]).toMatchObject({ code: 'validation-errors', severity: 'error' });
    expect(warnings[0].message).toContain('PayloadType');
  });
});
