import { describe, expect, it } from 'vitest';
import { array, data, date, dict, str, type PlistDict, type PlistValue } from '../../../shared/plist/model.ts';
import { classifyPlist } from '../../../shared/profile/classify.ts';
import { isProvisioningProfile } from '../../../shared/provisioning/detect.ts';

// The keys of every provisioning profile, as TN3125 lists them, with placeholder values.
function provisioningRoot(omit: string[] = []): PlistDict {
  const entries: [string, PlistValue][] = [
    ['AppIDName', str('Example')],
    ['ApplicationIdentifierPrefix', array([str('TEAM123456')])],
    ['DeveloperCertificates', array([data(new Uint8Array([0x30, 0x00]))])],
    ['ExpirationDate', date(Date.parse('2027-01-01T00:00:00Z'))],
    ['TeamIdentifier', array([str('TEAM123456')])],
    ['UUID', str('6F1A2B3C-0001-4D5E-8F90-A1B2C3D4E5F6')],
  ];
  return dict(entries.filter(([key]) => !omit.includes(key)));
}

describe('isProvisioningProfile', () => {
  it('accepts the classic key set', () => {
    expect(isProvisioningProfile(provisioningRoot())).toBe(true);
  });

  it('accepts a prefix without TeamIdentifier', () => {
    expect(isProvisioningProfile(provisioningRoot(['TeamIdentifier']))).toBe(true);
  });

  it('rejects a root without any team key', () => {
    expect(isProvisioningProfile(provisioningRoot(['TeamIdentifier', 'ApplicationIdentifierPrefix']))).toBe(false);
  });

  for (const key of ['DeveloperCertificates', 'UUID', 'ExpirationDate']) {
    it(`rejects a root without ${key}`, () => {
      expect(isProvisioningProfile(provisioningRoot([key]))).toBe(false);
    });
  }

  it('rejects an ExpirationDate string', () => {
    const root = dict([...provisioningRoot(['ExpirationDate']).entries.map((e) => [e.key, e.value] as const), ['ExpirationDate', str('2027-01-01')]]);
    expect(isProvisioningProfile(root)).toBe(false);
  });
});

describe('classifyPlist provisioning', () => {
  it('classifies the key set as provisioning', () => {
    expect(classifyPlist(provisioningRoot())).toBe('provisioning');
  });

  it('keeps a profile with the same keys a profile', () => {
    const root = dict([...provisioningRoot().entries.map((e) => [e.key, e.value] as const), ['PayloadType', str('Configuration')]]);
    expect(classifyPlist(root)).toBe('profile');
  });
});
