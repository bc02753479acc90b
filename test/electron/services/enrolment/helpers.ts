// Shared set-up for the enrolment tests: a server on 127.0.0.1 with a fresh state folder,
// and a scratch folder where messages are saved for openssl.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { parseLogLine, type EnrolmentLogEntry } from '../../../../shared/enrolment/log-entry.ts';
import { startEnrolmentServer, type EnrolmentServer, type EnrolmentServerOptions } from '../../../../electron/services/enrolment/index.ts';
import { encodePem } from '../../../../electron/services/pki/index.ts';
import { runOpenssl } from '../../../support/openssl-pki.ts';

export interface TestServer {
  readonly server: EnrolmentServer;
  readonly dir: string;
  /** The CA certificate as ca.pem in the scratch folder. */
  readonly caPem: string;
  write(name: string, bytes: Uint8Array | string): string;
  read(name: string): Buffer;
  openssl(args: readonly string[], input?: Uint8Array): Buffer;
  /** Stops the server and returns the request log file's entries. */
  stop(): Promise<EnrolmentLogEntry[]>;
  cleanup(): void;
}

/** Starts a server on 127.0.0.1 with a random free port and a fresh state folder. */
export async function startTestServer(options: Omit<EnrolmentServerOptions, 'stateDir'>): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-enrol-'));
  const stateDir = path.join(dir, 'state');
  const server = await startEnrolmentServer({ host: '127.0.0.1', port: 0, ...options, stateDir });
  const write = (name: string, bytes: Uint8Array | string): string => {
    writeFileSync(path.join(dir, name), bytes);
    return name;
  };
  const caPem = write('ca.pem', encodePem('CERTIFICATE', server.workspace.ca.certificateDer));
  let stopped = false;
  return {
    server,
    dir,
    caPem,
    write,
    read: (name) => readFileSync(path.join(dir, name)),
    openssl: (args, input) => runOpenssl(dir, args, input),
    async stop() {
      if (!stopped) await server.stop();
      stopped = true;
      return readLogFile(path.join(stateDir, 'requests.log'));
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Reads a request log file; a line that does not parse makes the test fail. */
export function readLogFile(file: string): EnrolmentLogEntry[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return lines.map((line) => {
    const entry = parseLogLine(line);
    if (!entry) throw new Error(`log line does not parse: ${line}`);
    return entry;
  });
}

/** Returns the PEM of a private key. */
export function keyPem(key: { export(options: { type: 'pkcs8'; format: 'pem' }): string | Buffer }): string {
  return String(key.export({ type: 'pkcs8', format: 'pem' }));
}
