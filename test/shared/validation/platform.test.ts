// Platform, OS version and supervision findings for payloads and keys.

import { describe, expect, it } from 'vitest';
import { bool, data, dict, int, str, type PlistDict, type PlistValue } from '../../../shared/plist/model.ts';
import { compareVersions, parseOsVersion, validateProfile, ValidationOptionsError } from '../../../shared/validation/index.ts';
import { profileDict, summary } from './fixtures.ts';

const profile = (...payloads: PlistDict[]): PlistDict => profileDict(payloads);

function payload(type: string, entries: [string, PlistValue][], uuid = '6D2F6A5B-9C1E-4E38-9A7B-3A1C5E0F2B11'): PlistDict {
  return dict([['PayloadIdentifier', str(`com.example.${type}`)], ['PayloadType', str(type)], ['PayloadUUID', str(uuid)], ['PayloadVersion', int(1)], ...entries]);
}

const identity = payload('com.apple.security.pkcs12', [['PayloadContent', data(new Uint8Array([0x30]))]], '0B8E4C1A-6E2D-4F49-9A57-2C3D4E5F6A7B');

const dock = payload('com.apple.dock', [['autohide', bool(true)]]);
const restrictions = payload('com.apple.applicationaccess', [['allowAirDrop', bool(false)]]);
const mdm = payload('com.apple.mdm', [
  ['IdentityCertificateUUID', str('0B8E4C1A-6E2D-4F49-9A57-2C3D4E5F6A7B')],
  ['Topic', str('com.apple.mgmt.External.x')],
  ['ServerURL', str('https://127.0.0.1/mdm')],
  ['ManagedAppleID', str('alex@example.com')],
]);

describe('platform findings', () => {
  it('none without a platform', () => {
    expect(validateProfile(profile(dock))).toEqual([]);
  });

  it('macOS payload on iOS', () => {
    const diagnostics = validateProfile(profile(dock), { platform: 'iOS' });
    expect(summary(diagnostics)).toEqual(['warning unsupported-platform PayloadContent[0].PayloadType']);
    expect(diagnostics[0].message).toBe('Payload type `com.apple.dock` is not supported on iOS; remove it or choose another target platform.');
  });

  it('supervised-only key', () => {
    expect(summary(validateProfile(profile(restrictions), { platform: 'iOS' }))).toEqual(['info requires-supervision PayloadContent[0].allowAirDrop']);
  });

  it('key newer than the OS', () => {
    const diagnostics = validateProfile(profile(restrictions), { platform: 'iOS', osVersion: '6.1' });
    expect(summary(diagnostics)).toEqual(['warning not-yet-available PayloadContent[0].allowAirDrop', 'info requires-supervision PayloadContent[0].allowAirDrop']);
    expect(diagnostics[0].message).toBe('Key `allowAirDrop` needs iOS 7.0 or later; devices on iOS 6.1 ignore it.');
  });

  it('deprecated and removed keys', () => {
    expect(summary(validateProfile(profile(identity, mdm), { platform: 'iOS', osVersion: '17.4', willEncrypt: true }))).toEqual(['warning deprecated-in-version PayloadContent[1].ManagedAppleID']);
    expect(summary(validateProfile(profile(identity, mdm), { platform: 'iOS', osVersion: '18', willEncrypt: true }))).toEqual(['warning removed-in-version PayloadContent[1].ManagedAppleID']);
    expect(validateProfile(profile(identity, mdm), { platform: 'iOS', osVersion: '16.0', willEncrypt: true })).toEqual([]);
  });

  it('MDM-only payload', () => {
    const tcc = payload('com.apple.TCC.configuration-profile-policy', [['Services', dict([])]]);
    expect(summary(validateProfile(profile(tcc), { platform: 'macOS' }))).toEqual(['info manual-install-not-allowed PayloadContent[0].PayloadType']);
  });

  it('rejects an unusable OS version', () => {
    expect(() => validateProfile(profile(dock), { platform: 'macOS', osVersion: 'Sonoma' })).toThrow(ValidationOptionsError);
  });
});

describe('OS versions', () => {
  it('parses dotted numbers', () => {
    expect(parseOsVersion('10.13.4')).toEqual([10, 13, 4]);
    expect(parseOsVersion('14')).toEqual([14]);
    expect(parseOsVersion('14.x')).toBeUndefined();
  });

  it('compares by component', () => {
    expect(compareVersions([10, 9], [10, 13, 4])).toBeLessThan(0);
    expect(compareVersions([14], [14, 0])).toBe(0);
    expect(compareVersions([15, 1], [15])).toBeGreaterThan(0);
  });
});
