// Builds the app's keystore from its cipher and storage and loads what was saved.

import type { Logger } from '../log.ts';
import { Keystore, type SecretCipher } from '../services/keystore/index.ts';
import type { KeystoreFile } from './keystore-file.ts';

export interface OpenedKeystore {
  readonly keystore: Keystore;
  /** The reason the saved identities could not be loaded, for the certificate manager, or null. */
  readonly loadProblem: string | null;
}

/**
 * Opens the keystore. A saved store that cannot be read leaves an empty keystore and a message,
 * never a failed start. The unreadable file is renamed so that the next import does not
 * overwrite it, because it may become readable again (once the keychain is unlocked, say).
 */
export async function openKeystore(cipher: SecretCipher, storage: KeystoreFile, logger: Logger, now: Date = new Date()): Promise<OpenedKeystore> {
  const keystore = new Keystore({ cipher, storage, log: (line) => logger.log('info', line) });
  const persistence = keystore.persistence();
  logger.log('info', 'keystore persistence', { mode: persistence.mode });
  try {
    await keystore.open();
    return { keystore, loadProblem: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.log('error', `could not load the saved identities: ${message}`);
    const renamedTo = await storage.setAside(now).catch((renameError: unknown) => {
      logger.log('error', `could not rename the unreadable keystore file: ${String(renameError)}`);
      return null;
    });
    return { keystore, loadProblem: renamedTo ? `${message} The unreadable file was kept as ${renamedTo}.` : message };
  }
}
