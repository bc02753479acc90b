// Crash-safe file writes: the target is always either the old or the new version.
//
// The bytes go to a temporary file in the same folder (rename is atomic only within one file
// system), are flushed to disk, and the temporary file is renamed over the target. With
// `backup`, the previous version is first copied to `NAME~`, and that copy is removed once
// the new version is in place, so that an interrupted save still leaves a readable copy.

import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { copyFile, lstat, open, readlink, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

import { addPendingTempFile, deletePendingTempFile } from './pending-temp-files.ts';

export { removePendingTempFiles } from './pending-temp-files.ts';

export interface AtomicWriteOptions {
  /** Keep `PATH~` while the write runs and delete it after success. */
  readonly backup?: boolean;
  /** File mode for a new file; an existing file keeps its mode. */
  readonly mode?: number;
}

/** Raised when a save fails; the target file is unchanged. */
export class FileWriteError extends Error {
  override readonly name = 'FileWriteError';
  readonly file: string;
  readonly code: string | undefined;

  constructor(file: string, cause: unknown, existed = true) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const outcome = existed ? 'The file on disk was not changed.' : 'Nothing was written.';
    super(`Could not save ${file}: ${describeWriteFailure(code, cause)}. ${outcome}`, { cause });
    this.file = file;
    this.code = code;
  }
}

function describeWriteFailure(code: string | undefined, cause: unknown): string {
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (check that the folder and file are writable)';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EBUSY':
      return 'the file is locked by another program';
    case 'EISDIR':
      return 'the path is a folder';
    case 'ENOTFILE':
      return 'the path is a device, pipe or socket, not a regular file; choose a file name';
    case 'ELOOP':
      return 'the path is a loop of symbolic links';
    default:
      return cause instanceof Error ? cause.message : String(cause);
  }
}

/**
 * Writes `bytes` to `file` atomically; throws FileWriteError and leaves `file` untouched on
 * failure. A symbolic link is followed, so its target gets the new content and the link stays.
 * Devices, pipes and sockets are refused, because replacing them with a regular file would
 * destroy them (think of `-o /dev/null` run as root).
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  let target: string;
  try {
    target = await resolveTarget(path.resolve(file));
  } catch (error) {
    throw new FileWriteError(path.resolve(file), error, false);
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const backupFile = `${target}~`;
  const backupTemp = `${temp}~`;
  let mode = options.mode ?? 0o644;
  let existed = false;
  let backedUp = false;

  try {
    // Keep the mode of the file being replaced.
    try {
      const info = await stat(target);
      if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
      mode = info.mode & 0o7777;
      existed = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }

    // The backup is copied under the temporary name and renamed too: a save killed mid-copy
    // must not leave a cut `NAME~` that looks like a good earlier version.
    if (options.backup && existed) {
      await copyFile(target, backupTemp, fsConstants.COPYFILE_FICLONE);
      await rename(backupTemp, backupFile);
      backedUp = true;
    }

    // Write and flush the new content before it becomes visible under the target name.
    addPendingTempFile(temp);
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }

    await rename(temp, target);
    deletePendingTempFile(temp);
    await syncFolder(path.dirname(target));
  } catch (error) {
    deletePendingTempFile(temp);
    // Nothing after the rename can fail, so the target still has its old content and the
    // backup of it is not needed (on a full disk it may be what took the space).
    await rm(temp, { force: true });
    await rm(backupTemp, { force: true });
    if (backedUp) await rm(backupFile, { force: true });
    throw new FileWriteError(target, error, existed);
  }

  if (options.backup && existed) await rm(backupFile, { force: true });
}

/** Follows symbolic links at `file` to the path that really gets written, dangling links included. */
async function resolveTarget(file: string): Promise<string> {
  let current = file;
  for (let hops = 0; hops < 32; hops++) {
    let info;
    try {
      info = await lstat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw error;
    }
    if (!info.isSymbolicLink()) return current;
    try {
      return await realpath(current);
    } catch (error) {
      // A dangling link: write where it points, so that the link then resolves.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      current = path.resolve(path.dirname(current), await readlink(current));
    }
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

/** Flushes the folder entry so that the rename survives a power loss; not all platforms allow it. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Some file systems (and network mounts) refuse to open or fsync a folder; the rename is done anyway.
  } finally {
    await handle?.close();
  }
}
