import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CallContext } from '../../../../electron/ipc/dispatch.ts';
import { IpcHandlerError } from '../../../../electron/ipc/errors.ts';
import { createEnrolmentScreen, type EnrolmentDialogs, type EnrolmentScreen } from '../../../../electron/ipc/screens/enrolment-handlers.ts';
import { memoryLogger } from '../../../../electron/log.ts';
import { simulateEnrolment, SimulatorError } from '../../../../electron/services/enrolment/index.ts';
import { Keystore } from '../../../../electron/services/keystore/index.ts';
import type { EnrolmentLogEntry } from '../../../../shared/enrolment/log-entry.ts';
import { MAX_LOG_BATCH } from '../../../../shared/ipc/enrolment-contract.ts';
import { needTools } from '../../../support/environment.ts';

const tools = needTools('openssl', 'python3');

const WINDOW: CallContext = { webContentsId: 1 };
const OTHER_WINDOW: CallContext = { webContentsId: 2 };

/** Returns dialog stand-ins that return paths from queues, and records the events sent to each window. */
function fakeDialogs() {
  const openPaths: (string | null)[] = [];
  const savePaths: (string | null)[] = [];
  const events: { ownerId: number; entries: readonly EnrolmentLogEntry[] }[] = [];
  const dialogs: EnrolmentDialogs = {
    chooseFiles: async () => {
      const chosen = openPaths.shift() ?? null;
      return chosen === null ? [] : [chosen];
    },
    chooseSavePath: async () => savePaths.shift() ?? null,
    sendEvent: (ownerId, _event, payload) => events.push({ ownerId, entries: payload.entries }),
  };
  return { dialogs, openPaths, savePaths, events };
}

/** Runs python3 with `code` and the arguments, and returns its standard output parsed as JSON. */
function python(code: string, ...args: string[]): unknown {
  return JSON.parse(execFileSync('python3', ['-c', code, ...args], { encoding: 'utf8' }));
}

/** Returns the code and message of the IpcHandlerError that `work` fails with. */
async function failureOf(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof IpcHandlerError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe.skipIf(tools.skip)('enrolment handlers' + tools.reason, () => {
  let dir: string;
  let screen: EnrolmentScreen;
  let fake: ReturnType<typeof fakeDialogs>;
  let keystore: Keystore;
  let identityId: string;
  let signerCertificate: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-enrol-ipc-'));

    // A signing identity made by openssl, imported the way the certificate manager imports PEM files.
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=Enrolment Test Signer', '-days', '30', '-keyout', 'signer.key', '-out', 'signer.pem'], { cwd: dir, stdio: 'ignore' });
    signerCertificate = path.join(dir, 'signer.pem');
    keystore = new Keystore();
    const summary = await keystore.importIdentity({ certPem: readFileSync(signerCertificate), keyPem: readFileSync(path.join(dir, 'signer.key')), file: 'signer.pem' });
    identityId = summary.id;

    fake = fakeDialogs();
    screen = createEnrolmentScreen({ stateDir: path.join(dir, 'state'), keystore, dialogs: fake.dialogs, logger: memoryLogger(), logBatchDelayMs: 5 });
  });

  afterAll(async () => {
    await screen.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('explains the three types', async () => {
    const types = await screen.handlers['enrolment.explainTypes']({}, WINDOW);
    expect(types.map((type) => type.type)).toEqual(['none', 'auto', 'custom']);
  });

  it('lists keystore identities', async () => {
    const identities = await screen.handlers['enrolment.identities']({}, WINDOW);
    expect(identities.map((identity) => identity.certificate.subject)).toEqual(['CN=Enrolment Test Signer']);
  });

  it('saves an unsigned profile', async () => {
    const file = path.join(dir, 'unsigned.mobileconfig');
    fake.savePaths.push(file);
    const saved = await screen.handlers['enrolment.saveProfile']({ url: 'http://127.0.0.1:8080/enrol', attributes: ['UDID', 'PRODUCT'], challenge: 'one-time-token', displayName: 'Lab enrolment' }, WINDOW);
    expect(saved).toEqual({ filePath: file, signed: false, signer: null });

    // Python's plistlib reads the file as written.
    const read = python('import json, plistlib, sys; p = plistlib.load(open(sys.argv[1], "rb")); print(json.dumps([p["PayloadType"], p["PayloadDisplayName"], p["PayloadContent"]]))', file);
    expect(read).toEqual(['Profile Service', 'Lab enrolment', { URL: 'http://127.0.0.1:8080/enrol', DeviceAttributes: ['UDID', 'PRODUCT'], Challenge: 'one-time-token' }]);
  });

  it('saves a profile signed by an identity', async () => {
    const file = path.join(dir, 'signed.mobileconfig');
    fake.savePaths.push(file);
    const saved = await screen.handlers['enrolment.saveProfile']({ url: 'https://enrol.example.com/enrol', attributes: ['UDID'], signingIdentityId: identityId }, WINDOW);
    expect(saved).toEqual({ filePath: file, signed: true, signer: 'CN=Enrolment Test Signer' });

    // openssl verifies the signature against the signer certificate and returns the profile.
    const content = execFileSync('openssl', ['cms', '-verify', '-inform', 'DER', '-in', file, '-CAfile', signerCertificate, '-purpose', 'any'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const url = execFileSync('python3', ['-c', 'import plistlib, sys; print(plistlib.loads(sys.stdin.buffer.read())["PayloadContent"]["URL"])'], { input: content, encoding: 'utf8' });
    expect(url.trim()).toBe('https://enrol.example.com/enrol');
  });

  it('writes nothing when the dialog is cancelled', async () => {
    fake.savePaths.push(null);
    expect(await screen.handlers['enrolment.saveProfile']({ url: 'http://127.0.0.1:8080/enrol', attributes: ['UDID'] }, WINDOW)).toBeNull();
  });

  it('reports an invalid URL before the dialog', async () => {
    const failure = await failureOf(screen.handlers['enrolment.saveProfile']({ url: 'ftp://127.0.0.1/enrol', attributes: ['UDID'] }, WINDOW));
    expect(failure.code).toBe('invalid-argument');
    expect(failure.message).toContain('URL "ftp://127.0.0.1/enrol" is not an http or https URL');
    expect(fake.savePaths).toEqual([]);
  });

  it('rejects an unknown identity handle', async () => {
    const failure = await failureOf(screen.handlers['enrolment.saveProfile']({ url: 'http://127.0.0.1/enrol', attributes: ['UDID'], signingIdentityId: '0f8fad5b-d9cb-469f-a165-70867728950e' }, WINDOW));
    expect(failure.code).toBe('invalid-argument');
    expect(failure.message).toContain('is not imported');
  });

  it('reads a device CA file', async () => {
    fake.openPaths.push(signerCertificate);
    const chosen = await screen.handlers['enrolment.chooseDeviceCa']({}, WINDOW);
    expect(chosen?.displayName).toBe('signer.pem');
    expect(chosen?.subjects).toEqual(['CN=Enrolment Test Signer']);
  });

  it('rejects a device CA file without certificates', async () => {
    const file = path.join(dir, 'not-a-certificate.pem');
    writeFileSync(file, 'hello\n');
    fake.openPaths.push(file);
    const failure = await failureOf(screen.handlers['enrolment.chooseDeviceCa']({}, WINDOW));
    expect(failure.code).toBe('invalid-document');
    expect(failure.message).toContain('not-a-certificate.pem');
  });

  it('keeps file handles to their window', async () => {
    fake.openPaths.push(path.join(dir, 'unsigned.mobileconfig'));
    const chosen = await screen.handlers['enrolment.chooseFinalProfile']({}, WINDOW);
    expect(chosen?.displayName).toBe('unsigned.mobileconfig');
    const failure = await failureOf(screen.handlers['enrolment.startServer']({ host: '127.0.0.1', port: 0, provisioning: 'none', finalProfile: { source: 'file', fileId: chosen!.fileId } }, OTHER_WINDOW));
    expect(failure.code).toBe('not-found');
  });

  it('rejects a final profile that is not a plist', async () => {
    const failure = await failureOf(screen.handlers['enrolment.startServer']({ host: '127.0.0.1', port: 0, provisioning: 'none', finalProfile: { source: 'editor', text: 'not a plist', name: 'Untitled' } }, WINDOW));
    expect(failure.code).toBe('invalid-argument');
    expect(failure.message).toContain('the final profile is not a property list');
    expect((await screen.handlers['enrolment.status']({}, WINDOW)).running).toBe(false);
  });

  it('rejects invalid custom rules', async () => {
    const rules = { products: [], minRsaBits: 3000, requireDeviceCa: false, challengeLifetimeMinutes: 60 };
    const failure = await failureOf(screen.handlers['enrolment.startServer']({ host: '127.0.0.1', port: 0, provisioning: 'custom', rules, finalProfile: { source: 'default' } }, WINDOW));
    expect(failure.code).toBe('invalid-argument');
    expect(failure.message).toContain('minRsaBits must be one of 1024, 2048, 4096');
  });

  it('runs an enrolment and exports the device', async () => {
    const rules = { products: ['iPhone*'], minRsaBits: 2048, requireDeviceCa: false, challengeLifetimeMinutes: 60 };
    const status = await screen.handlers['enrolment.startServer']({ host: '127.0.0.1', port: 0, provisioning: 'custom', rules, finalProfile: { source: 'default' } }, WINDOW);
    expect(status.running).toBe(true);
    expect(status.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(status.warnings).toEqual([]);

    // A second start while one runs is rejected with the running URL.
    const again = await failureOf(screen.handlers['enrolment.startServer']({ host: '127.0.0.1', port: 0, provisioning: 'none', finalProfile: { source: 'default' } }, WINDOW));
    expect(again.message).toContain(`already runs at ${status.url}`);

    const result = await simulateEnrolment({ url: status.enrolUrl!, device: { udid: 'HANDLER-TEST-UDID', product: 'iPhone15,2', version: '17.4', serial: 'C02HANDLER' } });
    expect(result.deviceId).toBe('HANDLER-TEST-UDID');

    const devices = await screen.handlers['enrolment.devices']({}, WINDOW);
    expect(devices).toHaveLength(1);
    expect(devices[0].status).toBe('enrolled');
    expect(devices[0].attributes.PRODUCT).toBe('iPhone15,2');

    // Stopping flushes the log to the window that started the server.
    const stopped = await screen.handlers['enrolment.stopServer']({}, WINDOW);
    expect(stopped.running).toBe(false);
    const sent = fake.events.flatMap((event) => event.entries);
    expect(fake.events.every((event) => event.ownerId === WINDOW.webContentsId)).toBe(true);
    expect(sent).toHaveLength(result.requestCount);
    expect(sent.filter((entry) => entry.deviceId === 'HANDLER-TEST-UDID' && entry.phase === 'final').map((entry) => entry.decision)).toEqual(['accepted']);

    // The CSV report, read back with Python's csv module.
    const csvFile = path.join(dir, 'devices.csv');
    fake.savePaths.push(csvFile);
    expect(await screen.handlers['enrolment.saveDevicesCsv']({}, WINDOW)).toEqual({ filePath: csvFile, deviceCount: 1 });
    const rows = python('import csv, json, sys; print(json.dumps(list(csv.DictReader(open(sys.argv[1], newline="")))))', csvFile) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0].deviceId).toBe('HANDLER-TEST-UDID');
    expect(rows[0].PRODUCT).toBe('iPhone15,2');
    expect(rows[0].status).toBe('enrolled');
    expect(rows[0].certificateSerial).toBe(devices[0].certificateSerial);
  });

  it('revokes a device', async () => {
    const revoked = await screen.handlers['enrolment.revokeDevice']({ deviceId: 'HANDLER-TEST-UDID' }, WINDOW);
    expect(revoked.status).toBe('revoked');
    const unknown = await failureOf(screen.handlers['enrolment.revokeDevice']({ deviceId: 'NO-SUCH-DEVICE' }, WINDOW));
    expect(unknown.code).toBe('invalid-argument');
    expect(unknown.message).toContain('no device "NO-SUCH-DEVICE"');
  });

  it('signs served profiles with an identity', async () => {
    const status = await screen.handlers['enrolment.startServer']({ host: '127.0.0.1', port: 0, provisioning: 'none', signingIdentityId: identityId, finalProfile: { source: 'default' } }, WINDOW);
    try {
      const result = await simulateEnrolment({ url: status.enrolUrl!, device: { udid: 'SIGNED-PROFILE-UDID' } });
      const profileFile = path.join(dir, 'served-enrolment.mobileconfig');
      writeFileSync(profileFile, result.enrolmentProfile);

      // openssl accepts the downloaded enrolment profile against the imported signer alone.
      const content = execFileSync('openssl', ['cms', '-verify', '-inform', 'DER', '-in', profileFile, '-CAfile', signerCertificate, '-purpose', 'any'], { stdio: ['ignore', 'pipe', 'ignore'] });
      expect(content.toString('utf8')).toContain('<string>Profile Service</string>');
    } finally {
      await screen.handlers['enrolment.stopServer']({}, WINDOW);
    }
  });

  it('rejects devices outside the device CA', async () => {
    fake.openPaths.push(signerCertificate);
    const deviceCa = await screen.handlers['enrolment.chooseDeviceCa']({}, WINDOW);
    const rules = { products: [], minRsaBits: 2048, requireDeviceCa: true, challengeLifetimeMinutes: 60 };
    const status = await screen.handlers['enrolment.startServer']({ host: '127.0.0.1', port: 0, provisioning: 'custom', rules, deviceCaFileId: deviceCa!.fileId, finalProfile: { source: 'default' } }, WINDOW);
    try {
      // The simulator signs with a throwaway self-signed device certificate, which the test CA did not issue.
      const rejection = await simulateEnrolment({ url: status.enrolUrl!, device: { udid: 'OUTSIDE-CA-UDID' } }).catch((error: unknown) => error);
      expect(rejection).toBeInstanceOf(SimulatorError);
      expect((rejection as SimulatorError).phase).toBe('attributes');
      expect((rejection as SimulatorError).status).toBe(403);
      expect((rejection as SimulatorError).reason).toContain('rule device-ca: the device certificate does not chain to a device CA');
    } finally {
      await screen.handlers['enrolment.stopServer']({}, WINDOW);
    }
  });

  it('relays a burst without losing entries', async () => {
    const status = await screen.handlers['enrolment.startServer']({ host: '127.0.0.1', port: 0, provisioning: 'auto', finalProfile: { source: 'default' } }, WINDOW);
    const sentBefore = fake.events.length;
    let results;
    try {
      results = await Promise.all(Array.from({ length: 8 }, (_, index) => simulateEnrolment({ url: status.enrolUrl!, device: { udid: `BURST-${index}` } })));
    } finally {
      await screen.handlers['enrolment.stopServer']({}, WINDOW);
    }

    // Every request arrives exactly once, in batches no larger than the event check accepts.
    const batches = fake.events.slice(sentBefore);
    const ids = batches.flatMap((batch) => batch.entries.map((entry) => entry.requestId));
    expect(ids).toHaveLength(results.reduce((sum, result) => sum + result.requestCount, 0));
    expect(new Set(ids).size).toBe(ids.length);
    expect(batches.every((batch) => batch.entries.length <= MAX_LOG_BATCH)).toBe(true);
  });

  it('writes no CSV when cancelled', async () => {
    fake.savePaths.push(null);
    expect(await screen.handlers['enrolment.saveDevicesCsv']({}, WINDOW)).toBeNull();
    expect(existsSync(path.join(dir, 'enrolled-devices.csv'))).toBe(false);
  });
});
