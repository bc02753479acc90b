// Reads a request body with a size limit enforced while reading and a time limit.

import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { readonly kind: 'complete'; readonly body: Uint8Array }
  /** The body passed `maxBytes`; `drained` is false when it passed the hard cap too and reading stopped. */
  | { readonly kind: 'too-large'; readonly received: number; readonly drained: boolean }
  | { readonly kind: 'timed-out' }
  | { readonly kind: 'aborted' };

/** Bytes read and discarded past the limit before the connection is cut, so that an ordinary client still gets to read the 413 reply. */
const DRAIN_FACTOR = 16;

/**
 * Reads the whole body, keeping at most `maxBytes`. A larger body is read to its end and
 * discarded, so that the client gets to read the 413 reply; past DRAIN_FACTOR times the
 * limit reading stops and the caller must close the connection.
 */
export function readBody(request: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const finish = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };

    const timer = setTimeout(() => finish({ kind: 'timed-out' }), timeoutMs);
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= maxBytes) chunks.push(chunk);
      else if (received > maxBytes * DRAIN_FACTOR) {
        // Stop reading; the caller replies 413 and closes the connection.
        request.pause();
        finish({ kind: 'too-large', received, drained: false });
      }
    });
    request.on('end', () => {
      if (received > maxBytes) finish({ kind: 'too-large', received, drained: true });
      else finish({ kind: 'complete', body: new Uint8Array(Buffer.concat(chunks)) });
    });
    request.on('error', () => finish({ kind: 'aborted' }));
    request.on('close', () => finish({ kind: 'aborted' }));
  });
}
