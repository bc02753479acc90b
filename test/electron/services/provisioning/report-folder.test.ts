import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../../electron/services/cms/verify.ts';
import type { SignatureReport } from '../../../../electron/services/inspect/report.ts';
import { memoryLogger } from '../../../../electron/log.ts';
import { ProvisioningFolderError } from '../../../../electron/services/provisioning/errors.ts';
import { reportProvisioningFolder } from '../../../../electron/services/provisioning/report-folder.ts';
import type { ProvisioningFolderReport } from '../../../../electron/services/provisioning/report.ts';
import { needTools } from '../../../support/environment.ts';
import { makePki, type Pki } from '../../../support/openssl-pki.ts';
import { WIFI_PROFILE_XML } from '../../../support/profile-fixtures.ts';
import {
  DEVICES,
  FIXED_NOW,
  TEAM_ID,
  makeDeveloperCertificates,
  standardProfileSpecs,
  writeProfile,
  writeStandardProfiles,
  type ProfileSpec,
  type StandardRole,
} from '../../../support/provisioning-fixtures.ts';

const tools = needTools('openssl', 'python3');

/** Returns a copy of `der` with one byte of the signed plist changed. */
function tamperContent(der: Uint8Array, marker: string): Uint8Array {
  const copy = Buffer.from(der);
  const at = copy.indexOf(Buffer.from(marker));
  if (at < 0) throw new Error(`${marker} not found in the CMS bytes`);
  copy[at] ^= 0x01;
  return new Uint8Array(copy);
}

describe.skipIf(tools.skip)('reportProvisioningFolder' + tools.reason, () => {
  let pki: Pki;
  let specs: Record<StandardRole, ProfileSpec>;
  let paths: Record<StandardRole, string>;
  let goodFolder: string;
  let badFolder: string;
  let report: ProvisioningFolderReport;

  // The stand-in root is the only trust anchor, as Apple's root would be for real profiles.
  const verifyWithStandIn = async (bytes: Uint8Array): Promise<SignatureReport> => {
    const result = verify(bytes, { anchors: [pki.root.der], systemRoots: false });
    return { status: result.status, signatureValid: result.signatureValid, chainComplete: result.chainComplete, chainTrusted: result.chainTrusted, signerExpired: result.signerExpired, message: result.message };
  };

  beforeAll(async () => {
    pki = makePki();
    specs = standardProfileSpecs(makeDeveloperCertificates(pki));

    goodFolder = path.join(pki.dir, 'good');
    mkdirSync(path.join(goodFolder, 'sub'), { recursive: true });
    paths = writeStandardProfiles(pki, goodFolder, specs);
    writeFileSync(path.join(goodFolder, 'notes.txt'), 'profiles for the beta\n');
    writeFileSync(path.join(goodFolder, '.DS_Store'), new Uint8Array([0, 0, 0, 1]));

    badFolder = path.join(pki.dir, 'bad');
    mkdirSync(badFolder);
    const adHoc = readFileSync(paths.adHoc);
    writeFileSync(path.join(badFolder, 'truncated.mobileprovision'), adHoc.subarray(0, 1000));
    writeFileSync(path.join(badFolder, 'tampered.mobileprovision'), tamperContent(adHoc, 'Example App Ad Hoc'));
    writeFileSync(path.join(badFolder, 'wifi.mobileprovision'), WIFI_PROFILE_XML);
    writeFileSync(path.join(badFolder, 'empty.provisionprofile'), new Uint8Array(0));
    writeFileSync(path.join(badFolder, 'wifi.mobileconfig'), WIFI_PROFILE_XML);
    writeProfile(pki, badFolder, { ...specs.expiring, fileName: 'good.mobileprovision' });

    report = await reportProvisioningFolder(goodFolder, { now: FIXED_NOW, verify: verifyWithStandIn });
  });

  afterAll(() => pki?.cleanup());

  it('lists profiles soonest expiry first', () => {
    expect(report.profiles.map((entry) => path.basename(entry.file))).toEqual([
      'expired.mobileprovision',
      'expiring.mobileprovision',
      'old-certificate.mobileprovision',
      'adhoc.mobileprovision',
      'appstore.mobileprovision',
      'enterprise.mobileprovision',
      'development-copy.mobileprovision',
      'development.mobileprovision',
      'mac-app.provisionprofile',
    ]);
  });

  it('counts flags in the summary', () => {
    expect(report.summary).toEqual({ profiles: 9, expired: 1, expiringSoon: 1, allCertificatesExpired: 1, failed: 0, skipped: 2 });
    expect(report.asOf).toBe('2026-03-01T12:00:00.000Z');
    expect(report.expiringWithinDays).toBe(30);
  });

  it('flags expired, expiring and certificate-less profiles', () => {
    const byRole = (role: StandardRole) => report.profiles.find((entry) => entry.file === paths[role])!;
    expect(byRole('expired').facts.expired).toBe(true);
    expect(byRole('expired').expiringSoon).toBe(false);
    expect(byRole('expiring').expiringSoon).toBe(true);
    expect(byRole('expiring').facts.daysLeft).toBe(10);
    expect(byRole('oldCertificate').facts.allCertificatesExpired).toBe(true);
    expect(byRole('oldCertificate').expiringSoon).toBe(false);
    expect(byRole('development').facts.allCertificatesExpired).toBe(false);
  });

  it('types every profile', () => {
    const types = Object.fromEntries(report.profiles.map((entry) => [path.basename(entry.file), entry.facts.type]));
    expect(types).toEqual({
      'expired.mobileprovision': 'development',
      'expiring.mobileprovision': 'ad-hoc',
      'old-certificate.mobileprovision': 'development',
      'adhoc.mobileprovision': 'ad-hoc',
      'appstore.mobileprovision': 'app-store',
      'enterprise.mobileprovision': 'enterprise',
      'development-copy.mobileprovision': 'development',
      'development.mobileprovision': 'development',
      'mac-app.provisionprofile': 'developer-id',
    });
  });

  it('verifies the stand-in signatures', () => {
    for (const entry of report.profiles) {
      expect(entry.signed).toBe(true);
      expect(entry.signature?.status).toBe('valid');
      expect(entry.signature?.signatureValid).toBe(true);
    }
  });

  it('finds duplicate UUIDs', () => {
    expect(report.duplicateUuids).toHaveLength(1);
    expect(report.duplicateUuids[0].key).toBe(specs.development.uuid);
    expect(report.duplicateUuids[0].profiles.map((p) => p.file)).toEqual([paths.developmentCopy, paths.development]);
  });

  it('finds duplicate App IDs', () => {
    expect(report.duplicateAppIds.map((group) => group.key)).toEqual([`${TEAM_ID}.com.example.app`]);
    expect(report.duplicateAppIds[0].profiles.map((p) => [p.file, p.type])).toEqual([
      [paths.adHoc, 'ad-hoc'],
      [paths.appStore, 'app-store'],
      [paths.developmentCopy, 'development'],
      [paths.development, 'development'],
    ]);
  });

  it('skips other files and subfolders', () => {
    expect(report.skipped.map((entry) => path.basename(entry.file))).toEqual(['notes.txt', 'sub']);
    expect(report.skipped[0].reason).toMatch(/^not a provisioning profile: /);
    expect(report.skipped[1].reason).toBe('is a folder; subfolders are not scanned');
  });

  it('finds profiles that include a device', async () => {
    const lookup = await reportProvisioningFolder(goodFolder, { now: FIXED_NOW, device: DEVICES.c.toUpperCase() });
    expect(lookup.device?.udid).toBe(DEVICES.c.toUpperCase());
    expect(lookup.device?.profiles.map((p) => [path.basename(p.file), p.match])).toEqual([
      ['expiring.mobileprovision', 'listed'],
      ['enterprise.mobileprovision', 'all-devices'],
      ['development-copy.mobileprovision', 'listed'],
      ['development.mobileprovision', 'listed'],
      ['mac-app.provisionprofile', 'all-devices'],
    ]);
  });

  it('finds no profile for an unknown device', async () => {
    const lookup = await reportProvisioningFolder(goodFolder, { now: FIXED_NOW, device: '00000000-0000000000000000' });
    expect(lookup.device?.profiles.filter((p) => p.match === 'listed')).toEqual([]);
  });

  it('widens the expiring window', async () => {
    const wide = await reportProvisioningFolder(goodFolder, { now: FIXED_NOW, expiringWithinDays: 150 });
    expect(wide.profiles.filter((entry) => entry.expiringSoon).map((entry) => path.basename(entry.file))).toEqual([
      'expiring.mobileprovision',
      'old-certificate.mobileprovision',
      'adhoc.mobileprovision',
    ]);
  });

  it('counts the window boundary as expiring', async () => {
    const exact = await reportProvisioningFolder(goodFolder, { now: FIXED_NOW, expiringWithinDays: 10 });
    expect(exact.summary.expiringSoon).toBe(1);
    const narrow = await reportProvisioningFolder(goodFolder, { now: FIXED_NOW, expiringWithinDays: 9 });
    expect(narrow.summary.expiringSoon).toBe(0);
  });

  it('leaves signature out without a verifier', async () => {
    const unverified = await reportProvisioningFolder(goodFolder, { now: FIXED_NOW });
    expect(unverified.profiles.every((entry) => entry.signature === undefined)).toBe(true);
  });

  describe('damaged files', () => {
    let damaged: ProvisioningFolderReport;
    const logger = memoryLogger();

    beforeAll(async () => {
      damaged = await reportProvisioningFolder(badFolder, { now: FIXED_NOW, verify: verifyWithStandIn, logger });
    });

    it('reports failures by file', () => {
      expect(damaged.failures.map((failure) => path.basename(failure.file))).toEqual(['empty.provisionprofile', 'truncated.mobileprovision', 'wifi.mobileprovision']);
      expect(damaged.summary.failed).toBe(3);
    });

    it('explains each failure', () => {
      const reasons = Object.fromEntries(damaged.failures.map((failure) => [path.basename(failure.file), failure.error]));
      expect(reasons['empty.provisionprofile']).toBe('file is empty');
      expect(reasons['truncated.mobileprovision']).toMatch(/^the CMS signature around the profile is unreadable, so the file is damaged or cut short: /);
      expect(reasons['wifi.mobileprovision']).toMatch(/^the file is a configuration profile, not an app provisioning profile/);
    });

    it('logs each failure', () => {
      expect(logger.lines.map((line) => path.basename(String(line.fields.file)))).toEqual(['empty.provisionprofile', 'truncated.mobileprovision', 'wifi.mobileprovision']);
      expect(logger.lines.every((line) => line.level === 'warn')).toBe(true);
    });

    it('marks a tampered signature invalid', () => {
      const tampered = damaged.profiles.find((entry) => path.basename(entry.file) === 'tampered.mobileprovision');
      expect(tampered?.signature?.signatureValid).toBe(false);
      expect(tampered?.signature?.status).toBe('invalid');
    });

    it('keeps the good profile', () => {
      const good = damaged.profiles.find((entry) => path.basename(entry.file) === 'good.mobileprovision');
      expect(good?.signature?.status).toBe('valid');
      expect(good?.facts.daysLeft).toBe(10);
    });

    it('skips a configuration profile by extension', () => {
      expect(damaged.skipped.map((entry) => path.basename(entry.file))).toEqual(['wifi.mobileconfig']);
      expect(damaged.skipped[0].reason).toMatch(/configuration profile/);
    });
  });

  describe('folder errors', () => {
    it('raises for a missing folder', async () => {
      const missing = path.join(pki.dir, 'no-such-folder');
      await expect(reportProvisioningFolder(missing, { now: FIXED_NOW })).rejects.toThrow(ProvisioningFolderError);
      await expect(reportProvisioningFolder(missing, { now: FIXED_NOW })).rejects.toThrow(`${missing}: folder not found`);
    });

    it('raises for a file', async () => {
      await expect(reportProvisioningFolder(paths.adHoc, { now: FIXED_NOW })).rejects.toMatchObject({ name: 'ProvisioningFolderError', code: 'not-a-folder' });
    });
  });
});
