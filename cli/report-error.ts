// One-line failure messages for files: `FILE: what failed`.

/** Returns `file: reason`, without repeating the file when the error's message already names it. */
export function describeFailure(file: string, error: unknown): string {
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
