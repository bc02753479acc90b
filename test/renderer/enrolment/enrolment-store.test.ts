import { describe, expect, it } from 'vitest';

import type { Timers } from '../../../renderer/app/controller.ts';
import { createEnrolmentStore, MAX_LOG_ENTRIES, mergeLog, STOPPED_STATUS, type EnrolmentClient } from '../../../renderer/enrolment/enrolment-store.ts';
import { IpcCallError } from '../../../renderer/ipc/client.ts';
import type { EnrolledDevice } from '../../../shared/enrolment/devices.ts';
import type { EnrolmentLogEntry } from '../../../shared/enrolment/log-entry.ts';
import { PROVISIONING_TYPES, explainProvisioningType } from '../../../shared/enrolment/provisioning.ts';
import type { EnrolmentContract, EnrolmentEvents, EnrolmentMethod } from '../../../shared/ipc/enrolment-contract.ts';

type Responses = Partial<{ [M in EnrolmentMethod]: (request: EnrolmentContract[M]['request']) => EnrolmentContract[M]['response'] | Promise<EnrolmentContract[M]['response']> }>;

const RUNNING = { ...STOPPED_STATUS, running: true, url: 'http://127.0.0.1:49152', enrolUrl: 'http://127.0.0.1:49152/enrol', provisioning: 'custom' as const, startedAt: '2026-12-04T20:00:00.000Z' };

const DEVICE: EnrolledDevice = {
  deviceId: 'UDID-1',
  attributes: { UDID: 'UDID-1', PRODUCT: 'iPhone15,2' },
  provisioning: 'custom',
  status: 'enrolled',
  certificateSerial: '0a1b',
  certificateSubject: 'O=Mobileconfig Studio,CN=UDID-1',
  certificateNotAfter: '2027-12-04T20:00:00.000Z',
  issuedAt: '2026-12-04T20:00:01.000Z',
  firstSeen: '2026-12-04T20:00:00.500Z',
  lastSeen: '2026-12-04T20:00:02.000Z',
  requestCount: 3,
  deviceCaTrusted: null,
  revokedAt: null,
};

function entry(requestId: number, time = `2026-12-04T20:00:${String(requestId % 60).padStart(2, '0')}.000Z`): EnrolmentLogEntry {
  return { time, requestId, remote: '127.0.0.1:50000', method: 'GET', path: '/enrol', phase: 'profile', deviceId: null, decision: 'served', status: 200, reason: 'enrolment profile', durationMs: 1 };
}

/** Returns a fake main process that responds from `responses` (or empty defaults), the calls it received, and a function that sends log events. */
function fakeClient(responses: Responses = {}) {
  const calls: { method: EnrolmentMethod; request: unknown }[] = [];
  const listeners: ((payload: EnrolmentEvents['enrolment-log']) => void)[] = [];
  const defaults: Responses = {
    'enrolment.explainTypes': () => PROVISIONING_TYPES.map(explainProvisioningType),
    'enrolment.identities': () => [],
    'enrolment.status': () => STOPPED_STATUS,
    'enrolment.devices': () => [],
    'enrolment.recentLog': () => [],
  };
  const client: EnrolmentClient = {
    async call(method, request) {
      calls.push({ method, request });
      const respond = (responses[method] ?? defaults[method]) as ((request: unknown) => unknown) | undefined;
      if (!respond) throw new Error(`no response for ${method}`);
      return (await respond(request)) as never;
    },
    on(_event, listener) {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
  };
  const emit = (entries: EnrolmentLogEntry[]) => listeners.forEach((listener) => listener({ entries }));
  return { client, calls, emit, listeners };
}

/** Timers the test fires by hand. */
function manualTimers(): Timers & { fire(): void; pending(): number } {
  const queue = new Map<number, () => void>();
  let next = 1;
  return {
    setTimeout(callback) {
      queue.set(next, callback);
      return next++;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    fire() {
      const callbacks = [...queue.values()];
      queue.clear();
      callbacks.forEach((callback) => callback());
    },
    pending: () => queue.size,
  };
}

function setUp(responses: Responses = {}) {
  const fake = fakeClient(responses);
  const notices: { tone: string; message: string }[] = [];
  const timers = manualTimers();
  const store = createEnrolmentStore({ client: fake.client, notify: (tone, message) => notices.push({ tone, message }), timers });
  return { store, notices, timers, ...fake };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('enrolment store start', () => {
  it('loads types, status, devices and log', async () => {
    const { store, listeners } = setUp({ 'enrolment.status': () => RUNNING, 'enrolment.devices': () => [DEVICE], 'enrolment.recentLog': () => [entry(1), entry(2)] });
    await store.getState().start();
    const state = store.getState();
    expect(state.loaded).toBe(true);
    expect(state.explanations.map((explanation) => explanation.type)).toEqual(['none', 'auto', 'custom']);
    expect(state.status.url).toBe('http://127.0.0.1:49152');
    expect(state.devices).toEqual([DEVICE]);
    expect(state.log.map((e) => e.requestId)).toEqual([1, 2]);
    expect(listeners).toHaveLength(1);
  });

  it('reports a failed load', async () => {
    const { store, notices } = setUp({ 'enrolment.devices': () => Promise.reject(new IpcCallError('enrolment.devices', 'file-error', 'devices.json cannot be read')) });
    await store.getState().start();
    expect(store.getState().loaded).toBe(false);
    expect(notices).toEqual([{ tone: 'error', message: 'devices.json cannot be read' }]);
  });

  it('stops listening on dispose', async () => {
    const { store, listeners } = setUp();
    await store.getState().start();
    store.getState().dispose();
    expect(listeners).toHaveLength(0);
  });
});

describe('enrolment store profile flow', () => {
  it('blocks a step after an invalid URL', () => {
    const { store } = setUp();
    store.getState().updateProfile({ url: 'enrol.example.com' });
    store.getState().goToStep(2);
    expect(store.getState().step).toBe(0);
    store.getState().goToStep(1);
    expect(store.getState().step).toBe(1);
  });

  it('blocks a step without UDID or SERIAL', () => {
    const { store } = setUp();
    store.getState().setAttribute('UDID', false);
    store.getState().setAttribute('SERIAL', false);
    store.getState().goToStep(3);
    expect(store.getState().step).toBe(0);
    store.getState().setAttribute('SERIAL', true);
    store.getState().goToStep(3);
    expect(store.getState().step).toBe(3);
  });

  it('keeps attributes in the known order', () => {
    const { store } = setUp();
    store.getState().setAttribute('DEVICE_NAME', true);
    store.getState().setAttribute('IMEI', true);
    expect(store.getState().profile.attributes).toEqual(['UDID', 'VERSION', 'PRODUCT', 'SERIAL', 'IMEI', 'DEVICE_NAME']);
  });

  it('saves without the challenge under custom', async () => {
    const { store, calls } = setUp({ 'enrolment.saveProfile': () => ({ filePath: '/tmp/enrol.mobileconfig', signed: false, signer: null }) });
    store.getState().updateProfile({ challenge: 'static-token', description: '  ' });
    await store.getState().saveProfile();
    expect(calls.at(-1)).toEqual({
      method: 'enrolment.saveProfile',
      request: { url: 'http://127.0.0.1:8080/enrol', attributes: ['UDID', 'VERSION', 'PRODUCT', 'SERIAL'], identifier: 'com.example.enrolment', displayName: 'Device enrolment' },
    });
    expect(store.getState().savedProfile?.filePath).toBe('/tmp/enrol.mobileconfig');
  });

  it('saves with the challenge under auto', async () => {
    const { store, calls, notices } = setUp({ 'enrolment.saveProfile': () => ({ filePath: '/tmp/enrol.mobileconfig', signed: true, signer: 'CN=Signer' }) });
    store.getState().setProvisioning('auto');
    store.getState().updateProfile({ challenge: 'shared-token', signingIdentityId: '0f8fad5b-d9cb-469f-a165-70867728950e' });
    await store.getState().saveProfile();
    const request = calls.at(-1)?.request as Record<string, unknown>;
    expect(request.challenge).toBe('shared-token');
    expect(request.signingIdentityId).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(notices).toEqual([{ tone: 'success', message: 'Saved the signed enrolment profile as /tmp/enrol.mobileconfig.' }]);
  });

  it('keeps the draft when the dialog is cancelled', async () => {
    const { store, notices } = setUp({ 'enrolment.saveProfile': () => null });
    await store.getState().saveProfile();
    expect(store.getState().savedProfile).toBeNull();
    expect(store.getState().busy).toBeNull();
    expect(notices).toEqual([]);
  });

  it('takes the running server URL', async () => {
    const { store } = setUp({ 'enrolment.status': () => RUNNING });
    await store.getState().start();
    store.getState().useServerUrl();
    expect(store.getState().profile.url).toBe('http://127.0.0.1:49152/enrol');
  });
});

describe('enrolment store server', () => {
  it('lists problems instead of starting', async () => {
    const { store, calls } = setUp();
    store.getState().updateServer({ port: '99999', finalProfile: 'file' });
    await store.getState().startServer(null);
    expect(store.getState().serverProblems).toEqual(['Enter a port from 0 to 65535 (0 picks a free port).', 'Choose the final profile file, or pick another final profile.']);
    expect(calls.filter((call) => call.method === 'enrolment.startServer')).toEqual([]);
  });

  it('starts custom with rules', async () => {
    const { store, calls } = setUp({ 'enrolment.startServer': () => RUNNING });
    store.getState().updateServer({ port: '0' });
    store.getState().updateRules({ products: 'iPhone*, iPad*', minVersion: '17.0' });
    await store.getState().startServer(null);
    expect(calls.at(-1)).toEqual({
      method: 'enrolment.startServer',
      request: {
        host: '127.0.0.1',
        port: 0,
        provisioning: 'custom',
        attributes: ['UDID', 'VERSION', 'PRODUCT', 'SERIAL'],
        finalProfile: { source: 'default' },
        rules: { products: ['iPhone*', 'iPad*'], minVersion: '17.0', minRsaBits: 2048, requireDeviceCa: false, challengeLifetimeMinutes: 60 },
      },
    });
    expect(store.getState().status.running).toBe(true);
  });

  it('sends the shared challenge under auto', async () => {
    const { store, calls } = setUp({ 'enrolment.startServer': () => RUNNING });
    store.getState().setProvisioning('auto');
    store.getState().updateProfile({ challenge: 'shared-token' });
    await store.getState().startServer({ text: '<plist/>', name: 'Final.mobileconfig' });
    store.getState().updateServer({ finalProfile: 'editor' });
    await store.getState().startServer({ text: '<plist/>', name: 'Final.mobileconfig' });
    const requests = calls.filter((call) => call.method === 'enrolment.startServer').map((call) => call.request as Record<string, unknown>);
    expect(requests[0].sharedChallenge).toBe('shared-token');
    expect(requests[0].rules).toBeUndefined();
    expect(requests[1].finalProfile).toEqual({ source: 'editor', text: '<plist/>', name: 'Final.mobileconfig' });
  });

  it('requires a device CA for its rule', async () => {
    const { store } = setUp();
    store.getState().updateRules({ requireDeviceCa: true });
    await store.getState().startServer(null);
    expect(store.getState().serverProblems).toEqual(['Choose the device CA file, or clear "Require a device CA": without one every device would be rejected.']);
  });

  it('reports a failed start', async () => {
    const { store, notices } = setUp({ 'enrolment.startServer': () => Promise.reject(new IpcCallError('enrolment.startServer', 'invalid-argument', 'port 8080 is in use')) });
    await store.getState().startServer(null);
    expect(notices).toEqual([{ tone: 'error', message: 'port 8080 is in use' }]);
    expect(store.getState().busy).toBeNull();
  });

  it('refreshes devices after log entries', async () => {
    let devices: EnrolledDevice[] = [];
    const { store, emit, timers, calls } = setUp({ 'enrolment.devices': () => devices });
    await store.getState().start();
    devices = [DEVICE];
    emit([entry(1)]);
    emit([entry(2)]);
    expect(store.getState().log.map((e) => e.requestId)).toEqual([1, 2]);
    emit([entry(2)]);
    expect(store.getState().log).toHaveLength(2);
    expect(timers.pending()).toBe(1);
    const before = calls.length;
    timers.fire();
    await flush();
    expect(calls.slice(before).map((call) => call.method).sort()).toEqual(['enrolment.devices', 'enrolment.status']);
    expect(store.getState().devices).toEqual([DEVICE]);
  });
});

describe('enrolment store live status', () => {
  it('counts new requests at once', async () => {
    const { store, emit } = setUp({ 'enrolment.status': () => ({ ...RUNNING, requestCount: 4 }), 'enrolment.recentLog': () => [entry(4)] });
    await store.getState().start();
    emit([entry(4), entry(5), entry(6)]);
    expect(store.getState().status.requestCount).toBe(6);
  });

  it('leaves a stopped status alone', async () => {
    const { store, emit } = setUp();
    await store.getState().start();
    emit([entry(1)]);
    expect(store.getState().status).toEqual(STOPPED_STATUS);
  });
});

describe('enrolment store devices', () => {
  it('toggles the sort direction', () => {
    const { store } = setUp();
    expect(store.getState().deviceOrder).toEqual({ column: 'lastSeen', direction: 'descending' });
    store.getState().sortDevices('deviceId');
    expect(store.getState().deviceOrder).toEqual({ column: 'deviceId', direction: 'ascending' });
    store.getState().sortDevices('deviceId');
    expect(store.getState().deviceOrder).toEqual({ column: 'deviceId', direction: 'descending' });
  });

  it('exports the CSV', async () => {
    const { store, notices } = setUp({ 'enrolment.saveDevicesCsv': () => ({ filePath: '/tmp/devices.csv', deviceCount: 1 }) });
    await store.getState().exportCsv();
    expect(store.getState().savedCsv).toEqual({ filePath: '/tmp/devices.csv', deviceCount: 1 });
    expect(notices).toEqual([{ tone: 'success', message: 'Exported 1 device to /tmp/devices.csv.' }]);
  });

  it('replaces a revoked device', async () => {
    const revoked = { ...DEVICE, status: 'revoked' as const, revokedAt: '2026-12-04T21:00:00.000Z' };
    const { store } = setUp({ 'enrolment.devices': () => [DEVICE], 'enrolment.revokeDevice': () => revoked });
    await store.getState().start();
    await store.getState().revokeDevice('UDID-1');
    expect(store.getState().devices).toEqual([revoked]);
  });
});

describe('mergeLog', () => {
  it('skips entries already shown', () => {
    expect(mergeLog([entry(1), entry(2)], [entry(2), entry(3)]).map((e) => e.requestId)).toEqual([1, 2, 3]);
  });

  it('keeps a new run with reused ids', () => {
    const merged = mergeLog([entry(1, '2026-12-04T20:00:01.000Z')], [entry(1, '2026-12-04T21:00:01.000Z')]);
    expect(merged.map((e) => e.time)).toEqual(['2026-12-04T20:00:01.000Z', '2026-12-04T21:00:01.000Z']);
  });

  it('keeps the latest entries', () => {
    const many = Array.from({ length: MAX_LOG_ENTRIES + 20 }, (_, index) => entry(index + 1, `t${index + 1}`));
    const merged = mergeLog([], many);
    expect(merged).toHaveLength(MAX_LOG_ENTRIES);
    expect(merged[0].requestId).toBe(21);
  });
});
