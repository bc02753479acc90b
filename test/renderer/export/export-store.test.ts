import { describe, expect, it } from 'vitest';

import { createExportStore, exportChoicesOf, missingChoice, type ExportSettings } from '../../../renderer/export/export-store.ts';
import type { IpcClient } from '../../../renderer/ipc/client.ts';
import type { ExportWarning } from '../../../shared/export/results.ts';

const SOURCE = { text: '<plist/>', profileName: 'Wi-Fi.mobileconfig', problem: null };
const SETTINGS: ExportSettings = { mode: 'signed', identityId: 'id-1', digest: 'sha384', recipientIds: ['r-1'], cipher: 'aes-128-cbc', signEncrypted: false };

describe('exportChoicesOf', () => {
  it('sends only what the mode uses', () => {
    expect(exportChoicesOf(SOURCE, { ...SETTINGS, mode: 'unsigned' })).toEqual({ text: '<plist/>', profileName: 'Wi-Fi.mobileconfig', mode: 'unsigned' });
    expect(exportChoicesOf(SOURCE, SETTINGS)).toEqual({ text: '<plist/>', profileName: 'Wi-Fi.mobileconfig', mode: 'signed', identityId: 'id-1', digest: 'sha384' });
    expect(exportChoicesOf(SOURCE, { ...SETTINGS, mode: 'encrypted' })).toEqual({ text: '<plist/>', profileName: 'Wi-Fi.mobileconfig', mode: 'encrypted', recipientIds: ['r-1'], cipher: 'aes-128-cbc' });
    expect(exportChoicesOf(SOURCE, { ...SETTINGS, mode: 'per-recipient', signEncrypted: true })).toMatchObject({ identityId: 'id-1', recipientIds: ['r-1'] });
  });
});

describe('missingChoice', () => {
  it('names what is missing', () => {
    expect(missingChoice(SOURCE, SETTINGS)).toBeNull();
    expect(missingChoice(SOURCE, { ...SETTINGS, identityId: null })).toBe('Choose a signing identity.');
    expect(missingChoice(SOURCE, { ...SETTINGS, mode: 'encrypted', recipientIds: [] })).toBe('Choose at least one device certificate.');
    expect(missingChoice({ ...SOURCE, problem: 'line 3: unclosed <dict>' }, SETTINGS)).toBe('The XML has an error (line 3: unclosed <dict>). Fix it before exporting.');
  });
});

describe('export store', () => {
  it('drops a reply to an older preflight', async () => {
    const pending: ((warnings: ExportWarning[]) => void)[] = [];
    const client: IpcClient = {
      call: (method) => (method === 'export.preflight' ? new Promise((resolve) => pending.push(resolve as (warnings: ExportWarning[]) => void)) : Promise.resolve(null as never)) as never,
      on: () => () => undefined,
    };
    const store = createExportStore({ client, source: () => SOURCE });
    store.getState().change({ ...SETTINGS });
    store.getState().change({ digest: 'sha256' });
    expect(pending).toHaveLength(2);

    const newer: ExportWarning[] = [{ code: 'chain-incomplete', severity: 'warning', message: 'newer' }];
    pending[1](newer);
    await Promise.resolve();
    pending[0]([{ code: 'signer-expired', severity: 'error', message: 'older' }]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().warnings).toEqual(newer);
    expect(store.getState().checking).toBe(false);
  });

  it('resets the confirmation when a choice changes', () => {
    const client: IpcClient = { call: () => Promise.resolve([] as never), on: () => () => undefined };
    const store = createExportStore({ client, source: () => SOURCE });
    store.getState().setAcceptErrors(true);
    store.getState().change({ mode: 'unsigned' });
    expect(store.getState().acceptErrors).toBe(false);
  });
});
