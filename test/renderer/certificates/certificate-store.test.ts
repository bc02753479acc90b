// The certificate store's passphrase flow against a fake main process: the question, the retry
// after a wrong passphrase, Cancel, and no passphrase kept in the store.

import { describe, expect, it } from 'vitest';

import { createCertificateStore } from '../../../renderer/certificates/certificate-store.ts';
import { IpcCallError, type IpcClient } from '../../../renderer/ipc/client.ts';
import type { IdentitySummary } from '../../../shared/keystore/summaries.ts';
import type { IpcMethod } from '../../../shared/ipc/contract.ts';

const FILE_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const RIGHT = 'right passphrase';

const SUMMARY: IdentitySummary = {
  id: '11111111-1111-4111-8111-111111111111',
  source: '/p/signer.p12',
  certificate: { subject: 'CN=Signer', issuer: 'CN=CA', serialNumber: '01', notBefore: '2026-01-01T00:00:00.000Z', notAfter: '2027-01-01T00:00:00.000Z', sha256: 'ab', keyType: 'RSA 2048' },
  chain: [],
  expiry: { state: 'valid', daysLeft: 200 },
  notes: [],
};

function setup(options: { pem?: boolean } = {}) {
  const calls: { method: IpcMethod; request: unknown }[] = [];
  const notices: string[] = [];
  let imported = false;
  const client: IpcClient = {
    async call(method, request) {
      calls.push({ method, request });
      switch (method) {
        case 'identity.choosePkcs12':
          return { fileId: FILE_ID, displayName: 'signer.p12' } as never;
        case 'identity.choosePem':
          return { certificate: { fileId: FILE_ID, displayName: 'signer.pem' }, key: { fileId: FILE_ID, displayName: 'signer.key' } } as never;
        case 'identity.importPkcs12':
        case 'identity.importPem': {
          const passphrase = (request as { passphrase?: string }).passphrase;
          if (options.pem && passphrase === undefined) throw new IpcCallError(method, 'passphrase-required', 'signer.key is encrypted.');
          if (passphrase !== RIGHT) throw new IpcCallError(method, 'wrong-passphrase', 'Wrong passphrase for signer.p12.');
          imported = true;
          return SUMMARY as never;
        }
        case 'keystore.state':
          return { identities: imported ? [SUMMARY] : [], recipients: [], persistence: { mode: 'encrypted' }, loadProblem: null } as never;
        default:
          return null as never;
      }
    },
    on: () => () => undefined,
  };
  const store = createCertificateStore({ client, notify: (tone, message) => notices.push(`${tone}: ${message}`) });
  return { store, calls, notices };
}

/** Waits until the store asks a passphrase question. */
async function question(store: ReturnType<typeof setup>['store']) {
  for (let attempt = 0; attempt < 50 && !store.getState().question; attempt++) await new Promise((resolve) => setTimeout(resolve, 0));
  const asked = store.getState().question;
  if (!asked) throw new Error('no passphrase question was asked');
  return asked;
}

describe('certificate store', () => {
  it('asks again after a wrong passphrase', async () => {
    const { store, calls, notices } = setup();
    const done = store.getState().importPkcs12();

    expect((await question(store)).error).toBeNull();
    store.getState().answer('wrong');
    const retry = await question(store);
    expect(retry.fileLabel).toBe('signer.p12');
    expect(retry.error).toBe('Wrong passphrase for signer.p12.');
    store.getState().answer(RIGHT);
    await done;

    expect(calls.filter((call) => call.method === 'identity.importPkcs12').map((call) => call.request)).toEqual([
      { fileId: FILE_ID, passphrase: 'wrong' },
      { fileId: FILE_ID, passphrase: RIGHT },
    ]);
    expect(store.getState().identities).toEqual([SUMMARY]);
    expect(store.getState().question).toBeNull();
    expect(notices).toEqual(['success: Imported the identity CN=Signer.']);
  });

  it('keeps no passphrase in its state', async () => {
    const { store } = setup();
    const seen: string[] = [];
    store.subscribe((state) => seen.push(JSON.stringify(state)));
    const done = store.getState().importPkcs12();
    await question(store);
    store.getState().answer(RIGHT);
    await done;
    expect(seen.length).toBeGreaterThan(0);
    for (const state of seen) expect(state).not.toContain(RIGHT);
  });

  it('stops on Cancel', async () => {
    const { store, calls } = setup();
    const done = store.getState().importPkcs12();
    await question(store);
    store.getState().answer(null);
    await done;
    expect(calls.map((call) => call.method)).toEqual(['identity.choosePkcs12']);
    expect(store.getState().busy).toBe(false);
  });

  it('asks for a PEM passphrase only when required', async () => {
    const { store, calls } = setup({ pem: true });
    const done = store.getState().importPem();
    const asked = await question(store);
    expect(asked).toMatchObject({ fileLabel: 'signer.key', error: null });
    store.getState().answer(RIGHT);
    await done;
    expect(calls.filter((call) => call.method === 'identity.importPem').map((call) => call.request)).toEqual([
      { certificateFileId: FILE_ID, keyFileId: FILE_ID },
      { certificateFileId: FILE_ID, keyFileId: FILE_ID, passphrase: RIGHT },
    ]);
  });
});
