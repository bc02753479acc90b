// The keystore's storage: one file in the app's data folder, replaced atomically on every
// change, readable by the current user only. Its content is already encrypted by the cipher.

import { readFile, rename, rm } from 'node:fs/promises';

import type { KeystoreStorage } from '../services/keystore/index.ts';
import { writeFileAtomic } from '../services/files/atomic-write.ts';

export interface KeystoreFile extends KeystoreStorage {
  /** Renames the file to `NAME.unreadable-TIME` so that the next save does not replace it; returns the new path. */
  setAside(now: Date): Promise<string>;
}

export function keystoreFile(file: string): KeystoreFile {
  return {
    async load() {
      try {
        return new Uint8Array(await readFile(file));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async save(bytes) {
      await writeFileAtomic(file, bytes, { mode: 0o600 });
    },
    async clear() {
      await rm(file, { force: true });
    },
    async setAside(now) {
      const renamedTo = `${file}.unreadable-${now.toISOString().replace(/[:.]/g, '-')}`;
      await rename(file, renamedTo);
      return renamedTo;
    },
  };
}
