// Load on loopback: 200 simulated devices enrol at once under custom provisioning. Every
// enrolment must succeed and every request must have its log line. The throughput is
// printed, not asserted, because it depends on the machine.
//
// RSA 2048 key generation costs far more than anything the server does: with a fresh key per
// device it took most of a 60 s run on a shared 2-core machine. So the identity keys come
// from a pool of KEY_POOL keys made before the clock starts, each serving DEVICES / KEY_POOL
// devices. Device certificates (EC P-256), challenges, requests and issued certificates are
// still one per device.

import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { simulateEnrolment, type SimulationResult } from '../../../../electron/services/enrolment/index.ts';
import { generateKeys, type KeyPair } from '../../../../electron/services/pki/index.ts';
import { readLogFile, startTestServer, type TestServer } from './helpers.ts';

const DEVICES = 200;
const KEY_POOL = 25;
/** The whole run fails past this, so a hang cannot stall the suite. */
const BOUND_MS = 120_000;

describe('enrolment under load', () => {
  let test: TestServer;
  let keys: KeyPair[];

  beforeAll(async () => {
    test = await startTestServer({ provisioning: 'custom' });
    keys = await Promise.all(Array.from({ length: KEY_POOL }, () => generateKeys({ type: 'rsa', bits: 2048 })));
  }, 180_000);

  afterAll(() => test.cleanup());

  it(`enrols ${DEVICES} devices concurrently`, { timeout: BOUND_MS + 30_000 }, async () => {
    const anchors = [test.server.workspace.ca.certificateDer];
    const started = performance.now();
    const runs = Array.from({ length: DEVICES }, (_, index) =>
      simulateEnrolment({
        url: test.server.enrolUrl,
        trustAnchors: anchors,
        device: { udid: `LOAD-${String(index).padStart(4, '0')}`, product: index % 2 ? 'iPhone15,2' : 'iPad13,1' },
        identityKeys: keys[index % KEY_POOL],
      }).then(
        (result): SimulationResult | Error => result,
        (error: Error) => error,
      ),
    );
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<'timed out'>((resolve) => {
      timer = setTimeout(() => resolve('timed out'), BOUND_MS);
    });
    const outcome = await Promise.race([Promise.all(runs), bound]);
    clearTimeout(timer);
    const seconds = (performance.now() - started) / 1000;
    expect(outcome).not.toBe('timed out');

    const results = outcome as (SimulationResult | Error)[];
    const failures = results.filter((result): result is Error => result instanceof Error);
    expect(failures.map((failure) => failure.message)).toEqual([]);
    const enrolled = results as SimulationResult[];
    const requests = enrolled.reduce((sum, result) => sum + result.requestCount, 0);
    console.log(`${DEVICES} enrolments in ${seconds.toFixed(1)} s: ${(DEVICES / seconds).toFixed(1)} enrolments/s, ${(requests / seconds).toFixed(0)} requests/s`);

    // Every request has exactly one line in the log file, and none was rejected.
    await test.stop();
    const entries = readLogFile(path.join(test.dir, 'state', 'requests.log'));
    expect(entries).toHaveLength(requests);
    expect(new Set(entries.map((entry) => entry.requestId)).size).toBe(requests);
    expect(entries.filter((entry) => entry.status !== 200)).toEqual([]);
    expect(entries.filter((entry) => entry.decision === 'rejected' || entry.decision === 'failed')).toEqual([]);

    // The registry has each device once, with its own certificate.
    const devices = test.server.workspace.registry.devices();
    expect(devices).toHaveLength(DEVICES);
    expect(devices.every((device) => device.status === 'enrolled')).toBe(true);
    expect(new Set(devices.map((device) => device.certificateSerial)).size).toBe(DEVICES);
  });
});
