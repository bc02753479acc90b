// One-line failure messages for files (`FILE: what failed`) and the exit code that goes with them.

import { FileWriteError } from '../electron/services/files/atomic-write.ts';
import { IdentityError } from '../electron/services/identity/errors.ts';
import { EXIT_FILE_FAILED, EXIT_USAGE, UsageError } from './io.ts';

/** Returns `file: reason`, without repeating the file when the error's message already names it. */
export function describeFailure(file: string, error: unknown): string {
  // A failed write names the output file itself; prefixing the input would blame the wrong file.
  if (error instanceof FileWriteError) return error.message;
  const reason = reasonOf(error);
  if (reason.startsWith(`${file}:`) || reason.startsWith(`${file} `)) return reason;
  return `${file}: ${reason}`;
}

function reasonOf(error: unknown): string {
  // Only Node's own system errors (which name a syscall) get these short forms; the project's
  // error classes carry a code too but already say what failed.
  if (error instanceof Error && 'syscall' in error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'file not found';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EISDIR') return 'is a folder, not a file';
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Returns 2 for mistakes in the command line (including conflicting identity options), 1 for anything else. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT_USAGE;
  if (error instanceof IdentityError && error.code === 'invalid-arguments') return EXIT_USAGE;
  return EXIT_FILE_FAILED;
}
