import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { EnrolmentLogEntry } from '../../../../shared/enrolment/log-entry.ts';
import { verify } from '../../../../electron/services/cms/index.ts';
import { EnrolmentService, EnrolmentServiceError, simulateEnrolment } from '../../../../electron/services/enrolment/index.ts';
import { CertificateAuthority, generateKeys, publicKeyInfoDer } from '../../../../electron/services/pki/index.ts';

describe('enrolment service', () => {
  let dir: string;
  let service: EnrolmentService;
  const forwarded: EnrolmentLogEntry[] = [];
  let signer: { certificate: Uint8Array; privateKey: import('node:crypto').KeyObject; chain: Uint8Array[] };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-service-'));
    const ca = await CertificateAuthority.create({ subject: [['CN', 'Admin CA']], key: { type: 'ec', curve: 'P-256' } });
    const keys = await generateKeys({ type: 'ec', curve: 'P-256' });
    const issued = ca.issue({ subject: [['CN', 'Admin signer']], publicKeyInfo: publicKeyInfoDer(keys.publicKey), kind: 'profile-signer' });
    signer = { certificate: issued.der, privateKey: keys.privateKey, chain: [ca.certificateDer] };
    service = new EnrolmentService({
      stateDir: path.join(dir, 'state'),
      resolveIdentity: (id) => (id === 'admin' ? signer : undefined),
      resolveDocument: () => undefined,
      onLogEntry: (entry) => forwarded.push(entry),
    });
  });

  afterAll(async () => {
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('explains the three types', () => {
    expect(service.explainTypes().map((explanation) => explanation.type)).toEqual(['none', 'auto', 'custom']);
  });

  it('creates an unsigned profile', () => {
    const result = service.createProfile({ url: 'http://127.0.0.1:8080/enrol', attributes: ['UDID', 'PRODUCT'] });
    expect(result.signed).toBe(false);
    expect(result.xml).toContain('<string>Profile Service</string>');
    expect(Buffer.from(result.bytes).toString('utf8')).toBe(result.xml);
  });

  it('creates a profile signed by an identity', () => {
    const result = service.createProfile({ url: 'http://127.0.0.1:8080/enrol', attributes: ['UDID'], signingIdentityId: 'admin' });
    expect(result.signed).toBe(true);
    const verified = verify(result.bytes, { systemRoots: false, anchors: [signer.chain[0]] });
    expect(verified.status).toBe('valid');
    expect(verified.signers[0].subject).toBe('CN=Admin signer');
  });

  it('rejects an unknown identity handle', () => {
    expect(() => service.createProfile({ url: 'http://127.0.0.1/e', attributes: ['UDID'], signingIdentityId: 'gone' })).toThrow(EnrolmentServiceError);
  });

  it('reports stopped before the start', () => {
    expect(service.status()).toMatchObject({ running: false, url: null, requestCount: 0 });
  });

  it('runs, forwards log entries and stops', async () => {
    const status = await service.start({ host: '127.0.0.1', port: 0, provisioning: 'custom', signingIdentityId: 'admin' });
    expect(status.running).toBe(true);
    expect(status.enrolUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/enrol$/);
    await expect(service.start({ host: '127.0.0.1', port: 0, provisioning: 'none' })).rejects.toThrow(/already runs/);

    const result = await simulateEnrolment({ url: status.enrolUrl!, trustAnchors: [signer.chain[0]], device: { udid: 'SERVICE-1' } });
    expect(result.phases.map((phase) => phase.summary).join('\n')).toContain('signed by CN=Admin signer (trusted)');
    expect(forwarded).toHaveLength(result.requestCount);
    expect(service.status()).toMatchObject({ requestCount: result.requestCount, deviceCount: 1 });
    expect(service.recentLog(2).map((entry) => entry.phase)).toEqual(['scep-request', 'final']);

    const stopped = await service.stop();
    expect(stopped.running).toBe(false);
  });

  it('reads devices from the file when stopped', async () => {
    const devices = await service.devices();
    expect(devices.map((device) => device.deviceId)).toEqual(['SERVICE-1']);
    expect((await service.devicesCsv()).split('\r\n')[1]).toMatch(/^SERVICE-1,enrolled,custom,/);
  });

  it('revokes a device on file', async () => {
    const device = await service.revoke('SERVICE-1');
    expect(device.status).toBe('revoked');
    expect((await service.devices())[0].revokedAt).toBe(device.revokedAt);
    await expect(service.revoke('nobody')).rejects.toThrow(/no device "nobody"/);
  });
});
