// The per-file set-up of the Chromium tests: build the renderer into a temporary folder, serve
// it on 127.0.0.1, and close the browser, server and folder after the file's tests.
//
// Call it at the top of a describe block, before registering hooks that use a session, so that
// its clean-up runs after theirs (Vitest runs after-hooks in reverse order).

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll } from 'vitest';

import { closeBrowser } from './app-session.ts';
import { buildRenderer } from './build-renderer.ts';
import { serveFolder, type StaticServer } from './static-server.ts';

export interface RendererServer {
  /** Temporary folder of the file's tests; removed afterwards. */
  readonly workDir: string;
  /** Origin the built renderer is served from. */
  readonly origin: string;
}

export function useRendererServer(name: string): RendererServer {
  const state = { workDir: '', origin: '' };
  let server: StaticServer | null = null;

  beforeAll(async () => {
    state.workDir = await mkdtemp(path.join(tmpdir(), `mobileconfig-${name}-`));
    await buildRenderer(path.join(state.workDir, 'renderer'));
    server = await serveFolder(path.join(state.workDir, 'renderer'));
    state.origin = server.origin;
  });

  afterAll(async () => {
    await closeBrowser();
    await server?.close();
    if (state.workDir) await rm(state.workDir, { recursive: true, force: true });
  });

  return state;
}
