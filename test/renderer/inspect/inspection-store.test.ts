import { describe, expect, it } from 'vitest';

import { baseName, createInspectionStore } from '../../../renderer/inspect/inspection-store.ts';
import { IpcCallError, type IpcClient } from '../../../renderer/ipc/client.ts';
import type { FileInspection, InspectionBatch } from '../../../shared/ipc/screens.ts';

function inspection(id: string, file: string): FileInspection {
  return { inspectionId: id, report: { file, ok: true, kind: 'profile', encrypted: true, warnings: [] }, xml: '<plist/>' };
}

function setup(batches: InspectionBatch[]) {
  const notices: string[] = [];
  const client: IpcClient = {
    async call(method, request) {
      if (method === 'inspect.decrypt') {
        const { inspectionId } = request as { inspectionId: string };
        if (inspectionId === 'bad') throw new IpcCallError(method, 'crypto-error', 'No recipient matches the identity.');
        return { ...inspection(inspectionId, '/p/a.mobileconfig'), xml: '<plist><dict/></plist>', report: { file: '/p/a.mobileconfig', ok: true, kind: 'profile', encrypted: false, warnings: [] } } as never;
      }
      return null as never;
    },
    on: () => () => undefined,
  };
  const store = createInspectionStore({ client, inspectDropped: async () => batches.shift()!, notify: (tone, message) => notices.push(`${tone}: ${message}`) });
  return { store, notices };
}

describe('inspection store', () => {
  it('puts the latest drop first', async () => {
    const { store } = setup([{ files: [inspection('a', '/p/a'), inspection('b', '/p/b')], folders: [] }, { files: [inspection('c', '/p/c')], folders: [] }]);
    await store.getState().inspectDropped([]);
    await store.getState().inspectDropped([]);
    expect(store.getState().files.map((file) => file.inspectionId)).toEqual(['c', 'a', 'b']);
    expect(store.getState().busy).toBe(false);
  });

  it('ticks at most two files for comparison', () => {
    const { store } = setup([]);
    for (const id of ['a', 'b', 'c']) store.getState().toggleCompare(id);
    expect(store.getState().compareIds).toEqual(['b', 'c']);
    store.getState().toggleCompare('b');
    expect(store.getState().compareIds).toEqual(['c']);
  });

  it('replaces a decrypted file in place', async () => {
    const { store, notices } = setup([{ files: [inspection('x', '/p/x'), inspection('a', '/p/a.mobileconfig')], folders: [] }]);
    await store.getState().inspectDropped([]);
    await expect(store.getState().decrypt('a', 'identity', 'CN=Device')).resolves.toBe(true);
    expect(store.getState().files.map((file) => [file.inspectionId, file.report.encrypted, file.decryptedWith])).toEqual([
      ['x', true, undefined],
      ['a', false, 'CN=Device'],
    ]);
    expect(notices).toEqual(['success: Decrypted a.mobileconfig with CN=Device.']);
  });

  it('reports a failed decryption', async () => {
    const { store, notices } = setup([]);
    await expect(store.getState().decrypt('bad', 'identity', 'CN=Device')).resolves.toBe(false);
    expect(notices).toEqual(['error: No recipient matches the identity.']);
  });

  it('reports a failed drop', async () => {
    const notices: string[] = [];
    const store = createInspectionStore({
      client: { call: async () => null as never, on: () => () => undefined },
      inspectDropped: async () => {
        throw new IpcCallError('inspect.dropped', 'invalid-argument', 'None of the dropped items is a file or folder on this computer.');
      },
      notify: (tone, message) => notices.push(`${tone}: ${message}`),
    });
    await store.getState().inspectDropped([]);
    expect(notices).toEqual(['error: None of the dropped items is a file or folder on this computer.']);
    expect(store.getState().busy).toBe(false);
  });
});

describe('baseName', () => {
  it('takes the last segment for either separator', () => {
    expect(baseName('/Users/admin/a.mobileconfig')).toBe('a.mobileconfig');
    expect(baseName('C:\\Profiles\\b.mobileconfig')).toBe('b.mobileconfig');
  });
});
