// The payload tree and findings the profile card builds from the XML text main sends.

import { describe, expect, it } from 'vitest';

import { MAX_PREVIEW_LENGTH, previewOf, viewPlist } from '../../../renderer/inspect/profile-view.ts';
import { builtinSchemas } from '../../../shared/schema/index.ts';
import { WIFI_PROFILE_XML } from '../../support/profile-fixtures.ts';

const registry = builtinSchemas();

describe('viewPlist', () => {
  it('lists payloads with schema titles', () => {
    const view = viewPlist(WIFI_PROFILE_XML, 'wifi.mobileconfig', registry, true);
    expect(view.parseError).toBeNull();
    expect(view.payloads.map((payload) => [payload.index, payload.payloadType, payload.title, payload.schemaKnown, payload.displayName, payload.uuid])).toEqual([
      [0, 'com.apple.wifi.managed', 'Wi-Fi', true, 'Wi-Fi Café ✓', '6D2F6A5B-9C1E-4E38-9A7B-3A1C5E0F2B11'],
      [1, 'com.apple.security.root', 'Certificate (root)', true, undefined, '0B7C9E2A-1F4D-4C6B-8E3A-5D2F1A9B7C64'],
    ]);
  });

  it('previews each key by type', () => {
    const [wifi, root] = viewPlist(WIFI_PROFILE_XML, 'wifi.mobileconfig', registry, false).payloads;
    expect(wifi.keys.map((key) => [key.name, key.kind, key.preview])).toEqual([
      ['AutoJoin', 'boolean', 'true'],
      ['EncryptionType', 'string', 'WPA2'],
      ['PayloadDisplayName', 'string', 'Wi-Fi Café ✓'],
      ['PayloadIdentifier', 'string', 'com.example.wifi.payload'],
      ['PayloadType', 'string', 'com.apple.wifi.managed'],
      ['PayloadUUID', 'string', '6D2F6A5B-9C1E-4E38-9A7B-3A1C5E0F2B11'],
      ['PayloadVersion', 'integer', '1'],
      ['SSID_STR', 'string', 'Résumé-Net'],
    ]);
    expect(root.keys.find((key) => key.name === 'PayloadContent')?.preview).toBe('10 bytes');
    expect(root.keys.find((key) => key.name === 'Since')?.preview).toBe('2024-05-01T12:00:00Z');
    expect(root.keys.find((key) => key.name === 'Ratio')).toMatchObject({ kind: 'real', preview: '1' });
  });

  it('masks secret keys', () => {
    const xml = WIFI_PROFILE_XML.replace('<key>SSID_STR</key>', '<key>Password</key>\n\t\t\t<string>hunter2-secret</string>\n\t\t\t<key>SSID_STR</key>');
    const [wifi] = viewPlist(xml, 'wifi.mobileconfig', registry, false).payloads;
    const password = wifi.keys.find((key) => key.name === 'Password');
    expect(password?.sensitive).toBe(true);
    expect(password?.preview).toBe('•••••••• (secret, 14 characters)');
    expect(JSON.stringify(wifi)).not.toContain('hunter2');
  });

  it('finds validation problems of a profile only', () => {
    const xml = WIFI_PROFILE_XML.replace('<string>6D2F6A5B-9C1E-4E38-9A7B-3A1C5E0F2B11</string>', '<string>not-a-uuid</string>');
    const finding = viewPlist(xml, 'wifi.mobileconfig', registry, true).findings.find((item) => item.path === 'PayloadContent[0].PayloadUUID');
    expect(finding?.message).toContain("'not-a-uuid' is not in UUID form");
    expect(viewPlist(xml, 'wifi.mobileconfig', registry, false).findings).toEqual([]);
  });

  it('reports XML that does not parse', () => {
    const view = viewPlist('<plist><dict>', 'broken.plist', registry, true);
    expect(view.root).toBeNull();
    expect(view.parseError).toMatch(/^broken\.plist/);
  });
});

describe('previewOf', () => {
  it('cuts long strings', () => {
    expect(previewOf({ kind: 'string', value: 'x'.repeat(MAX_PREVIEW_LENGTH + 5) })).toBe(`${'x'.repeat(MAX_PREVIEW_LENGTH)}…`);
  });

  it('counts containers', () => {
    expect(previewOf({ kind: 'array', items: [] })).toBe('0 items');
    expect(previewOf({ kind: 'dict', entries: [{ key: 'a', value: { kind: 'boolean', value: false } }] })).toBe('1 key');
  });
});
