// Temporary files of atomic writes still in progress, so that a signal handler can remove them
// before the process exits.
//
// This is a module of its own, apart from atomic-write.ts, so that a command-line process can
// install its signal handlers without loading node:crypto and node:fs/promises, which only
// writing needs.

import { rmSync } from 'node:fs';

const pendingTempFiles = new Set<string>();

export function addPendingTempFile(file: string): void {
  pendingTempFiles.add(file);
}

export function deletePendingTempFile(file: string): void {
  pendingTempFiles.delete(file);
}

/**
 * Removes the temporary files of writes still in progress. Command-line tools call it from their
 * SIGINT, SIGTERM and SIGHUP handlers, because an interrupted `decrypt` must not leave decrypted
 * payloads behind.
 */
export function removePendingTempFiles(): void {
  for (const temp of pendingTempFiles) rmSync(temp, { force: true });
  pendingTempFiles.clear();
}
