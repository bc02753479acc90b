// Files named on the command line: the OS passes a double-clicked .mobileconfig this way on
// Windows and Linux, to the first instance and (through `second-instance`) to later ones.

import path from 'node:path';

/**
 * Returns the absolute paths in `args` that name existing files; switches (`--flag`, and
 * Chromium's `--flag=value`) are skipped. Pass the arguments after the executable and, when
 * not packaged, after the app folder.
 */
export function filesFromArguments(args: readonly string[], workingDirectory: string, isFile: (file: string) => boolean): string[] {
  const files: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('-') || arg === '.') continue;
    const absolute = path.resolve(workingDirectory, arg);
    if (isFile(absolute)) files.push(absolute);
  }
  return files;
}
