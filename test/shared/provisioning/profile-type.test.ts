import { describe, expect, it } from 'vitest';
import { deriveProfileType, type TypeEvidence } from '../../../shared/provisioning/profile-type.ts';

const base: TypeEvidence = { provisionsAllDevices: false, hasDeviceList: false, deviceCount: 0, getTaskAllow: false, platforms: ['iOS'] };

describe('deriveProfileType', () => {
  // Expected types from the key combinations Apple's technote TN3125 describes per profile kind.
  const cases: [string, Partial<TypeEvidence>, string][] = [
    ['devices and get-task-allow', { hasDeviceList: true, deviceCount: 3, getTaskAllow: true }, 'development'],
    ['devices without get-task-allow', { hasDeviceList: true, deviceCount: 2 }, 'ad-hoc'],
    ['no devices', {}, 'app-store'],
    ['all devices on iOS', { provisionsAllDevices: true }, 'enterprise'],
    ['all devices without a platform', { provisionsAllDevices: true, platforms: [] }, 'enterprise'],
    ['all devices on macOS only', { provisionsAllDevices: true, platforms: ['OSX'] }, 'developer-id'],
    ['all devices on macOS and iOS', { provisionsAllDevices: true, platforms: ['OSX', 'iOS'] }, 'enterprise'],
    ['empty device list', { hasDeviceList: true, deviceCount: 0 }, 'ad-hoc'],
  ];

  for (const [label, evidence, expected] of cases) {
    it(`types ${label} as ${expected}`, () => {
      expect(deriveProfileType({ ...base, ...evidence }).type).toBe(expected);
    });
  }

  it('warns on get-task-allow without devices', () => {
    const derived = deriveProfileType({ ...base, getTaskAllow: true });
    expect(derived.type).toBe('development');
    expect(derived.warnings).toHaveLength(1);
    expect(derived.warnings[0]).toMatch(/no ProvisionedDevices/);
  });

  it('warns on all devices with a device list', () => {
    const derived = deriveProfileType({ ...base, provisionsAllDevices: true, hasDeviceList: true, deviceCount: 1 });
    expect(derived.type).toBe('enterprise');
    expect(derived.warnings[0]).toMatch(/also lists 1 device in ProvisionedDevices/);
  });

  it('gives no warning for consistent keys', () => {
    expect(deriveProfileType({ ...base, hasDeviceList: true, deviceCount: 1, getTaskAllow: true }).warnings).toEqual([]);
  });
});
