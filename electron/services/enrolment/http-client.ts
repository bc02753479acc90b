// The simulator's HTTP client: plain HTTP to loopback addresses only, with a time limit and
// a bound on the reply size.

import http, { type IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';

import type { EnrolmentPhase } from '../../../shared/enrolment/log-entry.ts';
import { SimulatorError } from './simulator-errors.ts';

export interface HttpReply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Uint8Array;
}

export interface HttpRequestOptions {
  readonly method: 'GET' | 'POST';
  readonly body?: Uint8Array;
  readonly contentType?: string;
  /** Default 30 000 ms. */
  readonly timeoutMs?: number;
  /** Largest reply body accepted; default 4 MiB. */
  readonly maxBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Returns the URL when it is plain HTTP to a loopback address (127.0.0.0/8, ::1 or
 * localhost); raises SimulatorError otherwise. The simulator is a test tool for the local
 * workbench server, so it never contacts another host, even when a profile names one.
 */
export function checkLoopbackUrl(text: string, phase: EnrolmentPhase | 'connect'): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SimulatorError(phase, `"${text}" is not a valid URL`);
  }
  if (url.protocol !== 'http:') throw new SimulatorError(phase, `${text} is not a plain http:// URL; the simulator speaks plain HTTP to the local workbench server only`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
  if (!loopback) throw new SimulatorError(phase, `${url.host} is not a loopback address; the simulator contacts only 127.0.0.1, ::1 or localhost`);
  return url;
}

/** Sends one request and returns the whole reply. Raises SimulatorError on connection errors, time-outs and oversized replies. */
export function httpRequest(url: URL, phase: EnrolmentPhase, options: HttpRequestOptions): Promise<HttpReply> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (options.body) {
      headers['content-length'] = options.body.length;
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
    }

    const request = http.request(url, { method: options.method, headers }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          request.destroy(new SimulatorError(phase, `the reply from ${url.pathname} is larger than ${maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: new Uint8Array(Buffer.concat(chunks)) }));
      response.on('error', (error) => reject(wrap(error, phase, url)));
    });

    request.setTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, () => {
      request.destroy(new SimulatorError(phase, `${options.method} ${url.pathname} timed out after ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`));
    });
    request.on('error', (error) => reject(wrap(error, phase, url)));
    request.end(options.body ? Buffer.from(options.body) : undefined);
  });
}

function wrap(error: Error, phase: EnrolmentPhase, url: URL): SimulatorError {
  if (error instanceof SimulatorError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ECONNREFUSED' ? `nothing listens at ${url.host}; start the server with 'mobileconfig enrolment serve'` : `request to ${url.host} failed: ${error.message}`;
  return new SimulatorError(phase, reason, { cause: error });
}
