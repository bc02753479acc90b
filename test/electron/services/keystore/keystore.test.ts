import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keystore } from '../../../../electron/services/keystore/index.ts';
import { IdentityError } from '../../../../electron/services/identity/index.ts';
import { needTools } from '../../../support/environment.ts';
import { makePki, type Pki } from '../../../support/openssl-pki.ts';
import { fakeCipher, memoryStorage } from '../../../support/fake-secret-box.ts';

const tools = needTools('openssl');

describe.skipIf(tools.skip)('Keystore' + tools.reason, () => {
  let pki: Pki;
  let p12: Uint8Array;
  let keyPkcs8: Buffer;

  beforeAll(() => {
    pki = makePki();
    const file = path.join(pki.dir, 'id.p12');
    pki.openssl(['pkcs12', '-export', '-inkey', pki.leafRsa.keyPath, '-in', pki.leafRsa.certPath, '-certfile', pki.intermediate.certPath, '-passout', 'pass:s3cret', '-out', file]);
    p12 = new Uint8Array(readFileSync(file));
    keyPkcs8 = pki.leafRsa.privateKey.export({ format: 'der', type: 'pkcs8' });
  });
  afterAll(() => pki?.cleanup());

  it('leaves nothing behind after a wrong passphrase', async () => {
    const store = new Keystore({ cipher: fakeCipher(), storage: memoryStorage() });
    await expect(store.importIdentity({ p12, passphrase: 'nope', file: 'id.p12' })).rejects.toBeInstanceOf(IdentityError);
    expect(store.listIdentities()).toEqual([]);
  });

  it('summarises an identity without key material', async () => {
    const store = new Keystore();
    const summary = await store.importIdentity({ p12, passphrase: 's3cret', file: 'id.p12' });
    const text = JSON.stringify(summary);
    expect(summary.certificate.subject).toBe('CN=Résumé Signer,UID=42+OU=Devices,O=Exämple\\, Inc.,ST=Île-de-France,C=FR');
    expect(summary.chain.map((c) => c.subject)).toEqual(['CN=Test Intermediate CA,O=Mobileconfig Test,C=FR']);
    expect(summary.expiry.state).toBe('valid');
    expect(text).not.toContain(keyPkcs8.toString('base64').slice(0, 40));
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain('s3cret');
  });

  it('imports the same certificate once', async () => {
    const store = new Keystore();
    const first = await store.importIdentity({ p12, passphrase: 's3cret', file: 'id.p12' });
    const second = await store.importIdentity({ p12, passphrase: 's3cret', file: 'copy.p12' });
    expect(second.id).toBe(first.id);
    expect(store.listIdentities()).toHaveLength(1);
  });

  it('persists only encrypted and reopens', async () => {
    const cipher = fakeCipher();
    const storage = memoryStorage();
    const store = new Keystore({ cipher, storage });
    const summary = await store.importIdentity({ p12, passphrase: 's3cret', file: 'id.p12' });
    await store.importRecipients([{ file: 'device.pem', bytes: readFileSync(pki.device.certPath) }]);

    const stored = Buffer.from(storage.bytes!);
    expect(stored.includes(keyPkcs8.subarray(0, 64))).toBe(false);
    expect(stored.toString('latin1')).not.toContain(keyPkcs8.toString('base64').slice(0, 40));

    const reopened = new Keystore({ cipher, storage });
    await reopened.open();
    expect(reopened.listIdentities().map((i) => i.id)).toEqual([summary.id]);
    expect(reopened.identity(summary.id).privateKey.export({ format: 'der', type: 'pkcs8' }).equals(keyPkcs8)).toBe(true);
    expect(reopened.listRecipients()).toHaveLength(1);
  });

  it('keeps identities for the session without protected storage', async () => {
    const storage = memoryStorage();
    const store = new Keystore({ cipher: fakeCipher(false), storage });
    await store.importIdentity({ p12, passphrase: 's3cret', file: 'id.p12' });
    expect(store.persistence()).toMatchObject({ mode: 'session' });
    expect(storage.bytes).toBeNull();
  });

  it('reports a store another machine encrypted', async () => {
    const storage = memoryStorage();
    await new Keystore({ cipher: fakeCipher(), storage }).importIdentity({ p12, passphrase: 's3cret', file: 'id.p12' });
    const other = new Keystore({ cipher: fakeCipher(), storage });
    await expect(other.open()).rejects.toThrow(/cannot be decrypted/);
    expect(storage.bytes).not.toBeNull();
  });

  it('imports recipients, skipping a bad file', async () => {
    const store = new Keystore();
    const result = await store.importRecipients([
      { file: 'device.pem', bytes: readFileSync(pki.device.certPath) },
      { file: 'ec.pem', bytes: readFileSync(pki.leafEc.certPath) },
      { file: 'junk.pem', bytes: Buffer.from('not a certificate') },
    ]);
    expect(result.added.map((r) => r.certificate.subject)).toEqual(['CN=Device Identity 0001', 'CN=EC Signer,O=Mobileconfig Test,C=FR']);
    expect(result.added[0].unusable).toBeUndefined();
    expect(result.added[1].unusable).toMatch(/EC P-256 key cannot receive encrypted profiles/);
    expect(result.failures.map((f) => f.file)).toEqual(['junk.pem']);
  });

  it('marks an expired identity', async () => {
    const store = new Keystore();
    const summary = await store.importIdentity({ certPem: readFileSync(pki.expired.certPath), keyPem: readFileSync(pki.expired.keyPath), file: 'expired.pem' });
    expect(summary.expiry.state).toBe('expired');
    expect(summary.expiry.daysLeft).toBeLessThan(0);
  });
});
