// Reading a whole file with a size limit that holds for pipes and devices too.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

import { concatBytes } from '../../../shared/asn1/bytes.ts';

/** Error that readFileAtMost raises for a file with more than `maxBytes` bytes. */
export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
  readonly file: string;
  /** File size in bytes, or for a pipe or device the number of bytes read before reading stopped. */
  readonly size: number;
  /** Flag that is false for a pipe or device, whose size is known only to exceed `maxBytes`. */
  readonly sizeKnown: boolean;
  readonly maxBytes: number;

  constructor(file: string, size: number, sizeKnown: boolean, maxBytes: number) {
    const sizeText = sizeKnown ? `${size} bytes` : `longer than ${maxBytes} bytes`;
    super(`${file} is ${sizeText}, over the ${maxBytes}-byte limit`);
    this.file = file;
    this.size = size;
    this.sizeKnown = sizeKnown;
    this.maxBytes = maxBytes;
  }
}

/**
 * Reads `file` whole, raising FileTooLargeError when it has more than `maxBytes` bytes. A regular
 * file is rejected by its size before any of it is read. A pipe or device (such as /dev/zero)
 * reports size 0, so it is read in chunks and reading stops as soon as it passes the limit.
 *
 * The reads are synchronous because the CLI reads one file at a time. With the promise API, the
 * five thread-pool round trips per file made `inspect` of 1,000 small stubs spend about a third
 * of its time opening and reading files.
 */
export function readFileAtMost(file: string, maxBytes: number): Uint8Array {
  // NOTE: On a named pipe that no process writes to, openSync blocks the main thread, so the
  // CLI's SIGINT listener never runs and Ctrl-C cannot stop it. An asynchronous open does not
  // help, because process.exit then waits for the blocked thread-pool thread (Node 20.20).
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > maxBytes) throw new FileTooLargeError(file, size, true, maxBytes);

    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(Math.max(size + 1 - total, 64 * 1024));
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw new FileTooLargeError(file, total, false, maxBytes);
    }
    return chunks.length === 1 ? chunks[0] : concatBytes(...chunks);
  } finally {
    closeSync(fd);
  }
}
