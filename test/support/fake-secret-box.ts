// In-memory stand-ins for the keystore's storage and Electron's safeStorage.

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeystoreStorage, SecretCipher } from '../../electron/services/keystore/index.ts';

/** AES-256-GCM with a per-instance key, like safeStorage: only this "machine" can decrypt. */
export function fakeCipher(available = true): SecretCipher {
  const key = randomBytes(32);
  return {
    isAvailable: () => available,
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    decrypt(ciphertext) {
      const bytes = Buffer.from(ciphertext);
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]));
    },
  };
}

export function memoryStorage(): KeystoreStorage & { bytes: Uint8Array | null } {
  const storage = {
    bytes: null as Uint8Array | null,
    load: async () => storage.bytes,
    save: async (bytes: Uint8Array) => {
      storage.bytes = bytes;
    },
    clear: async () => {
      storage.bytes = null;
    },
  };
  return storage;
}
