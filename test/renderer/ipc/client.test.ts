import { describe, expect, it } from 'vitest';

import type { IpcEvents, MobileconfigApi } from '../../../shared/ipc/contract.ts';
import { createIpcClient, IpcCallError } from '../../../renderer/ipc/client.ts';

/** Returns a preload API stand-in whose methods resolve to the entries of `results`. */
function fakeApi(results: Record<string, unknown>, events: Map<string, (payload: unknown) => void>): MobileconfigApi {
  const api = new Proxy(
    {},
    {
      get(_target, name: string) {
        if (name === 'on') {
          return (event: string, listener: (payload: unknown) => void) => {
            events.set(event, listener);
            return () => events.delete(event);
          };
        }
        return async () => results[name];
      },
    },
  );
  return api as MobileconfigApi;
}

describe('createIpcClient', () => {
  it('returns values of successful calls', async () => {
    const client = createIpcClient(fakeApi({ 'recent.list': { ok: true, value: [{ filePath: '/p/a', displayName: 'a' }] } }, new Map()));
    expect(await client.call('recent.list', {})).toEqual([{ filePath: '/p/a', displayName: 'a' }]);
  });

  it('throws the main process error', async () => {
    const client = createIpcClient(fakeApi({ 'document.open': { ok: false, error: { code: 'invalid-document', message: 'a.mobileconfig:3:1: bad' } } }, new Map()));
    const failure = client.call('document.open', {});
    await expect(failure).rejects.toBeInstanceOf(IpcCallError);
    await expect(failure).rejects.toMatchObject({ code: 'invalid-document', method: 'document.open', message: 'a.mobileconfig:3:1: bad' });
  });

  it('passes valid events and drops malformed ones', () => {
    const events = new Map<string, (payload: unknown) => void>();
    const reports: string[] = [];
    const client = createIpcClient(fakeApi({}, events), (message) => reports.push(message));
    const received: IpcEvents['command'][] = [];
    client.on('command', (payload) => received.push(payload));
    events.get('command')?.({ command: 'save' });
    events.get('command')?.({ command: 'rm -rf' });
    expect(received).toEqual([{ command: 'save' }]);
    expect(reports).toEqual([
      'Ignored a malformed command event from the main process: event.command must be one of new, open, save, save-as, close, undo, redo, find, validate, load-schemas, export, save-and-close, inspect, inspect-folder, certificates',
    ]);
  });
});
