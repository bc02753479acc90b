// Dictionary checks: unknown keys with suggestions, keys in the wrong case, missing required keys,
// and keys that replace each other.

import { describe, expect, it } from 'vitest';
import { array, bool, dict, int, str, type PlistDict, type PlistValue } from '../../../shared/plist/model.ts';
import { validateProfile } from '../../../shared/validation/index.ts';
import { profileDict, summary } from './fixtures.ts';

function wifi(extra: [string, PlistValue][]): PlistDict {
  return dict([
    ['PayloadIdentifier', str('com.example.wifi')],
    ['PayloadType', str('com.apple.wifi.managed')],
    ['PayloadUUID', str('6D2F6A5B-9C1E-4E38-9A7B-3A1C5E0F2B11')],
    ['PayloadVersion', int(1)],
    ...extra,
  ]);
}

describe('unknown keys', () => {
  it('suggests a near spelling', () => {
    const diagnostics = validateProfile(profileDict([wifi([['SSID_STRR', str('Office')]])]));
    expect(summary(diagnostics)).toEqual(['warning unknown-key PayloadContent[0].SSID_STRR']);
    expect(diagnostics[0].message).toBe('Unknown key `SSID_STRR` for payload com.apple.wifi.managed; did you mean `SSID_STR`? Devices ignore keys they do not know.');
    expect(diagnostics[0].fix).toEqual({ kind: 'rename-key', path: 'PayloadContent[0].SSID_STRR', segments: ['PayloadContent', 0, 'SSID_STRR'], value: 'SSID_STR' });
  });

  it('no suggestion for a far name', () => {
    const diagnostics = validateProfile(profileDict([wifi([['CorporateColour', str('blue')]])]));
    expect(diagnostics[0].message).toBe('Unknown key `CorporateColour` for payload com.apple.wifi.managed; devices ignore keys they do not know. Check its spelling, or remove it.');
    expect(diagnostics[0].fix).toBeUndefined();
  });

  it('no suggestion when the known key is present', () => {
    const diagnostics = validateProfile(profileDict([wifi([['SSID_STR', str('Office')], ['SSID_STRR', str('Office')]])]));
    expect(diagnostics[0].fix).toBeUndefined();
  });

  it('optional key in the wrong case', () => {
    const diagnostics = validateProfile(profileDict([wifi([['ssid_str', str('Office')]])]));
    expect(summary(diagnostics)).toEqual(['warning key-case-mismatch PayloadContent[0].ssid_str']);
    expect(diagnostics[0].message).toContain('did you mean `SSID_STR`? Keys are case-sensitive, so devices ignore it.');
  });

  it('required key in the wrong case', () => {
    const payload = dict([
      ['PayloadIdentifier', str('com.example.wifi')],
      ['payloadtype', str('com.apple.wifi.managed')],
      ['PayloadUUID', str('6D2F6A5B-9C1E-4E38-9A7B-3A1C5E0F2B11')],
      ['PayloadVersion', int(1)],
    ]);
    const diagnostics = validateProfile(profileDict([payload]));
    expect(summary(diagnostics)).toEqual(['error key-case-mismatch PayloadContent[0].payloadtype']);
    expect(diagnostics[0].message).toContain('the required key `PayloadType` is missing');
  });

  it('keys of unknown payload types are not reported', () => {
    const payload = dict([
      ['PayloadIdentifier', str('com.example.x')],
      ['PayloadType', str('com.example.x')],
      ['PayloadUUID', str('6D2F6A5B-9C1E-4E38-9A7B-3A1C5E0F2B11')],
      ['PayloadVersion', int(1)],
      ['Whatever', str('x')],
    ]);
    expect(summary(validateProfile(profileDict([payload])))).toEqual(['info unknown-payload-type PayloadContent[0].PayloadType']);
  });
});

describe('required and replacing keys', () => {
  function tccEntry(entries: [string, PlistValue][]): PlistDict {
    return dict([
      ['Identifier', str('com.example.app')],
      ['IdentifierType', str('bundleID')],
      ['CodeRequirement', str('identifier "com.example.app"')],
      ...entries,
    ]);
  }

  function tcc(entry: PlistDict): PlistDict {
    return dict([
      ['PayloadIdentifier', str('com.example.tcc')],
      ['PayloadType', str('com.apple.TCC.configuration-profile-policy')],
      ['PayloadUUID', str('0B8E4C1A-6E2D-4F49-9A57-2C3D4E5F6A7B')],
      ['PayloadVersion', int(1)],
      ['Services', dict([['ScreenCapture', array([entry])]])],
    ]);
  }

  it('Authorization stands in for Allowed', () => {
    expect(validateProfile(profileDict([tcc(tccEntry([['Authorization', str('AllowStandardUserToSetSystemService')]]))]))).toEqual([]);
  });

  it('neither Allowed nor Authorization', () => {
    const diagnostics = validateProfile(profileDict([tcc(tccEntry([]))]));
    expect(summary(diagnostics)).toEqual(['error missing-key PayloadContent[0].Services.ScreenCapture[0].Allowed']);
    expect(diagnostics[0].message).toBe('Required key `Allowed` (or `Authorization`) is missing; add it (a boolean).');
  });

  it('both Allowed and Authorization', () => {
    const entry = tccEntry([
      ['Authorization', str('Deny')],
      ['Allowed', bool(false)],
    ]);
    expect(summary(validateProfile(profileDict([tcc(entry)])))).toEqual(['error exclusive-keys PayloadContent[0].Services.ScreenCapture[0].Allowed']);
  });

  it('unknown TCC service name', () => {
    const payload = dict([
      ['PayloadIdentifier', str('com.example.tcc')],
      ['PayloadType', str('com.apple.TCC.configuration-profile-policy')],
      ['PayloadUUID', str('0B8E4C1A-6E2D-4F49-9A57-2C3D4E5F6A7B')],
      ['PayloadVersion', int(1)],
      ['Services', dict([['ScreenCaputre', array([])]])],
    ]);
    const diagnostics = validateProfile(profileDict([payload]));
    expect(summary(diagnostics)).toEqual(['warning unknown-key PayloadContent[0].Services.ScreenCaputre']);
    expect(diagnostics[0].fix).toMatchObject({ kind: 'rename-key', value: 'ScreenCapture' });
  });
});
