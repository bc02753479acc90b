import { describe, expect, it } from 'vitest';
import { array, bool, data, date, dict, int, str, type PlistValue } from '../../../shared/plist/model.ts';
import { ProvisioningError } from '../../../shared/provisioning/errors.ts';
import { parseProvisioningProfile } from '../../../shared/provisioning/parse.ts';

const now = new Date('2026-03-01T12:00:00Z');

// A minimal profile built in code; the generated, signed profiles are tested in open.test.ts.
function root(extra: [string, PlistValue][] = [], certificates: PlistValue[] = []) {
  return dict([
    ['DeveloperCertificates', array(certificates)],
    ['ExpirationDate', date(Date.parse('2026-03-11T12:00:00Z'))],
    ['TeamIdentifier', array([str('TEAM123456')])],
    ['UUID', str('6F1A2B3C-0009-4D5E-8F90-A1B2C3D4E5F6')],
    ...extra,
  ]);
}

describe('parseProvisioningProfile', () => {
  it('rejects a root without the keys', () => {
    expect(() => parseProvisioningProfile(dict([['Name', str('x')]]), { now, file: 'x.mobileprovision' })).toThrow(ProvisioningError);
  });

  it('warns about an empty certificate list', () => {
    const { facts, warnings } = parseProvisioningProfile(root(), { now });
    expect(facts.certificates).toEqual([]);
    expect(facts.allCertificatesExpired).toBe(false);
    expect(warnings).toContain('DeveloperCertificates is empty: nobody can sign an app with this profile');
  });

  it('skips unreadable certificates with warnings', () => {
    const { facts, warnings } = parseProvisioningProfile(root([], [str('not data'), data(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))]), { now });
    expect(facts.certificates).toEqual([]);
    expect(warnings).toContain('DeveloperCertificates[0] is string, not data; it was skipped');
    expect(warnings.some((w) => w.startsWith('DeveloperCertificates[1] is not a readable X.509 certificate'))).toBe(true);
  });

  it('warns about a missing Entitlements dictionary', () => {
    const { facts, warnings } = parseProvisioningProfile(root(), { now });
    expect(facts.appId).toBeUndefined();
    expect(facts.entitlements).toEqual({});
    expect(warnings).toContain('the profile has no Entitlements dictionary, so its App ID is unknown');
  });

  it('ignores keys of the wrong type', () => {
    const entitlements = dict([['application-identifier', str('TEAM123456.com.example.x')], ['get-task-allow', int(1)]]);
    const { facts, warnings } = parseProvisioningProfile(root([['Platform', str('iOS')], ['Entitlements', entitlements], ['TimeToLive', str('10')]]), { now });
    expect(facts.platforms).toEqual([]);
    expect(facts.getTaskAllow).toBe(false);
    expect(facts.timeToLive).toBeUndefined();
    expect(warnings).toContain('Platform is string, expected array; it was ignored');
    expect(warnings).toContain('Entitlements.get-task-allow is integer, expected boolean; it was ignored');
    expect(warnings).toContain('TimeToLive is string, expected integer; it was ignored');
  });

  it('skips non-string devices', () => {
    const { facts, warnings } = parseProvisioningProfile(root([['ProvisionedDevices', array([str('00008030-001544522E60802E'), int(7)])]]), { now });
    expect(facts.devices).toEqual(['00008030-001544522E60802E']);
    expect(facts.type).toBe('ad-hoc');
    expect(warnings).toContain('ProvisionedDevices[1] is integer, expected string; it was ignored');
  });

  it('reads the macOS get-task-allow', () => {
    const entitlements = dict([['com.apple.application-identifier', str('TEAM123456.com.example.mac')], ['com.apple.security.get-task-allow', bool(true)]]);
    const { facts } = parseProvisioningProfile(root([['Entitlements', entitlements], ['ProvisionedDevices', array([])]]), { now });
    expect(facts.appId).toBe('TEAM123456.com.example.mac');
    expect(facts.bundleId).toBe('com.example.mac');
    expect(facts.type).toBe('development');
  });

  it('warns when created after expiry', () => {
    const { warnings } = parseProvisioningProfile(root([['CreationDate', date(Date.parse('2026-04-01T00:00:00Z'))]]), { now });
    expect(warnings).toContain('CreationDate 2026-04-01T00:00:00Z is after ExpirationDate 2026-03-11T12:00:00Z');
  });
});
