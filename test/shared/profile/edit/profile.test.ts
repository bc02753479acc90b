import { describe, expect, it } from 'vitest';

import { dictGetString, str, type PlistDict } from '../../../../shared/plist/model.ts';
import { builtinSchemas } from '../../../../shared/schema/index.ts';
import { getAt } from '../../../../shared/profile/edit/paths.ts';
import {
  addPayload,
  duplicatePayload,
  isProfileService,
  makeProfileService,
  movePayload,
  newPayload,
  newProfile,
  payloadsOf,
  removePayload,
} from '../../../../shared/profile/edit/profile.ts';
import { randomUuid } from '../../../../renderer/model/uuid.ts';

const UUID_A = '6E1C4B8A-0D3F-4C9E-8B2A-1F5D7E9C0A11';
const UUID_B = '0B6F2D4E-8A1C-4E3B-9D5F-7C2A4E6B8D22';
const UUID_C = 'C3A5E7F9-1B2D-4F6A-8C0E-2D4F6A8C0E33';

describe('randomUuid', () => {
  it('makes upper-case version 4 UUIDs', () => {
    const uuid = randomUuid();
    expect(uuid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(randomUuid()).not.toBe(uuid);
  });
});

describe('newProfile', () => {
  it('has the required top-level keys', () => {
    const profile = newProfile(UUID_A);
    expect(profile.entries.map((e) => e.key)).toEqual([
      'PayloadContent',
      'PayloadDisplayName',
      'PayloadIdentifier',
      'PayloadRemovalDisallowed',
      'PayloadType',
      'PayloadUUID',
      'PayloadVersion',
    ]);
    expect(dictGetString(profile, 'PayloadType')).toBe('Configuration');
    expect(dictGetString(profile, 'PayloadUUID')).toBe(UUID_A);
    expect(dictGetString(profile, 'PayloadIdentifier')).toBe(`com.example.profile.${UUID_A}`);
  });
});

describe('newPayload', () => {
  it('fills identity and required keys', () => {
    const wifi = builtinSchemas().get('com.apple.wifi.managed');
    expect(wifi).toBeDefined();
    const payload = newPayload(wifi!, UUID_B, 'com.example.profile');
    expect(dictGetString(payload, 'PayloadType')).toBe('com.apple.wifi.managed');
    expect(dictGetString(payload, 'PayloadIdentifier')).toBe(`com.example.profile.com.apple.wifi.managed.${UUID_B}`);
    expect(dictGetString(payload, 'PayloadUUID')).toBe(UUID_B);
    const required = wifi!.keys.filter((k) => k.presence === 'required').map((k) => k.name);
    for (const key of required) expect(payload.entries.some((e) => e.key === key)).toBe(true);
  });
});

describe('payload list edits', () => {
  const withTwo = () => {
    const wifi = builtinSchemas().get('com.apple.wifi.managed')!;
    const dns = builtinSchemas().get('com.apple.dnsSettings.managed')!;
    let root = addPayload(newProfile(UUID_A), newPayload(wifi, UUID_B, 'p'));
    root = addPayload(root, newPayload(dns, UUID_C, 'p'));
    return root;
  };

  it('adds in order', () => {
    expect(payloadsOf(withTwo()).map((p) => dictGetString(p.payload, 'PayloadUUID'))).toEqual([UUID_B, UUID_C]);
  });

  it('duplicates with a fresh UUID and identifier', () => {
    const copy = '9F8E7D6C-5B4A-4392-8170-6F5E4D3C2B44';
    const root = duplicatePayload(withTwo(), 0, copy);
    const payloads = payloadsOf(root);
    expect(payloads).toHaveLength(3);
    expect(dictGetString(payloads[1].payload, 'PayloadUUID')).toBe(copy);
    expect(dictGetString(payloads[1].payload, 'PayloadIdentifier')).toBe(`p.com.apple.wifi.managed.${copy}`);
    expect(dictGetString(payloads[1].payload, 'PayloadType')).toBe('com.apple.wifi.managed');
  });

  it('suffixes identifiers without the UUID', () => {
    const root = addPayload(newProfile(UUID_A), { kind: 'dict', entries: [{ key: 'PayloadIdentifier', value: str('com.example.wifi') }, { key: 'PayloadUUID', value: str(UUID_B) }] });
    const once = duplicatePayload(root, 0, UUID_C);
    const twice = duplicatePayload(once, 0, '9F8E7D6C-5B4A-4392-8170-6F5E4D3C2B44');
    expect(payloadsOf(twice).map((p) => dictGetString(p.payload, 'PayloadIdentifier'))).toEqual(['com.example.wifi', 'com.example.wifi.copy2', 'com.example.wifi.copy']);
  });

  it('removes and reorders', () => {
    expect(payloadsOf(removePayload(withTwo(), 0)).map((p) => dictGetString(p.payload, 'PayloadUUID'))).toEqual([UUID_C]);
    expect(payloadsOf(movePayload(withTwo(), 1, 0)).map((p) => dictGetString(p.payload, 'PayloadUUID'))).toEqual([UUID_C, UUID_B]);
  });
});

describe('makeProfileService', () => {
  it('turns an empty profile into an enrolment profile', () => {
    const root = makeProfileService(newProfile(UUID_A)) as PlistDict;
    expect(isProfileService(root)).toBe(true);
    expect(getAt(root, ['PayloadContent', 'URL'])).toEqual(str(''));
    expect(getAt(root, ['PayloadContent', 'DeviceAttributes'])).toEqual({ kind: 'array', items: [str('UDID'), str('PRODUCT'), str('VERSION')] });
  });

  it('rejects a profile with payloads', () => {
    const root = addPayload(newProfile(UUID_A), { kind: 'dict', entries: [] });
    expect(() => makeProfileService(root)).toThrow('a profile with payloads cannot become a Profile Service profile');
  });
});
