// The outside world a command may use (output, files, environment), passed in so that tests run commands in-process.

import { FileTooLargeError, readFileAtMost } from '../electron/services/files/bounded-read.ts';

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
  readFile: (file) => readInputFile(file),
  env: process.env,
  // A getter, because the first access to process.stdin creates its stream, and only a passphrase
  // prompt needs that stream.
  get stdinIsTty() {
    return Boolean(process.stdin.isTTY);
  },
};

/**
 * Largest input file the CLI reads, in bytes (90 MiB). The largest plist accepted is 64 MiB
 * (MAX_PLIST_BYTES); signed and armoured as PEM it grows by a third, to about 86 MiB.
 */
export const MAX_INPUT_FILE_BYTES = 90 * 1024 * 1024;

/** Raised for an input file over MAX_INPUT_FILE_BYTES; a regular file is refused before any of it is read. */
export class InputTooLargeError extends Error {
  override readonly name = 'InputTooLargeError';
  readonly file: string;
  readonly size: number;

  /** `size` is the file's size, or for a pipe or device the bytes read before reading stopped. */
  constructor(file: string, size: number, sizeKnown: boolean) {
    const sizeText = sizeKnown ? `is ${size} bytes` : `is longer than ${MAX_INPUT_FILE_BYTES} bytes`;
    super(`${file}: the file ${sizeText}, over the ${MAX_INPUT_FILE_BYTES}-byte (90 MiB) limit for input files, so it is not read.`);
    this.file = file;
    this.size = size;
  }
}

/** Reads `file` whole and raises InputTooLargeError when it, a pipe or device included, exceeds MAX_INPUT_FILE_BYTES. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    return readFileAtMost(file, MAX_INPUT_FILE_BYTES);
  } catch (error) {
    if (error instanceof FileTooLargeError) throw new InputTooLargeError(file, error.size, error.sizeKnown);
    throw error;
  }
}

/** Exit codes: 0 success, 1 a file failed (or did not verify / validate), 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_FILE_FAILED = 1;
export const EXIT_USAGE = 2;

/** A mistake in the command line. The message explains what to type instead. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
