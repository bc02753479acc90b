// The outside world a command may use (output, files, environment), passed in so that tests run commands in-process.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

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
  // A getter, because reading process.stdin creates its stream, which only a passphrase prompt needs.
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

/**
 * Reads `file` whole after checking its size. A file whose size the file system does not report
 * (a pipe, a device) is read in chunks and given up as soon as it passes the limit.
 *
 * The reads are synchronous because the CLI reads one file at a time. With the promise API, the
 * five thread-pool round trips per file made `inspect` of 1,000 small stubs spend about a third
 * of its time opening and reading files.
 */
export async function readInputFile(file: string): Promise<Uint8Array> {
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_INPUT_FILE_BYTES) throw new InputTooLargeError(file, size, true);

    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(Math.max(size + 1 - total, 64 * 1024));
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > MAX_INPUT_FILE_BYTES) throw new InputTooLargeError(file, total, false);
    }
    if (chunks.length === 1) return chunks[0];
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return bytes;
  } finally {
    closeSync(fd);
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
