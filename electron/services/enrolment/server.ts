// The local test enrolment server: plain node:http, bound to 127.0.0.1 unless the caller
// names another address. It serves the enrolment profile, the device requests of phases 1
// and 3, and the SCEP endpoint of phase 2, and logs every request as one line.

import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { performance } from 'node:perf_hooks';
import path from 'node:path';

import type { EnrolmentLogEntry } from '../../../shared/enrolment/log-entry.ts';
import { writePlist } from '../../../shared/plist/index.ts';
import { readBody } from './body-reader.ts';
import { EnrolmentServiceError } from './errors.ts';
import { ENROL_PATH, SCEP_PATH, type PhaseContext } from './phases/context.ts';
import { handleDeviceRequest } from './phases/device-request.ts';
import { rejected, type Outcome } from './phases/outcome.ts';
import { serveEnrolmentProfile } from './phases/profile-download.ts';
import { handleScep } from './phases/scep-endpoint.ts';
import { defaultFinalProfile } from './profiles.ts';
import { RequestLog } from './request-log.ts';
import { acquireServerLock, releaseServerLock } from './server-lock.ts';
import { checkFinalProfile, resolveServerOptions, type EnrolmentServerOptions, type ResolvedServerOptions } from './server-options.ts';
import { openWorkspace, REQUEST_LOG_FILE, type Workspace } from './workspace.ts';

/** SCEP challenges from phase 2 stay usable this long. */
const SCEP_CHALLENGE_LIFETIME_MS = 60 * 60 * 1000;

export interface EnrolmentServer {
  /** `http://127.0.0.1:PORT`, as written into profiles. */
  readonly url: string;
  /** The Profile Service URL devices download the enrolment profile from and post to. */
  readonly enrolUrl: string;
  readonly scepUrl: string;
  readonly host: string;
  readonly port: number;
  readonly settings: ResolvedServerOptions;
  readonly workspace: Workspace;
  readonly log: RequestLog;
  /** Warnings for the administrator, such as a non-loopback address. */
  readonly warnings: readonly string[];
  /** Stops listening, closes open connections, and waits for the registry and log to reach the disk. */
  stop(): Promise<void>;
}

/**
 * Starts the server. Raises EnrolmentServiceError for invalid settings or a port in use,
 * and PkiError for a damaged CA in the state folder.
 */
export async function startEnrolmentServer(options: EnrolmentServerOptions): Promise<EnrolmentServer> {
  const settings = resolveServerOptions(options);
  if (options.finalProfile) checkFinalProfile(options.finalProfile, options.finalProfileName ?? 'the final profile');

  // State folder: CA, signer, registry. A failed registry write is reported now and raised again by stop().
  const onSaveError = (error: unknown): void => options.onError?.(`writing the device registry failed: ${error instanceof Error ? error.message : String(error)}`);
  const workspace = await openWorkspace(options.stateDir, { signer: options.signer, organization: settings.organization, onSaveError });
  await acquireServerLock(options.stateDir);
  const log = new RequestLog(options.logToFile === false ? null : path.join(options.stateDir, REQUEST_LOG_FILE));
  const finalProfile = options.finalProfile ?? writePlist(defaultFinalProfile(workspace.ca.certificate, settings.identifierPrefix, settings.organization), 'xml');

  // Listen first: the base URL written into profiles needs the port actually bound.
  const server = http.createServer();
  // Node's own limits sit behind the body timer, so that the handler's 408 (which is logged) comes first.
  server.headersTimeout = 20_000;
  server.requestTimeout = settings.bodyTimeoutMs + 20_000;
  server.keepAliveTimeout = 5_000;
  let port: number;
  try {
    port = await listen(server, settings.host, settings.port, log);
  } catch (error) {
    await releaseServerLock(options.stateDir);
    throw error;
  }
  const hostInUrl = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  const url = (options.publicUrl ?? `http://${hostInUrl}:${port}`).replace(/\/+$/, '');

  const context: PhaseContext = {
    provisioning: settings.provisioning,
    rules: settings.rules,
    workspace,
    baseUrl: url,
    ...(options.sharedChallenge !== undefined && { sharedChallenge: options.sharedChallenge }),
    attributes: settings.attributes,
    finalProfile,
    deviceCas: settings.deviceCas,
    organization: settings.organization,
    identifierPrefix: settings.identifierPrefix,
    identityValidityDays: settings.identityValidityDays,
    scepChallengeLifetimeMs: SCEP_CHALLENGE_LIFETIME_MS,
    now: () => new Date(),
  };
  // Sockets whose request reached the handler: a parser error on them (a body cut short) is that request's, which the handler logs.
  let requestCount = 0;
  const handling = new WeakSet<Duplex>();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handling.add(request.socket);
    response.once('close', () => handling.delete(request.socket));
    void handle(request, response, ++requestCount, context, settings, log);
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (handling.has(socket)) socket.destroy();
    else logClientError(error, socket, () => ++requestCount, log);
  });

  return {
    url,
    enrolUrl: `${url}${ENROL_PATH}`,
    scepUrl: `${url}${SCEP_PATH}`,
    host: settings.host,
    port,
    settings,
    workspace,
    log,
    warnings: settings.warnings,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      try {
        await workspace.registry.flush();
        await log.close();
      } finally {
        await releaseServerLock(options.stateDir);
      }
    },
  };
}

/**
 * Logs a request Node's HTTP parser rejected before any handler ran (malformed request line,
 * oversized headers, header time-out), and replies when the socket is still writable.
 */
function logClientError(error: NodeJS.ErrnoException, socket: Duplex, nextRequestId: () => number, log: RequestLog): void {
  // A reset or closed connection (ECONNRESET, EPIPE) is no request, so it is not logged as one.
  const parseError = error.code?.startsWith('HPE_') === true;
  if (!parseError && error.code !== 'ERR_HTTP_REQUEST_TIMEOUT') {
    socket.destroy();
    return;
  }
  const requestId = nextRequestId();
  const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const status = timedOut ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const remote = socket instanceof Socket ? `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}` : '?';
  log.write({
    time: new Date().toISOString(),
    requestId,
    remote,
    method: '',
    path: '',
    phase: 'unknown',
    deviceId: null,
    decision: 'rejected',
    status,
    reason: `the HTTP request is malformed (${error.code ?? error.message})`,
    durationMs: 0,
  });
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  else socket.destroy();
}

function listen(server: http.Server, host: string, port: number, log: RequestLog): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      void log.close().catch(() => {});
      const hint = error.code === 'EADDRINUSE' ? 'another program uses this port; pick another with --port, or 0 for a free one' : error.message;
      reject(new EnrolmentServiceError('listen-failed', `cannot listen on ${host}:${port}: ${hint}`, { cause: error }));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Handles one request: route, run the phase, reply, and write exactly one log line when the reply is done or the client is gone. */
async function handle(request: IncomingMessage, response: ServerResponse, requestId: number, context: PhaseContext, settings: ResolvedServerOptions, log: RequestLog): Promise<void> {
  const started = performance.now();
  const remote = `${request.socket.remoteAddress ?? '?'}:${request.socket.remotePort ?? '?'}`;
  const method = request.method ?? '';
  let pathname = '';
  let outcome: Outcome | null = null;

  let logged = false;
  const writeLog = (status: number, fallbackReason: string): void => {
    if (logged) return;
    logged = true;
    const entry: EnrolmentLogEntry = {
      time: new Date().toISOString(),
      requestId,
      remote,
      method,
      path: pathname,
      phase: outcome?.phase ?? 'unknown',
      deviceId: outcome?.deviceId ?? null,
      decision: outcome?.decision ?? 'rejected',
      status,
      reason: outcome?.reason ?? fallbackReason,
      durationMs: Math.round(performance.now() - started),
    };
    log.write(entry);
  };
  response.once('finish', () => writeLog(response.statusCode, 'reply sent'));
  response.once('close', () => writeLog(response.writableFinished ? response.statusCode : 0, 'the client closed the connection before the reply was sent'));

  try {
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://workbench.invalid');
    } catch {
      outcome = rejected(400, 'unknown', `request target "${request.url ?? ''}" is not a valid path`);
      return send(request, response, outcome);
    }
    pathname = url.pathname;
    outcome = await route(request, url, context, settings);
  } catch (error) {
    // A bug or an unexpected failure: the client gets a 500 and the log the message, never a stack or secret.
    outcome = rejected(500, outcome?.phase ?? 'unknown', `internal error: ${error instanceof Error ? error.message : String(error)}`);
  }
  send(request, response, outcome);
}

async function route(request: IncomingMessage, url: URL, context: PhaseContext, settings: ResolvedServerOptions): Promise<Outcome> {
  const method = request.method ?? '';
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();

  if (url.pathname === ENROL_PATH) {
    if (method === 'GET') return serveEnrolmentProfile(context);
    if (method !== 'POST') return rejected(405, 'unknown', `method ${method} is not allowed on ${ENROL_PATH}; use GET or POST`, null, { allow: 'GET, POST' });
    const body = await readBody(request, settings.maxBodyBytes, settings.bodyTimeoutMs);
    if (body.kind !== 'complete') return bodyProblem(body, settings, 'attributes');
    return handleDeviceRequest(context, body.body, mediaType);
  }

  if (url.pathname === SCEP_PATH) {
    if (method !== 'GET' && method !== 'POST') return rejected(405, 'unknown', `method ${method} is not allowed on ${SCEP_PATH}; use GET or POST`, null, { allow: 'GET, POST' });
    let body: Uint8Array = new Uint8Array(0);
    if (method === 'POST') {
      const read = await readBody(request, settings.maxBodyBytes, settings.bodyTimeoutMs);
      if (read.kind !== 'complete') return bodyProblem(read, settings, 'scep-request');
      body = read.body;
    }
    return handleScep(context, method, url.searchParams, body, mediaType);
  }

  return rejected(404, 'unknown', `nothing is served at ${url.pathname}; the enrolment profile is at ${ENROL_PATH}`);
}

function bodyProblem(result: Exclude<Awaited<ReturnType<typeof readBody>>, { kind: 'complete' }>, settings: ResolvedServerOptions, phase: 'attributes' | 'scep-request'): Outcome {
  const close = { connection: 'close' };
  switch (result.kind) {
    case 'too-large':
      return rejected(413, phase, `the request body is larger than ${settings.maxBodyBytes} bytes (${result.received}${result.drained ? '' : ' or more'} received)`, null, close);
    case 'timed-out':
      return rejected(408, phase, `the request body did not arrive within ${settings.bodyTimeoutMs} ms`, null, close);
    case 'aborted':
      return rejected(400, phase, 'the client closed the connection before the request body was complete', null, close);
    default:
      return assertNeverBody(result);
  }
}

function send(request: IncomingMessage, response: ServerResponse, outcome: Outcome): void {
  if (response.headersSent || response.destroyed) return;
  // A reply that closes the connection (413, 408) may leave body bytes unread; the socket goes once the reply is out.
  if (outcome.headers?.connection === 'close') response.once('finish', () => request.destroy());
  response.writeHead(outcome.status, { 'content-type': outcome.contentType, 'content-length': outcome.body.length, 'cache-control': 'no-store', ...outcome.headers });
  response.end(Buffer.from(outcome.body.buffer, outcome.body.byteOffset, outcome.body.byteLength));
}

function assertNeverBody(value: never): never {
  throw new Error(`Unexpected body result: ${JSON.stringify(value)}`);
}
