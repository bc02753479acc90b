import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProvisioningError } from '../../../shared/provisioning/errors.ts';
import { openProvisioningProfile } from '../../../shared/provisioning/open.ts';
import type { ProvisioningProfileFacts } from '../../../shared/provisioning/model.ts';
import { needTools } from '../../support/environment.ts';
import { makePki, type Pki } from '../../support/openssl-pki.ts';
import {
  DEVICES,
  FIXED_NOW,
  TEAM_ID,
  TEAM_NAME,
  makeDeveloperCertificates,
  opensslCertificateFacts,
  standardProfileSpecs,
  writeProfile,
  writeStandardProfiles,
  type DeveloperCertificates,
  type ProfileSpec,
  type StandardRole,
} from '../../support/provisioning-fixtures.ts';
import { WIFI_PROFILE_XML } from '../../support/profile-fixtures.ts';

const tools = needTools('openssl', 'python3');

describe.skipIf(tools.skip)('openProvisioningProfile' + tools.reason, () => {
  let pki: Pki;
  let certificates: DeveloperCertificates;
  let specs: Record<StandardRole, ProfileSpec>;
  let paths: Record<StandardRole, string>;

  const open = (role: StandardRole): { facts: ProvisioningProfileFacts; warnings: readonly string[] } => {
    const opened = openProvisioningProfile(new Uint8Array(readFileSync(paths[role])), { file: paths[role], now: FIXED_NOW });
    return { facts: opened.facts, warnings: opened.warnings };
  };

  beforeAll(() => {
    pki = makePki();
    certificates = makeDeveloperCertificates(pki);
    specs = standardProfileSpecs(certificates);
    paths = writeStandardProfiles(pki, pki.dir, specs);
  });

  afterAll(() => pki?.cleanup());

  it('reads identity and team of a development profile', () => {
    const { facts, warnings } = open('development');
    const spec = specs.development;
    expect(facts.name).toBe(spec.name);
    expect(facts.uuid).toBe(spec.uuid);
    expect(facts.appIdName).toBe(spec.appIdName);
    expect(facts.appId).toBe(`${TEAM_ID}.com.example.app`);
    expect(facts.bundleId).toBe('com.example.app');
    expect(facts.wildcardAppId).toBe(false);
    expect(facts.teamIdentifiers).toEqual([TEAM_ID]);
    expect(facts.applicationIdentifierPrefixes).toEqual([TEAM_ID]);
    expect(facts.teamName).toBe(TEAM_NAME);
    expect(facts.platforms).toEqual(['iOS']);
    expect(facts.version).toBe(1);
    expect(facts.xcodeManaged).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('reads dates and days left against now', () => {
    const { facts } = open('development');
    expect(facts.asOf).toBe('2026-03-01T12:00:00.000Z');
    expect(facts.creationDate).toBe('2026-01-30T12:00:00Z');
    expect(facts.expirationDate).toBe('2026-12-26T12:00:00Z');
    expect(facts.daysLeft).toBe(300);
    expect(facts.expired).toBe(false);
    expect(facts.timeToLive).toBe(365);
  });

  it('types a development profile', () => {
    const { facts } = open('development');
    expect(facts.type).toBe('development');
    expect(facts.getTaskAllow).toBe(true);
    expect(facts.devices).toEqual([DEVICES.a, DEVICES.b, DEVICES.c]);
    expect(facts.provisionsAllDevices).toBe(false);
  });

  it('reads entitlements as JSON', () => {
    const { facts } = open('development');
    expect(facts.entitlements).toEqual({
      'application-identifier': `${TEAM_ID}.com.example.app`,
      'aps-environment': 'development',
      'com.apple.developer.team-identifier': TEAM_ID,
      'get-task-allow': true,
      'keychain-access-groups': [`${TEAM_ID}.*`],
    });
  });

  it('describes certificates as openssl does', () => {
    const { facts } = open('development');
    expect(facts.certificates).toHaveLength(2);
    for (const [index, certificate] of [certificates.development, certificates.expired].entries()) {
      const expected = opensslCertificateFacts(pki, certificate.certPath);
      const actual = facts.certificates[index];
      expect(actual.index).toBe(index);
      expect(actual.subject).toBe(expected.subject);
      expect(actual.issuer).toBe(expected.issuer);
      expect(actual.serialNumber).toBe(expected.serialNumber);
      expect(actual.notBefore).toBe(expected.notBefore);
      expect(actual.notAfter).toBe(expected.notAfter);
      expect(actual.sha1).toBe(expected.sha1);
      expect(actual.sha256).toBe(expected.sha256);
    }
  });

  it('reads certificate team and expiry', () => {
    const [valid, expired] = open('development').facts.certificates;
    expect(valid.commonName).toBe('Apple Development: Jane Doe (JANE000001)');
    expect(valid.team).toBe(TEAM_ID);
    expect(valid.expired).toBe(false);
    // notAfter 2027-06-01T00:00Z is 456.5 days after FIXED_NOW.
    expect(valid.daysLeft).toBe(456);
    expect(expired.expired).toBe(true);
    // notAfter 2025-01-01T00:00Z is 424.5 days before FIXED_NOW.
    expect(expired.daysLeft).toBe(-425);
  });

  it('keeps allCertificatesExpired false with one valid certificate', () => {
    expect(open('development').facts.allCertificatesExpired).toBe(false);
  });

  it('flags a profile whose only certificate expired', () => {
    const { facts } = open('oldCertificate');
    expect(facts.expired).toBe(false);
    expect(facts.certificates.map((c) => c.expired)).toEqual([true]);
    expect(facts.allCertificatesExpired).toBe(true);
  });

  it('reads a wildcard App ID', () => {
    const { facts } = open('oldCertificate');
    expect(facts.appId).toBe(`${TEAM_ID}.com.example.*`);
    expect(facts.bundleId).toBe('com.example.*');
    expect(facts.wildcardAppId).toBe(true);
  });

  it('types an ad hoc profile', () => {
    const { facts } = open('adHoc');
    expect(facts.type).toBe('ad-hoc');
    expect(facts.getTaskAllow).toBe(false);
    expect(facts.devices).toEqual([DEVICES.a, DEVICES.d]);
  });

  it('types an App Store profile', () => {
    const { facts } = open('appStore');
    expect(facts.type).toBe('app-store');
    expect(facts.devices).toEqual([]);
    expect(facts.entitlements['aps-environment']).toBe('production');
    expect(facts.entitlements['beta-reports-active']).toBe(true);
    expect(facts.derEncodedProfileBytes).toBe(300);
  });

  it('types an enterprise profile', () => {
    const { facts, warnings } = open('enterprise');
    expect(facts.type).toBe('enterprise');
    expect(facts.provisionsAllDevices).toBe(true);
    expect(facts.devices).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('types a macOS Developer ID profile', () => {
    const { facts } = open('developerId');
    expect(facts.type).toBe('developer-id');
    expect(facts.platforms).toEqual(['OSX']);
    expect(facts.appId).toBe(`${TEAM_ID}.com.example.mac`);
    expect(facts.daysLeft).toBe(6000);
  });

  it('reads an expired profile', () => {
    const { facts } = open('expired');
    expect(facts.expired).toBe(true);
    expect(facts.daysLeft).toBe(-5);
    expect(facts.expirationDate).toBe('2026-02-24T12:00:00Z');
  });

  it('reads a profile expiring in 10 days', () => {
    const { facts } = open('expiring');
    expect(facts.expired).toBe(false);
    expect(facts.daysLeft).toBe(10);
  });

  it('leaves DER-Encoded-Profile out when absent', () => {
    expect(open('adHoc').facts.derEncodedProfileBytes).toBeUndefined();
  });

  it('warns about an unsigned profile plist', () => {
    const file = writeProfile(pki, pki.dir, { ...specs.adHoc, fileName: 'unsigned.mobileprovision', unsigned: true });
    const opened = openProvisioningProfile(new Uint8Array(readFileSync(file)), { file, now: FIXED_NOW });
    expect(opened.document.signed).toBe(false);
    expect(opened.facts.type).toBe('ad-hoc');
    expect(opened.warnings.some((w) => /not signed/.test(w))).toBe(true);
  });

  it('rejects a configuration profile by kind', () => {
    const call = () => openProvisioningProfile(new TextEncoder().encode(WIFI_PROFILE_XML), { file: 'wifi.mobileprovision', now: FIXED_NOW });
    expect(call).toThrow(ProvisioningError);
    expect(call).toThrow(/^wifi\.mobileprovision: the file is a configuration profile, not an app provisioning profile/);
  });

  it('names the file of a truncated profile', () => {
    const bytes = new Uint8Array(readFileSync(paths.adHoc));
    const call = () => openProvisioningProfile(bytes.subarray(0, Math.floor(bytes.length / 2)), { file: 'cut.mobileprovision', now: FIXED_NOW });
    expect(call).toThrow(ProvisioningError);
    expect(call).toThrow(/^cut\.mobileprovision: the CMS signature around the profile is unreadable/);
  });
});
