// Profile walk: root schema choice, payload schemas, and findings with their exact positions.
// Expected lines and columns are counted by hand in the XML written here (tabs count one column).

import { describe, expect, it } from 'vitest';
import { array, dict, int, str } from '../../../shared/plist/model.ts';
import { validateProfile } from '../../../shared/validation/index.ts';
import { parseXml, payloadXml, profileXml, summary } from './fixtures.ts';

/** A TCC payload with integer booleans and no PayloadVersion, in a profile typed as the payload. */
const TCC_AS_PROFILE = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<plist version="1.0">',
  '<dict>',
  '\t<key>PayloadContent</key>',
  '\t<array>',
  '\t\t<dict>',
  '\t\t\t<key>PayloadIdentifier</key>',
  '\t\t\t<string>com.example.pppc.tcc</string>',
  '\t\t\t<key>PayloadType</key>',
  '\t\t\t<string>com.apple.TCC.configuration-profile-policy</string>',
  '\t\t\t<key>PayloadUUID</key>',
  '\t\t\t<string>0B8E4C1A-6E2D-4F49-9A57-2C3D4E5F6A7B</string>',
  '\t\t\t<key>Services</key>',
  '\t\t\t<dict>',
  '\t\t\t\t<key>SystemPolicyAllFiles</key>',
  '\t\t\t\t<array>',
  '\t\t\t\t\t<dict>',
  '\t\t\t\t\t\t<key>Allowed</key>',
  '\t\t\t\t\t\t<integer>1</integer>',
  '\t\t\t\t\t\t<key>CodeRequirement</key>',
  '\t\t\t\t\t\t<string>identifier "com.example.agent" and anchor apple generic</string>',
  '\t\t\t\t\t\t<key>Identifier</key>',
  '\t\t\t\t\t\t<string>com.example.agent</string>',
  '\t\t\t\t\t\t<key>IdentifierType</key>',
  '\t\t\t\t\t\t<string>bundleID</string>',
  '\t\t\t\t\t\t<key>StaticCode</key>',
  '\t\t\t\t\t\t<integer>0</integer>',
  '\t\t\t\t\t</dict>',
  '\t\t\t\t</array>',
  '\t\t\t</dict>',
  '\t\t</dict>',
  '\t</array>',
  '\t<key>PayloadIdentifier</key>',
  '\t<string>com.example.pppc</string>',
  '\t<key>PayloadType</key>',
  '\t<string>com.apple.TCC.configuration-profile-policy</string>',
  '\t<key>PayloadUUID</key>',
  '\t<string>5C1D2E3F-4A5B-4C6D-8E7F-9A0B1C2D3E4F</string>',
  '</dict>',
  '</plist>',
].join('\n');

const SERVICE = 'PayloadContent[0].Services.SystemPolicyAllFiles[0]';

describe('validateProfile on a TCC payload posing as profile', () => {
  const diagnostics = validateProfile(parseXml(TCC_AS_PROFILE));

  // PayloadVersion is missing at both levels, so it is reported once for each dictionary.
  it('reports five findings', () => {
    expect(summary(diagnostics)).toEqual([
      'error missing-key PayloadVersion',
      'error missing-key PayloadContent[0].PayloadVersion',
      `warning boolean-as-integer ${SERVICE}.Allowed`,
      `warning boolean-as-integer ${SERVICE}.StaticCode`,
      'error wrong-profile-type PayloadType',
    ]);
  });

  it('places missing keys on their dictionaries', () => {
    expect([diagnostics[0].line, diagnostics[0].column]).toEqual([3, 1]);
    expect([diagnostics[1].line, diagnostics[1].column]).toEqual([6, 3]);
  });

  it('places integer booleans on the values', () => {
    expect([diagnostics[2].line, diagnostics[2].column]).toEqual([19, 7]);
    expect([diagnostics[3].line, diagnostics[3].column]).toEqual([27, 7]);
  });

  it('places the profile type on its value', () => {
    expect([diagnostics[4].line, diagnostics[4].column]).toEqual([36, 2]);
  });

  it('offers boolean fixes', () => {
    expect(diagnostics[2].fix).toEqual({ kind: 'coerce-boolean', path: `${SERVICE}.Allowed`, segments: ['PayloadContent', 0, 'Services', 'SystemPolicyAllFiles', 0, 'Allowed'], value: { kind: 'boolean', value: true } });
    expect(diagnostics[3].fix).toMatchObject({ kind: 'coerce-boolean', value: { kind: 'boolean', value: false } });
  });

  it('names the payload type mistake', () => {
    expect(diagnostics[4].message).toContain("must be 'Configuration'");
    expect(diagnostics[4].message).toContain('is a payload type');
    expect(diagnostics[4].fix).toEqual({ kind: 'set-value', path: 'PayloadType', segments: ['PayloadType'], value: { kind: 'string', value: 'Configuration' } });
  });

  it('strict makes integer booleans errors', () => {
    const strict = validateProfile(parseXml(TCC_AS_PROFILE), { strict: true });
    expect(strict.filter((d) => d.code === 'boolean-as-integer').map((d) => d.severity)).toEqual(['error', 'error']);
  });
});

describe('validateProfile positions in CRLF files with comments', () => {
  const crlf = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- a comment\r\nthat spans\r\nthree lines -->',
    '<plist version="1.0">',
    '<dict>',
    '  <key>PayloadContent</key>',
    '  <array/>',
    '  <key>PayloadIdentifier</key> <!-- identifier --> <string>com.example.crlf</string>',
    '  <key>PayloadType</key><string>Configuration</string>',
    '  <key>PayloadUUID</key><string>5C1D2E3F-4A5B-4C6D-8E7F-9A0B1C2D3E4F</string>',
    '  <key>PayloadVersion</key>',
    '  <!-- the version, written as text -->',
    '  <!-- on purpose --> <string>1</string>',
    '</dict>',
    '</plist>',
  ].join('\r\n');
  const diagnostics = validateProfile(parseXml(crlf));

  it('reports wrong type at its value', () => {
    const wrong = diagnostics.find((d) => d.code === 'wrong-type');
    expect(wrong?.path).toBe('PayloadVersion');
    expect(wrong?.line).toBe(14);
    expect(wrong?.column).toBe(23);
  });

  it('offers the integer fix', () => {
    const wrong = diagnostics.find((d) => d.code === 'wrong-type');
    expect(wrong?.fix).toMatchObject({ kind: 'set-value', path: 'PayloadVersion', value: { kind: 'integer', value: 1n } });
  });

  it('reports the empty array', () => {
    expect(summary(diagnostics)).toEqual(['warning no-payloads PayloadContent', 'error wrong-type PayloadVersion']);
    expect(diagnostics[0].line).toBe(8);
    expect(diagnostics[0].column).toBe(3);
  });
});

describe('validateProfile roots', () => {
  it('rejects a non-dictionary root', () => {
    const diagnostics = validateProfile(array([str('x')]));
    expect(summary(diagnostics)).toEqual(['error not-a-dictionary ']);
    expect(diagnostics[0].message).toContain('an array');
  });

  it('valid Wi-Fi profile has no findings', () => {
    const wifi = payloadXml('com.apple.wifi.managed', '6D2F6A5B-9C1E-4E38-9A7B-3A1C5E0F2B11', 'com.example.wifi', '<key>SSID_STR</key><string>Office</string><key>EncryptionType</key><string>WPA2</string><key>AutoJoin</key><true/>');
    expect(validateProfile(parseXml(profileXml([wifi])))).toEqual([]);
  });

  it('checks a Profile Service root', () => {
    const service = dict([
      ['PayloadContent', dict([['URL', str('https://127.0.0.1:8443/enrol')], ['DeviceAttributes', array([str('UDID'), str('SERIAL'), str('IMSI')])], ['Challenge', str('one-time-token')]])],
      ['PayloadIdentifier', str('com.example.enrol')],
      ['PayloadType', str('Profile Service')],
      ['PayloadUUID', str('7A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D')],
      ['PayloadVersion', int(1)],
    ]);
    expect(summary(validateProfile(service))).toEqual([
      'error value-not-allowed PayloadContent.DeviceAttributes[2]',
      'info sensitive-value-unencrypted PayloadContent.Challenge',
    ]);
  });

  it('Profile Service without URL', () => {
    const service = dict([
      ['PayloadContent', dict([['DeviceAttributes', array([str('UDID')])]])],
      ['PayloadIdentifier', str('com.example.enrol')],
      ['PayloadType', str('Profile Service')],
      ['PayloadUUID', str('7A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D')],
      ['PayloadVersion', int(1)],
    ]);
    expect(summary(validateProfile(service))).toEqual(['error missing-key PayloadContent.URL']);
  });

  it('unknown payload type checks common keys only', () => {
    const custom = '<dict><key>PayloadIdentifier</key><string>com.example.custom</string><key>PayloadType</key><string>com.example.settings</string><key>PayloadVersion</key><integer>1</integer><key>AnyKey</key><string>x</string></dict>';
    expect(summary(validateProfile(parseXml(profileXml([custom]))))).toEqual([
      'error missing-key PayloadContent[0].PayloadUUID',
      'info unknown-payload-type PayloadContent[0].PayloadType',
    ]);
  });

  it('payload item that is not a dictionary', () => {
    expect(summary(validateProfile(parseXml(profileXml(['<string>oops</string>']))))).toEqual(['error wrong-type PayloadContent[0]']);
  });

  it('encrypted profile needs no PayloadContent', () => {
    const encrypted = dict([
      ['EncryptedPayloadContent', { kind: 'data', value: new Uint8Array([0x30, 0x80]) }],
      ['PayloadIdentifier', str('com.example.enc')],
      ['PayloadType', str('Configuration')],
      ['PayloadUUID', str('7A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D')],
      ['PayloadVersion', int(1)],
    ]);
    expect(validateProfile(encrypted)).toEqual([]);
  });

  it('rejects both content forms together', () => {
    const both = dict([
      ['PayloadContent', array([])],
      ['EncryptedPayloadContent', { kind: 'data', value: new Uint8Array([0x30, 0x80]) }],
      ['PayloadIdentifier', str('com.example.enc')],
      ['PayloadType', str('Configuration')],
      ['PayloadUUID', str('7A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D')],
      ['PayloadVersion', int(1)],
    ]);
    expect(summary(validateProfile(both))).toEqual(['error exclusive-keys EncryptedPayloadContent', 'warning no-payloads PayloadContent']);
  });

  it('picks the Kerberos SSO variant', () => {
    const kerberos = payloadXml(
      'com.apple.extensiblesso',
      '3A4B5C6D-7E8F-4A0B-9C1D-2E3F4A5B6C7D',
      'com.example.kerberos',
      '<key>ExtensionIdentifier</key><string>com.apple.AppSSOKerberos.KerberosExtension</string><key>TeamIdentifier</key><string>apple</string><key>Type</key><string>Credential</string><key>Realm</key><string>EXAMPLE.COM</string><key>Hosts</key><array><string>.example.com</string></array><key>ExtensionData</key><dict><key>principalName</key><string>alex</string><key>usePlatformSSOTGT</key><string>yes</string></dict>',
    );
    expect(summary(validateProfile(parseXml(profileXml([kerberos]))))).toEqual(['error wrong-type PayloadContent[0].ExtensionData.usePlatformSSOTGT']);
  });
});
