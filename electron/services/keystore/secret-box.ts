// Where the keystore keeps its encrypted file, and what encrypts it.
//
// In the app the cipher is Electron's safeStorage (the OS keychain, DPAPI or libsecret) and the
// storage is a file in the user-data folder; both are injected, so that this service stays a
// plain Node module and tests pass in-memory fakes.

/** Encrypts and decrypts the keystore at rest. */
export interface SecretCipher {
  /** False when the platform offers no protected storage (for example Linux without a keyring). */
  isAvailable(): boolean;
  encrypt(plaintext: Uint8Array): Uint8Array;
  decrypt(ciphertext: Uint8Array): Uint8Array;
}

/** Reads and writes the encrypted keystore file. */
export interface KeystoreStorage {
  /** Returns the stored bytes, or null when nothing was stored yet. */
  load(): Promise<Uint8Array | null>;
  /** Replaces the stored bytes atomically. */
  save(bytes: Uint8Array): Promise<void>;
  /** Deletes the stored bytes. */
  clear(): Promise<void>;
}
