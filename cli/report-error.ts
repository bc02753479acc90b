// One-line failure messages for files: `FILE: what failed`.

/** Returns `file: reason`, without repeating the file when the error's message already names it. */
export function describeFailure(file: string, error: unknown): string {
  const reason = reasonOf(error);
  if (reason.startsWith(`${file}:`) || reason.startsWith(`${file} `)) return reason;
  return `${file}: ${reason}`;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'file not found';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EISDIR') return 'is a folder, not a file';
    return error.message;
  }
  return String(error);
}
