import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/environment.ts';

// Only bin/mobileconfig.js installs the guards. Tests that call `main` in-process never see them,
// so these tests run the built launcher.
const built = existsSync(path.join(projectRoot, 'dist', 'cli-bundle', 'main.js'));
const reason = built ? '' : ' (skipped: dist/cli-bundle/main.js not built; run npm run build:node)';

interface ServerExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** Starts `enrolment serve` through the launcher, sends `signal` once it is listening, and waits for the exit. */
function serveUntil(signal: NodeJS.Signals, stateDir: string): Promise<ServerExit> {
  const args = [path.join(projectRoot, 'bin', 'mobileconfig.js'), 'enrolment', 'serve', '--dir', stateDir, '--port', '0', '--provisioning', 'none'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let sent = false;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    if (!sent && stderr.includes('Press Ctrl-C to stop.')) {
      sent = true;
      child.kill(signal);
    }
  });
  return new Promise((resolve) => child.on('close', (code, closeSignal) => resolve({ code, signal: closeSignal, stderr })));
}

describe.skipIf(!built)('process guards with enrolment serve' + reason, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-guards-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} stops the server cleanly`, async () => {
      const stateDir = path.join(dir, signal);
      const stopped = await serveUntil(signal, stateDir);

      expect(stopped.signal).toBeNull();
      expect(stopped.code).toBe(0);
      expect(stopped.stderr).toMatch(/\nStopped after 0 requests; 0 devices in the registry\.\n$/);
      // server.pid marks a running server, and a clean stop removes it.
      expect(existsSync(path.join(stateDir, 'server.pid'))).toBe(false);
    });
  }
});
