// The keystore's SecretCipher over Electron's safeStorage (macOS Keychain, Windows DPAPI,
// libsecret or KWallet on Linux).
//
// safeStorage encrypts strings, so the bytes travel as base64 text. On Linux without a secret
// service, Electron falls back to the `basic_text` backend, which encrypts with a fixed key
// built into Chromium. That backend reports itself available but protects nothing, so it
// counts as unavailable here, and the keystore keeps identities for the session only.

import type { SecretCipher } from '../services/keystore/index.ts';
import { decodeBase64, encodeBase64 } from '../../shared/text/encoding.ts';

/** The part of Electron's `safeStorage` this adapter uses; main.ts passes the real module. */
export interface SafeStorageApi {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Present on Linux only. */
  getSelectedStorageBackend?(): string;
}

/** Linux backends that give no real protection: the fixed-key fallback, and `unknown` (returned before `ready`). */
const UNPROTECTED_BACKENDS = new Set(['basic_text', 'unknown']);

// NOTE: Electron 45 marks the synchronous safeStorage calls deprecated in favour of the async
// ones; SecretCipher is synchronous, so this adapter uses them until the keystore's is async.
export function safeStorageCipher(safeStorage: SafeStorageApi, platform: NodeJS.Platform): SecretCipher {
  return {
    isAvailable() {
      if (!safeStorage.isEncryptionAvailable()) return false;
      if (platform !== 'linux') return true;
      const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
      return !UNPROTECTED_BACKENDS.has(backend);
    },
    encrypt(plaintext) {
      return new Uint8Array(safeStorage.encryptString(encodeBase64(plaintext)));
    },
    decrypt(ciphertext) {
      const bytes = decodeBase64(safeStorage.decryptString(Buffer.from(ciphertext)));
      if (!bytes) throw new Error('the decrypted keystore is not base64 text; it was not written by this app');
      return bytes;
    },
  };
}
