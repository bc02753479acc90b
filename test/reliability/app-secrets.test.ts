// No secret leaks from the app's identity handling: identities imported through the IPC
// dispatcher with a known passphrase, kept by the keystore through the safeStorage adapter in a
// real file, then used to decrypt and to export. The replies, the log, the keystore file and the
// exported files are searched for the passphrase, the private keys and the Wi-Fi password.

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDispatcher, type IpcHandlers } from '../../electron/ipc/dispatch.ts';
import type { SenderInfo } from '../../electron/ipc/sender.ts';
import { createScreens } from '../../electron/ipc/screens/index.ts';
import type { ScreenDialogs } from '../../electron/ipc/screens/dialogs.ts';
import { keystoreFile } from '../../electron/keystore/keystore-file.ts';
import { safeStorageCipher, type SafeStorageApi } from '../../electron/keystore/safe-storage-cipher.ts';
import { memoryLogger } from '../../electron/log.ts';
import { encryptProfile } from '../../electron/services/cms/index.ts';
import { Keystore } from '../../electron/services/keystore/index.ts';
import { IPC_METHODS } from '../../shared/ipc/contract.ts';
import { needTools } from '../support/environment.ts';
import { makePki, type Pki } from '../support/openssl-pki.ts';
import { findSecrets, keySecret, textSecret, type Secret } from './support/secret-search.ts';
import { wifiProfileXml } from './support/wifi-profile.ts';

const PASSPHRASE = 'App-Pass-4471-quokka';
const WRONG_PASSPHRASE = 'App-Wrong-0093-lemur';
const WIFI_PASSWORD = 'App-WiFi-6128-narwhal';
const ORIGIN = 'app://mobileconfig-studio';
const SENDER: SenderInfo = { webContentsId: 3, isMainFrame: true, frameUrl: `${ORIGIN}/index.html` };

const PROFILE = wifiProfileXml(WIFI_PASSWORD, 'com.example.app');

/** A stand-in for Electron's safeStorage: AES-256-GCM under a key that lives only in this test, as the OS keychain's would. */
function fakeSafeStorage(): SafeStorageApi {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => true,
    encryptString(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const openssl = needTools('openssl');

describe.skipIf(openssl.skip)('app secrets' + openssl.reason, () => {
  let pki: Pki;
  let work: string;
  let secrets: Secret[];
  const chosen: string[] = [];
  const captures: { where: string; content: string | Uint8Array }[] = [];
  const logger = memoryLogger();
  const file = (name: string): string => path.join(work, name);

  const dialogs: ScreenDialogs = {
    chooseFiles: async () => [chosen.shift() ?? ''],
    chooseFolder: async () => null,
    chooseSavePath: async () => chosen.shift() ?? null,
    sendEvent: () => undefined,
  };

  let keystore: Keystore;
  let cipher: ReturnType<typeof safeStorageCipher>;
  let call: (method: string, request: unknown) => Promise<unknown>;

  beforeAll(async () => {
    pki = makePki();
    work = mkdtempSync(path.join(tmpdir(), 'mobileconfig-app-secrets-'));
    pki.openssl(['pkcs12', '-export', '-inkey', 'leaf-rsa.key', '-in', 'leaf-rsa.pem', '-certfile', 'intermediate.pem', '-passout', `pass:${PASSPHRASE}`, '-out', file('signer.p12')]);
    pki.openssl(['pkcs8', '-topk8', '-in', 'device.key', '-passout', `pass:${PASSPHRASE}`, '-out', file('device-encrypted.key')]);
    writeFileSync(file('device.pem'), readFileSync(pki.device.certPath));
    writeFileSync(file('encrypted.mobileconfig'), encryptProfile(new TextEncoder().encode(PROFILE), [pki.device.der]));

    cipher = safeStorageCipher(fakeSafeStorage(), 'darwin');
    keystore = new Keystore({ cipher, storage: keystoreFile(file('keystore.bin')), log: (line) => logger.log('info', line) });
    await keystore.open();
    const screens = createScreens({ keystore, dialogs, logger });
    const rejectOthers = async (): Promise<never> => {
      throw new Error('not part of this test');
    };
    const handlers = { ...Object.fromEntries(IPC_METHODS.map((method) => [method, rejectOthers])), ...screens.handlers } as unknown as IpcHandlers;
    const dispatch = createDispatcher(handlers, { allowedOrigins: [ORIGIN], isOurWindow: (id) => id === SENDER.webContentsId }, logger);

    // Every reply is recorded; the request is not, since it carries the passphrase by design.
    call = async (method, request) => {
      const result = await dispatch(method, request, SENDER);
      captures.push({ where: `reply to ${method}`, content: JSON.stringify(result) });
      return result;
    };

    secrets = [
      textSecret('passphrase', PASSPHRASE),
      textSecret('wrong passphrase', WRONG_PASSPHRASE),
      keySecret('signer key', pki.leafRsa.privateKey),
      keySecret('device key', pki.device.privateKey),
    ];
  });
  afterAll(() => {
    pki?.cleanup();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const value = (result: unknown): Record<string, unknown> => {
    expect(result).toMatchObject({ ok: true });
    return (result as { value: Record<string, unknown> }).value;
  };

  it('imports identities through IPC', async () => {
    chosen.push(file('signer.p12'));
    const p12 = value(await call('identity.choosePkcs12', {}));
    expect(await call('identity.importPkcs12', { fileId: p12.fileId, passphrase: WRONG_PASSPHRASE })).toMatchObject({ ok: false });
    const signer = value(await call('identity.importPkcs12', { fileId: p12.fileId, passphrase: PASSPHRASE }));
    expect(signer.id).toEqual(expect.any(String));

    chosen.push(file('device.pem'), file('device-encrypted.key'));
    const pem = value(await call('identity.choosePem', {})) as { certificate: { fileId: string }; key: { fileId: string } };
    expect(await call('identity.importPem', { certificateFileId: pem.certificate.fileId, keyFileId: pem.key.fileId, passphrase: WRONG_PASSPHRASE })).toMatchObject({ ok: false });
    value(await call('identity.importPem', { certificateFileId: pem.certificate.fileId, keyFileId: pem.key.fileId, passphrase: PASSPHRASE }));
    expect(value(await call('keystore.state', {})).identities).toHaveLength(2);
  });

  it('decrypts and exports with them', async () => {
    const identities = keystore.listIdentities();
    const device = identities.find((identity) => identity.certificate.subject.includes('Device Identity'));
    const signer = identities.find((identity) => identity !== device);

    const batch = value(await call('inspect.dropped', { paths: [file('encrypted.mobileconfig')] })) as { files: { inspectionId: string }[] };
    const decrypted = await call('inspect.decrypt', { inspectionId: batch.files[0].inspectionId, identityId: device?.id });
    // The decrypted profile is shown to the user, so its reply carries the Wi-Fi password by design.
    expect(JSON.stringify(decrypted)).toContain(WIFI_PASSWORD);

    chosen.push(file('exported.mobileconfig'));
    value(await call('export.run', { text: PROFILE, profileName: 'App', mode: 'signed', identityId: signer?.id, acceptErrors: true }));
    captures.push({ where: 'exported signed profile (payloads by design)', content: readFileSync(file('exported.mobileconfig')) });

    // Encrypted and signed: here the Wi-Fi password must not show.
    chosen.push(file('device.pem'));
    const recipients = value(await call('recipient.import', {})) as { added: { id: string }[] };
    chosen.push(file('exported-encrypted.mobileconfig'));
    value(await call('export.run', { text: PROFILE, profileName: 'App', mode: 'encrypted', identityId: signer?.id, recipientIds: [recipients.added[0].id], acceptErrors: true }));
    captures.push({ where: 'exported encrypted profile', content: readFileSync(file('exported-encrypted.mobileconfig')) });
  });

  it('keeps the keystore file encrypted', async () => {
    const stored = readFileSync(file('keystore.bin'));
    captures.push({ where: 'keystore file', content: stored });
    expect(findSecrets(stored, [...secrets, textSecret('Wi-Fi password', WIFI_PASSWORD)])).toEqual([]);
    expect(stored.includes(Buffer.from('"identities"'))).toBe(false);
    expect(stored.includes(Buffer.from('PRIVATE KEY'))).toBe(false);
    expect(readFileSync(file('keystore.bin')).length).toBeGreaterThan(1000);

    // A new keystore with the same cipher reads the identities back.
    const reopened = new Keystore({ cipher, storage: keystoreFile(file('keystore.bin')) });
    await reopened.open();
    expect(reopened.listIdentities().map((identity) => identity.id).sort()).toEqual(keystore.listIdentities().map((identity) => identity.id).sort());
  });

  it('stores nothing without protected storage', async () => {
    // Linux without a keyring: safeStorage falls back to a built-in key, which counts as none.
    const basicText = { ...fakeSafeStorage(), getSelectedStorageBackend: () => 'basic_text' };
    const sessionOnly = new Keystore({ cipher: safeStorageCipher(basicText, 'linux'), storage: keystoreFile(file('session-keystore.bin')) });
    expect(sessionOnly.persistence().mode).toBe('session');
    await sessionOnly.importIdentity({ p12: readFileSync(file('signer.p12')), passphrase: PASSPHRASE, file: file('signer.p12') });
    expect(existsSync(file('session-keystore.bin'))).toBe(false);
  });

  it('leaks nothing into replies or the log', () => {
    captures.push({ where: 'app log', content: JSON.stringify(logger.lines) });
    // The decrypted inspection and the signed export show the payloads to the user by design.
    const showsPayloads = (where: string): boolean => where.includes('inspect.decrypt') || where.includes('by design');
    const wifi = textSecret('Wi-Fi password', WIFI_PASSWORD);
    const leaks = captures.flatMap(({ where, content }) => findSecrets(content, showsPayloads(where) ? secrets : [...secrets, wifi]).map((name) => `${name} in ${where}`));
    expect(leaks).toEqual([]);
    expect(captures.length).toBeGreaterThan(8);
  });
});
