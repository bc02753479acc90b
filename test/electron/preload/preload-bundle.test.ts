// The sandboxed preload as Electron loads it: the CommonJS bundle Vite builds, run in a VM
// context with a stand-in for the `electron` module (the only module it may require).

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { RENDERER_METHODS } from '../../../shared/ipc/contract.ts';
import { projectRoot } from '../../support/environment.ts';

let outDir: string;
let bundle: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'preload-'));
  await build({ configFile: path.join(projectRoot, 'vite.config.ts'), mode: 'preload', logLevel: 'warn', build: { outDir, sourcemap: false } });
  bundle = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** Runs the bundle with a fake `electron` module and returns what it exposed and what it sent. */
function runPreload(droppedPaths: Map<object, string> = new Map()) {
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { ok: true, value: null };
      },
      on: (channel: string, listener: (event: unknown, payload: unknown) => void) => listeners.set(channel, listener),
      removeListener: (channel: string) => listeners.delete(channel),
    },
    // Electron gives a path only for Files from a drop or a file input, '' for one the page built.
    webUtils: { getPathForFile: (file: object) => droppedPaths.get(file) ?? '' },
  };
  const module = { exports: {} };
  const require = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`the sandboxed preload cannot require ${name}`);
    return electron;
  };
  vm.runInNewContext(bundle, { require, module, exports: module.exports, console });
  return { exposed, invoked, listeners, required };
}

describe('preload bundle', () => {
  it('is CommonJS and requires only electron', () => {
    expect(bundle).not.toMatch(/^\s*import\s/m);
    expect(runPreload().required).toEqual(['electron']);
  });

  it('exposes one method per renderer method, on and inspectDroppedFiles', () => {
    const api = runPreload().exposed.get('mobileconfig') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...RENDERER_METHODS, 'on', 'inspectDroppedFiles'].sort());
    expect(Object.keys(api)).not.toContain('inspect.dropped');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes the method channel with the request', async () => {
    const { exposed, invoked } = runPreload();
    const api = exposed.get('mobileconfig') as Record<string, (request: unknown) => Promise<unknown>>;
    await api['document.save']({ documentId: 'x', text: '<plist/>' });
    expect(invoked).toEqual([['mobileconfig:document.save', { documentId: 'x', text: '<plist/>' }]]);
  });

  it('passes event payloads without the IPC event', () => {
    const { exposed, listeners } = runPreload();
    const api = exposed.get('mobileconfig') as { on: (event: string, listener: (...args: unknown[]) => void) => () => void };
    const received: unknown[][] = [];
    const unsubscribe = api.on('command', (...args) => received.push(args));
    listeners.get('mobileconfig-event:command')?.({ sender: 'raw ipc' }, { command: 'save' });
    expect(received).toEqual([[{ command: 'save' }]]);
    unsubscribe();
    expect(listeners.has('mobileconfig-event:command')).toBe(false);
  });

  it('rejects unknown events', () => {
    const api = runPreload().exposed.get('mobileconfig') as { on: (event: string, listener: () => void) => void };
    expect(() => api.on('ipc-raw', () => undefined)).toThrow('Unknown event "ipc-raw"; expected one of command, open-recent, inspect-progress, export-progress, enrolment-log.');
  });

  it('sends the paths of dropped files only', async () => {
    const dropped = { name: 'a.mobileconfig' };
    const built = { name: '/etc/passwd' };
    const { exposed, invoked } = runPreload(new Map([[dropped, '/Users/admin/a.mobileconfig']]));
    const api = exposed.get('mobileconfig') as { inspectDroppedFiles: (files: object[]) => Promise<unknown> };
    await api.inspectDroppedFiles([dropped, built]);
    expect(invoked).toEqual([['mobileconfig:inspect.dropped', { paths: ['/Users/admin/a.mobileconfig'] }]]);
  });

  it('fails a drop without any file path', async () => {
    const { exposed, invoked } = runPreload();
    const api = exposed.get('mobileconfig') as { inspectDroppedFiles: (files: object[]) => Promise<{ ok: boolean; error?: { code: string } }> };
    const result = await api.inspectDroppedFiles([{ name: '/etc/passwd' }]);
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('invalid-argument');
    expect(invoked).toEqual([]);
  });
});
