// What a command may touch outside itself, passed in so that tests run commands in-process.

import { readFile } from 'node:fs/promises';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(file: string): Promise<Uint8Array>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when standard input is a terminal, so that a passphrase prompt can be shown. */
  readonly stdinIsTty: boolean;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: async (file) => new Uint8Array(await readFile(file)),
  env: process.env,
  stdinIsTty: Boolean(process.stdin.isTTY),
};

/** Exit codes: 0 success, 1 a file failed (or did not verify / validate), 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_FILE_FAILED = 1;
export const EXIT_USAGE = 2;

/** A mistake in the command line; the message says what to type instead. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
