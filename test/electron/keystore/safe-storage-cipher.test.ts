// The SecretCipher over a stand-in for Electron's safeStorage: availability by platform and
// Linux backend, and the round trip through safeStorage's string API.

import { describe, expect, it } from 'vitest';

import { safeStorageCipher, type SafeStorageApi } from '../../../electron/keystore/safe-storage-cipher.ts';

/** Returns a safeStorage stand-in that reverses and tags the text and records what it was given. */
function fakeSafeStorage(available: boolean, backend?: string): SafeStorageApi & { plaintexts: string[] } {
  const plaintexts: string[] = [];
  return {
    plaintexts,
    isEncryptionAvailable: () => available,
    encryptString: (text) => {
      plaintexts.push(text);
      return Buffer.from(`enc:${[...text].reverse().join('')}`);
    },
    decryptString: (encrypted) => [...encrypted.toString().replace(/^enc:/, '')].reverse().join(''),
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  };
}

describe('safeStorageCipher', () => {
  it('is available where safeStorage is on macOS and Windows', () => {
    expect(safeStorageCipher(fakeSafeStorage(true), 'darwin').isAvailable()).toBe(true);
    expect(safeStorageCipher(fakeSafeStorage(true), 'win32').isAvailable()).toBe(true);
    expect(safeStorageCipher(fakeSafeStorage(false), 'darwin').isAvailable()).toBe(false);
  });

  it('rejects the unprotected Linux backends', () => {
    expect(safeStorageCipher(fakeSafeStorage(true, 'gnome_libsecret'), 'linux').isAvailable()).toBe(true);
    expect(safeStorageCipher(fakeSafeStorage(true, 'kwallet6'), 'linux').isAvailable()).toBe(true);
    expect(safeStorageCipher(fakeSafeStorage(true, 'basic_text'), 'linux').isAvailable()).toBe(false);
    expect(safeStorageCipher(fakeSafeStorage(true, 'unknown'), 'linux').isAvailable()).toBe(false);
    expect(safeStorageCipher(fakeSafeStorage(true), 'linux').isAvailable()).toBe(false);
  });

  it('round-trips bytes as base64 text', () => {
    const storage = fakeSafeStorage(true);
    const cipher = safeStorageCipher(storage, 'darwin');
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 10, 13]);
    const sealed = cipher.encrypt(bytes);
    expect(storage.plaintexts).toEqual([Buffer.from(bytes).toString('base64')]);
    expect(Buffer.from(sealed).toString().startsWith('enc:')).toBe(true);
    expect(cipher.decrypt(sealed)).toEqual(bytes);
  });

  it('rejects text that is not base64', () => {
    const cipher = safeStorageCipher(fakeSafeStorage(true), 'darwin');
    expect(() => cipher.decrypt(new Uint8Array(Buffer.from('enc:!!!')))).toThrow('the decrypted keystore is not base64 text; it was not written by this app');
  });
});
