// Small tmpfs mounts for tests of full and read-only disks. Mounting needs root (CI and the
// development machines run as root); elsewhere the tests that need it are skipped.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TmpfsMount {
  readonly dir: string;
  /** Remounts the file system read-only, or back to read-write. */
  setReadOnly(readOnly: boolean): void;
  unmount(): void;
}

/** Mounts a tmpfs of `sizeBytes` on a new temporary folder; returns null when mounting is not allowed. */
export function mountTmpfs(sizeBytes: number): TmpfsMount | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    setReadOnly(readOnly) {
      execFileSync('mount', ['-o', `remount,${readOnly ? 'ro' : 'rw'}`, dir], { stdio: 'pipe' });
    },
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
