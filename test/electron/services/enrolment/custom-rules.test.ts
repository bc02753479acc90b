// Custom provisioning on 127.0.0.1: each rule violation is rejected with its reason, in the
// reply and in the log, and the device certificate is checked on every later request.

import http from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildDeviceAttributes } from '../../../../shared/enrolment/device-response.ts';
import { writePlist } from '../../../../shared/plist/index.ts';
import { sign } from '../../../../electron/services/cms/index.ts';
import { simulateEnrolment, SimulatorError, type SimulationResult, type SimulatorOptions } from '../../../../electron/services/enrolment/index.ts';
import { enrolWithScep } from '../../../../electron/services/enrolment/scep/client.ts';
import { CertificateAuthority, generateKeys, publicKeyInfoDer } from '../../../../electron/services/pki/index.ts';
import { startTestServer, type TestServer } from './helpers.ts';

/** Posts signed attributes and returns the status and the reason text. */
function post(url: string, body: Uint8Array): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/pkcs7-signature', 'content-length': body.length } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('latin1') }));
    });
    request.on('error', reject);
    request.end(Buffer.from(body));
  });
}

/** Runs the simulator and returns the error it stops with. */
async function rejection(options: SimulatorOptions): Promise<SimulatorError> {
  try {
    await simulateEnrolment(options);
  } catch (error) {
    if (error instanceof SimulatorError) return error;
    throw error;
  }
  throw new Error('the enrolment was expected to be rejected, and it succeeded');
}

describe('custom provisioning rules', () => {
  let test: TestServer;
  let anchors: Uint8Array[];
  const lastEntry = () => test.server.log.recent(1)[0];

  beforeAll(async () => {
    test = await startTestServer({ provisioning: 'custom', rules: { products: ['iPhone*'], minVersion: '16.0', maxVersion: '17.9', minRsaBits: 2048, requireDeviceCa: false, challengeLifetimeMinutes: 10 } });
    anchors = [test.server.workspace.ca.certificateDer];
  });

  afterAll(async () => {
    await test.stop();
    test.cleanup();
  });

  const options = (change: Partial<SimulatorOptions> = {}): SimulatorOptions => ({ url: test.server.enrolUrl, trustAnchors: anchors, ...change });

  it('rejects a challenge it never issued', async () => {
    const error = await rejection(options({ challenge: 'made-up-challenge' }));
    expect(error.phase).toBe('attributes');
    expect(error.status).toBe(403);
    expect(error.reason).toContain('the CHALLENGE was not issued by this server');
    expect(lastEntry()).toMatchObject({ phase: 'attributes', status: 403, decision: 'rejected' });
    expect(lastEntry().reason).toContain('not issued by this server');
  });

  it('rejects a replayed request', async () => {
    const first = await simulateEnrolment(options());
    const replay = await post(test.server.enrolUrl, first.attributesRequest);
    expect(replay.status).toBe(403);
    expect(replay.text).toMatch(/^the CHALLENGE was already used at \d{4}-/);
    expect(lastEntry()).toMatchObject({ phase: 'attributes', status: 403, decision: 'rejected', deviceId: first.deviceId });
  });

  it('rejects a reused challenge', async () => {
    const first = await simulateEnrolment(options());
    const text = Buffer.from(first.enrolmentProfile).toString('latin1');
    const challenge = /<key>Challenge<\/key>\s*<string>([^<]+)<\/string>/.exec(text)?.[1];
    expect(challenge).toBeDefined();
    const error = await rejection(options({ challenge }));
    expect(error.status).toBe(403);
    expect(error.reason).toContain('already used');
  });

  it('rejects a disallowed product', async () => {
    const error = await rejection(options({ device: { product: 'iPad13,1' } }));
    expect(error.status).toBe(403);
    expect(error.reason).toBe('rule product: product iPad13,1 is not allowed; allowed: iPhone*');
    expect(lastEntry().reason).toBe('rule product: product iPad13,1 is not allowed; allowed: iPhone*');
  });

  it('rejects an old OS version', async () => {
    const error = await rejection(options({ device: { version: '15.7.1' } }));
    expect(error.reason).toBe('rule version: OS version 15.7.1 is below the minimum 16.0');
  });

  it('rejects a newer OS version', async () => {
    const error = await rejection(options({ device: { version: '18.0' } }));
    expect(error.reason).toBe('rule version: OS version 18.0 is above the maximum 17.9');
  });

  it('rejects a weak identity key', async () => {
    const error = await rejection(options({ identityKeyBits: 1024 }));
    expect(error.phase).toBe('scep-request');
    expect(error.reason).toContain('failInfo badRequest');
    expect(error.reason).toContain('rule key-size: the RSA key has 1024 bits, below the minimum of 2048');
    expect(lastEntry()).toMatchObject({ phase: 'scep-request', status: 200, decision: 'rejected' });
    expect(lastEntry().reason).toBe('rule key-size: the RSA key has 1024 bits, below the minimum of 2048');
  });

  it('rejects an EC identity key', async () => {
    const error = await rejection(options({ identityKeys: await generateKeys({ type: 'ec', curve: 'P-256' }) }));
    expect(error.phase).toBe('scep-request');
    expect(error.reason).toContain('failInfo badAlg');
    expect(lastEntry().reason).toContain('no RSA key');
  });

  it('rejects a request subject other than the profile', async () => {
    const ticket = test.server.workspace.registry.issueScepTicket('SUBJECT-TEST', [['O', 'Mobileconfig Studio'], ['CN', 'SUBJECT-TEST']], 60_000, new Date());
    const error = await enrolWithScep({ url: test.server.scepUrl, subject: [['CN', 'someone-else']], challenge: ticket, keyBits: 2048 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SimulatorError);
    expect((error as SimulatorError).reason).toContain('rule subject: the request subject CN=someone-else differs from CN=SUBJECT-TEST,O=Mobileconfig Studio');
  });

  it('rejects an expired SCEP challenge', async () => {
    const ticket = test.server.workspace.registry.issueScepTicket('EXPIRED-TEST', [['CN', 'EXPIRED-TEST']], -1, new Date());
    const error = await enrolWithScep({ url: test.server.scepUrl, subject: [['CN', 'EXPIRED-TEST']], challenge: ticket, keyBits: 2048 }).catch((caught: unknown) => caught);
    expect((error as SimulatorError).reason).toContain('the SCEP challenge has expired');
  });

  describe('later requests', () => {
    let deviceA: SimulationResult;
    let deviceB: SimulationResult;

    beforeAll(async () => {
      deviceA = await simulateEnrolment(options({ device: { udid: 'LATER-A' } }));
      deviceB = await simulateEnrolment(options({ device: { udid: 'LATER-B' } }));
    });

    it('serves the final profile again', async () => {
      const again = await post(test.server.enrolUrl, deviceA.finalRequest!);
      expect(again.status).toBe(200);
      expect(test.server.workspace.registry.device('LATER-A')?.requestCount).toBeGreaterThanOrEqual(4);
    });

    it('rejects another device identity', async () => {
      const identityA = { certificate: deviceA.scep!.certificate.raw, privateKey: deviceA.scep!.privateKey, chain: [] };
      const forged = sign(writePlist(buildDeviceAttributes(deviceB.attributes), 'xml'), identityA).der;
      const reply = await post(test.server.enrolUrl, forged);
      expect(reply.status).toBe(403);
      expect(reply.text.trim()).toBe('the request claims device LATER-B but is signed with the identity of device LATER-A');
      expect(lastEntry()).toMatchObject({ phase: 'final', status: 403, decision: 'rejected', deviceId: 'LATER-B' });
    });

    it('rejects a revoked device', async () => {
      expect(test.server.workspace.registry.revoke('LATER-B', new Date())).toBe(true);
      const reply = await post(test.server.enrolUrl, deviceB.finalRequest!);
      expect(reply.status).toBe(403);
      expect(reply.text).toMatch(/^the identity of device LATER-B was revoked at /);
      const again = await rejection(options({ device: { udid: 'LATER-B' } }));
      expect(again.reason).toMatch(/^device LATER-B was revoked at /);
    });
  });
});

describe('device CA rule', () => {
  let test: TestServer;
  let deviceCa: CertificateAuthority;

  beforeAll(async () => {
    deviceCa = await CertificateAuthority.create({ subject: [['CN', 'Test Device CA']], key: { type: 'ec', curve: 'P-256' } });
    test = await startTestServer({
      provisioning: 'custom',
      rules: { products: [], minRsaBits: 2048, requireDeviceCa: true, challengeLifetimeMinutes: 10 },
      deviceCaCertificates: [deviceCa.certificateDer],
    });
  });

  afterAll(async () => {
    await test.stop();
    test.cleanup();
  });

  it('accepts a device certificate from the CA', async () => {
    const keys = await generateKeys({ type: 'ec', curve: 'P-256' });
    const issued = deviceCa.issue({ subject: [['CN', 'Real-ish device']], publicKeyInfo: publicKeyInfoDer(keys.publicKey), kind: 'device-identity' });
    const result = await simulateEnrolment({ url: test.server.enrolUrl, device: { udid: 'CA-DEVICE-1' }, deviceIdentity: { certificate: issued.der, privateKey: keys.privateKey, chain: [] } });
    expect(result.scep).toBeDefined();
    expect(test.server.workspace.registry.device('CA-DEVICE-1')?.deviceCaTrusted).toBe(true);
    expect(test.server.log.recent().find((entry) => entry.phase === 'attributes')?.reason).toContain('signer chains to a device CA');
  });

  it('rejects a self-made device certificate', async () => {
    const error = await rejection({ url: test.server.enrolUrl, device: { udid: 'CA-DEVICE-2' } });
    expect(error.status).toBe(403);
    expect(error.reason).toBe('rule device-ca: the device certificate does not chain to a device CA the administrator supplied');
  });
});
