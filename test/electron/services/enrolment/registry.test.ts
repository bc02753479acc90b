import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DeviceRegistry, EnrolmentServiceError } from '../../../../electron/services/enrolment/index.ts';
import { tokenDigest } from '../../../../electron/services/enrolment/tokens.ts';

const NOW = new Date('2026-03-01T10:00:00Z');
const later = (minutes: number): Date => new Date(NOW.getTime() + minutes * 60_000);

describe('device registry', () => {
  let dir: string;
  let counter = 0;
  const file = (): string => path.join(dir, `registry-${++counter}.json`);

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-registry-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts empty without a file', async () => {
    const registry = await DeviceRegistry.open(file());
    expect(registry.devices()).toEqual([]);
  });

  it('records first and last sight', async () => {
    const registry = await DeviceRegistry.open(file());
    registry.recordRequest('U1', { attributes: { UDID: 'U1' }, provisioning: 'auto' }, NOW);
    const device = registry.recordRequest('U1', { provisioning: 'auto', status: 'identity-issued', certificate: { serial: 'ab', subject: 'CN=U1', notAfter: '2027-01-01T00:00:00.000Z' } }, later(5));
    expect(device).toMatchObject({ firstSeen: NOW.toISOString(), lastSeen: later(5).toISOString(), requestCount: 2, status: 'identity-issued', certificateSerial: 'ab', issuedAt: later(5).toISOString() });
    expect(device.attributes).toEqual({ UDID: 'U1' });
    expect(registry.deviceByCertificateSerial('ab')?.deviceId).toBe('U1');
  });

  it('uses a challenge once', async () => {
    const registry = await DeviceRegistry.open(file());
    const challenge = registry.issueChallenge(60_000, NOW);
    expect(registry.consumeChallenge(challenge, 'U1', later(0.5))).toEqual({ ok: true, value: null });
    expect(registry.consumeChallenge(challenge, 'U2', later(0.6))).toEqual({ ok: false, problem: 'used', usedAt: later(0.5).toISOString() });
  });

  it('rejects unknown and expired challenges', async () => {
    const registry = await DeviceRegistry.open(file());
    const challenge = registry.issueChallenge(60_000, NOW);
    expect(registry.consumeChallenge('never-issued', 'U1', NOW)).toEqual({ ok: false, problem: 'unknown' });
    expect(registry.consumeChallenge(challenge, 'U1', later(2))).toEqual({ ok: false, problem: 'expired' });
    expect(registry.consumeChallenge(challenge, 'U1', later(3))).toMatchObject({ ok: false, problem: 'used' });
  });

  it('binds a SCEP challenge to its device', async () => {
    const registry = await DeviceRegistry.open(file());
    const ticket = registry.issueScepTicket('U9', [['CN', 'U9']], 60_000, NOW);
    expect(registry.consumeScepTicket(ticket, NOW)).toEqual({ ok: true, value: { deviceId: 'U9', subject: [['CN', 'U9']] } });
    expect(registry.consumeScepTicket(ticket, NOW)).toMatchObject({ ok: false, problem: 'used' });
  });

  it('stores digests, not challenges', async () => {
    const target = file();
    const registry = await DeviceRegistry.open(target);
    const challenge = registry.issueChallenge(60_000, NOW);
    const ticket = registry.issueScepTicket('U1', [['CN', 'U1']], 60_000, NOW);
    await registry.flush();
    const text = readFileSync(target, 'utf8');
    expect(text).not.toContain(challenge);
    expect(text).not.toContain(ticket);
    expect(text).toContain(tokenDigest(challenge));
  });

  it('writes every change once flushed', async () => {
    const target = file();
    const registry = await DeviceRegistry.open(target);
    for (let i = 0; i < 200; i++) registry.recordRequest(`D${i}`, { attributes: { UDID: `D${i}` }, provisioning: 'custom' }, NOW);
    await registry.flush();
    const reopened = await DeviceRegistry.open(target);
    expect(reopened.devices()).toHaveLength(200);
    expect(reopened.device('D199')?.attributes).toEqual({ UDID: 'D199' });
  });

  it('keeps challenge state across reopening', async () => {
    const target = file();
    const registry = await DeviceRegistry.open(target);
    const challenge = registry.issueChallenge(60_000, NOW);
    registry.consumeChallenge(challenge, 'U1', NOW);
    await registry.flush();
    const reopened = await DeviceRegistry.open(target);
    expect(reopened.consumeChallenge(challenge, 'U2', NOW)).toMatchObject({ ok: false, problem: 'used' });
  });

  it('revokes a known device only', async () => {
    const registry = await DeviceRegistry.open(file());
    registry.recordRequest('U1', { provisioning: 'custom' }, NOW);
    expect(registry.revoke('U1', later(1))).toBe(true);
    expect(registry.revoke('nobody', later(1))).toBe(false);
    expect(registry.device('U1')).toMatchObject({ status: 'revoked', revokedAt: later(1).toISOString() });
    registry.recordRequest('U1', { provisioning: 'custom' }, later(2));
    expect(registry.device('U1')?.revokedAt).toBe(later(1).toISOString());
  });

  it('drops finished tokens after a day', async () => {
    const target = file();
    const registry = await DeviceRegistry.open(target);
    const old = registry.issueChallenge(60_000, NOW);
    registry.issueChallenge(60_000, later(25 * 60));
    await registry.flush();
    expect(readFileSync(target, 'utf8')).not.toContain(tokenDigest(old));
  });

  it.each([
    ['invalid JSON', '{'],
    ['a foreign format', '{"format": "other"}'],
    ['a newer version', '{"format": "mobileconfig-enrolment-registry", "version": 2, "devices": [], "challenges": [], "scepTickets": []}'],
    ['a device without id', '{"format": "mobileconfig-enrolment-registry", "version": 1, "devices": [{}], "challenges": [], "scepTickets": []}'],
  ])('rejects %s', async (_name, text) => {
    const target = file();
    writeFileSync(target, text);
    const error = await DeviceRegistry.open(target).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EnrolmentServiceError);
    expect((error as EnrolmentServiceError).message).toContain(target);
    expect((error as EnrolmentServiceError).message).toContain('move it away');
  });

  it.skipIf(process.platform === 'win32')('rejects an endless file', async () => {
    const target = file();
    symlinkSync('/dev/zero', target);
    const error = await DeviceRegistry.open(target).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EnrolmentServiceError);
    expect((error as EnrolmentServiceError).message).toContain(`${target} is longer than 268435456 bytes`);
    expect((error as EnrolmentServiceError).message).toContain('move it away');
  });

  it('reports a failed write', async () => {
    const errors: unknown[] = [];
    const registry = await DeviceRegistry.open(path.join(dir, 'missing-folder', 'registry.json'), (error) => errors.push(error));
    registry.recordRequest('U1', { provisioning: 'auto' }, NOW);
    await expect(registry.flush()).rejects.toThrow(/folder does not exist/);
    expect(errors).toHaveLength(1);
  });
});
