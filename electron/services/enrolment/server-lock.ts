// One server per state folder: `server.pid` names the process that runs it. The registry is
// kept in that process's memory, so a second server, or a revocation written to the file
// while the server runs, would be overwritten by the server's next write.

import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';

import { writeFileAtomic } from '../files/atomic-write.ts';
import { EnrolmentServiceError } from './errors.ts';

export const SERVER_LOCK_FILE = 'server.pid';

/** Returns the id of the live process whose server uses `folder`, or null when none does (a stale file from a crash counts as none). */
export async function serverLockHolder(folder: string): Promise<number | null> {
  let text: string;
  try {
    text = await readFile(path.join(folder, SERVER_LOCK_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    // Signal 0 only checks that the process exists.
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/** Marks `folder` as used by this process; raises EnrolmentServiceError when a live server already uses it. */
export async function acquireServerLock(folder: string): Promise<void> {
  const holder = await serverLockHolder(folder);
  if (holder !== null) {
    const who = holder === process.pid ? 'this process' : `process ${holder}`;
    throw new EnrolmentServiceError('state-unavailable', `an enrolment server in ${who} already uses ${folder}; stop it first, or give another --dir`, { file: path.join(folder, SERVER_LOCK_FILE) });
  }
  await writeFileAtomic(path.join(folder, SERVER_LOCK_FILE), Buffer.from(`${process.pid}\n`));
}

export async function releaseServerLock(folder: string): Promise<void> {
  await rm(path.join(folder, SERVER_LOCK_FILE), { force: true });
}

/** Raises EnrolmentServiceError when a live server uses `folder`, for changes to the registry file that server would overwrite. */
export async function rejectWhileServed(folder: string): Promise<void> {
  const holder = await serverLockHolder(folder);
  if (holder !== null) {
    throw new EnrolmentServiceError('state-unavailable', `an enrolment server in process ${holder} uses ${folder} and keeps the registry in memory; stop it before changing the registry file`, { file: path.join(folder, SERVER_LOCK_FILE) });
  }
}
