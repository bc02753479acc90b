// Whole-profile checks: duplicate PayloadUUID and PayloadIdentifier, UUID form, and references
// to other payloads' UUIDs.

import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../../shared/validation/index.ts';
import { parseXml, payloadXml, profileXml, summary } from './fixtures.ts';

const TOP_UUID = '5C1D2E3F-4A5B-4C6D-8E7F-9A0B1C2D3E4F';
const UUID_A = '11111111-2222-4333-8444-555555555555';
const UUID_B = '66666666-7777-4888-9999-AAAAAAAAAAAA';
const SCEP_UUID = 'C0FFEE00-1234-4567-89AB-CDEF01234567';

function font(uuid: string, identifier: string): string {
  return payloadXml('com.apple.font', uuid, identifier, '<key>Font</key><data>AAEAAA==</data>');
}

describe('duplicate identities', () => {
  it('payload reusing the profile UUID', () => {
    const diagnostics = validateProfile(parseXml(profileXml([font(TOP_UUID, 'com.example.font')])));
    expect(summary(diagnostics)).toEqual(['error duplicate-payload-uuid PayloadContent[0].PayloadUUID']);
    expect(diagnostics[0].message).toContain('`PayloadUUID`');
    expect(diagnostics[0].line).toBe(9);
    expect(diagnostics[0].fix).toEqual({ kind: 'new-uuid', path: 'PayloadContent[0].PayloadUUID', segments: ['PayloadContent', 0, 'PayloadUUID'] });
  });

  it('two payloads with one UUID', () => {
    const diagnostics = validateProfile(parseXml(profileXml([font(UUID_A, 'com.example.font1'), font(UUID_A, 'com.example.font2')])));
    expect(summary(diagnostics)).toEqual(['error duplicate-payload-uuid PayloadContent[1].PayloadUUID']);
    expect(diagnostics[0].message).toContain('`PayloadContent[0].PayloadUUID`');
  });

  it('two payloads with one identifier', () => {
    const diagnostics = validateProfile(parseXml(profileXml([font(UUID_A, 'com.example.font'), font(UUID_B, 'com.example.font')])));
    expect(summary(diagnostics)).toEqual(['error duplicate-payload-identifier PayloadContent[1].PayloadIdentifier']);
    expect(diagnostics[0].message).toContain('`PayloadContent[0].PayloadIdentifier`');
    expect(diagnostics[0].line).toBe(14);
  });

  it('profile and payload may share an identifier', () => {
    expect(validateProfile(parseXml(profileXml([font(UUID_A, 'com.example.profile')])))).toEqual([]);
  });

  it('UUID not in UUID form', () => {
    const diagnostics = validateProfile(parseXml(profileXml([font('my-font-payload', 'com.example.font')])));
    expect(summary(diagnostics)).toEqual(['warning payload-uuid-not-uuid PayloadContent[0].PayloadUUID']);
  });

  it('lower-case UUID is fine', () => {
    expect(validateProfile(parseXml(profileXml([font(UUID_B.toLowerCase(), 'com.example.font')])))).toEqual([]);
  });
});

describe('payload references', () => {
  const scep = payloadXml('com.apple.security.scep', SCEP_UUID, 'com.example.scep', '<key>PayloadContent</key><dict><key>URL</key><string>https://127.0.0.1:8443/scep</string><key>Challenge</key><string>secret</string></dict>');

  function mdm(identity: string): string {
    return payloadXml(
      'com.apple.mdm',
      UUID_A,
      'com.example.mdm',
      `<key>IdentityCertificateUUID</key><string>${identity}</string>
<key>Topic</key><string>com.apple.mgmt.External.00000000-0000-0000-0000-000000000000</string>
<key>ServerURL</key><string>https://127.0.0.1:8443/mdm</string>`,
    );
  }

  it('empty identity reference', () => {
    const diagnostics = validateProfile(parseXml(profileXml([scep, mdm('')])), { willEncrypt: true });
    expect(summary(diagnostics)).toEqual(['error empty-value PayloadContent[1].IdentityCertificateUUID']);
    expect(diagnostics[0].line).toBe(18);
  });

  it('identity pointing at no payload', () => {
    const diagnostics = validateProfile(parseXml(profileXml([scep, mdm(UUID_B)])), { willEncrypt: true });
    expect(summary(diagnostics)).toEqual(['error dangling-reference PayloadContent[1].IdentityCertificateUUID']);
    expect(diagnostics[0].message).toContain('`IdentityCertificateUUID`');
    expect(diagnostics[0].message).toContain(UUID_B);
    expect(diagnostics[0].line).toBe(18);
  });

  it('identity pointing at the SCEP payload', () => {
    expect(validateProfile(parseXml(profileXml([scep, mdm(SCEP_UUID)])), { willEncrypt: true })).toEqual([]);
  });

  it('reference differing only in case', () => {
    const diagnostics = validateProfile(parseXml(profileXml([scep, mdm(SCEP_UUID.toLowerCase())])), { willEncrypt: true });
    expect(summary(diagnostics)).toEqual(['error dangling-reference PayloadContent[1].IdentityCertificateUUID']);
    expect(diagnostics[0].message).toContain('differs only in letter case');
  });

  it('reference to the profile UUID', () => {
    const diagnostics = validateProfile(parseXml(profileXml([scep, mdm(TOP_UUID)])), { willEncrypt: true });
    expect(diagnostics[0].message).toContain("the profile's own UUID");
  });

  it('identity pointing at a Wi-Fi payload', () => {
    const wifi = payloadXml('com.apple.wifi.managed', UUID_B, 'com.example.wifi', '<key>SSID_STR</key><string>Corp</string>');
    const diagnostics = validateProfile(parseXml(profileXml([scep, wifi, mdm(UUID_B)])), { willEncrypt: true });
    expect(summary(diagnostics)).toEqual(['warning reference-not-certificate PayloadContent[2].IdentityCertificateUUID']);
    expect(diagnostics[0].message).toContain('belongs to a com.apple.wifi.managed payload');
  });

  it('Wi-Fi anchors and identity', () => {
    const wifi = payloadXml(
      'com.apple.wifi.managed',
      UUID_B,
      'com.example.wifi',
      `<key>SSID_STR</key><string>Corp</string><key>EncryptionType</key><string>WPA2</string>
<key>PayloadCertificateUUID</key><string>${SCEP_UUID}</string>
<key>EAPClientConfiguration</key><dict><key>AcceptEAPTypes</key><array><integer>13</integer></array>
<key>PayloadCertificateAnchorUUID</key><array><string>${SCEP_UUID}</string><string>DEADBEEF-0000-4000-8000-000000000000</string></array></dict>`,
    );
    const diagnostics = validateProfile(parseXml(profileXml([scep, wifi])), { willEncrypt: true });
    expect(summary(diagnostics)).toEqual(['error dangling-reference PayloadContent[1].EAPClientConfiguration.PayloadCertificateAnchorUUID[1]']);
    expect(diagnostics[0].message).toContain('`CertificateAnchorUUID`');
    expect(diagnostics[0].message).toContain('DEADBEEF-0000-4000-8000-000000000000');
  });
});
