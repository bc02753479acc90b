import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisioningFolderReport } from '../../electron/services/provisioning/report.ts';
import type { InspectReport } from '../../electron/services/inspect/report.ts';
import { runCli } from '../support/cli-harness.ts';
import { needTools } from '../support/environment.ts';
import { makePki, type Pki } from '../support/openssl-pki.ts';
import {
  DEVICES,
  FIXED_NOW,
  TEAM_ID,
  TEAM_NAME,
  makeDeveloperCertificates,
  opensslCertificateFacts,
  standardProfileSpecs,
  writeStandardProfiles,
  type DeveloperCertificates,
  type ProfileSpec,
  type StandardRole,
} from '../support/provisioning-fixtures.ts';

const AS_OF = FIXED_NOW.toISOString();

describe('provisioning usage', () => {
  it('exits 2 without a subcommand', async () => {
    const run = await runCli(['provisioning']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/give a subcommand: report/);
  });

  it('exits 2 on an unknown subcommand', async () => {
    const run = await runCli(['provisioning', 'list', '/tmp']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown subcommand 'list'/);
  });

  it('exits 2 without a folder', async () => {
    const run = await runCli(['provisioning', 'report']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/give the folder to scan/);
  });

  it('exits 2 with two folders', async () => {
    const run = await runCli(['provisioning', 'report', '/tmp/a', '/tmp/b']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/exactly one folder, not 2/);
  });

  const badValues: [string, string, RegExp][] = [
    ['--expiring-within', 'ten', /--expiring-within must be a whole number of days, 0 or more, not 'ten'/],
    ['--expiring-within', '-3', /--expiring-within/],
    ['--as-of', '30/06/2026', /--as-of must be an ISO-8601 date/],
    ['--as-of', '2026-02-30T25:00:00Z', /--as-of must be an ISO-8601 date/],
    ['--device', ' ', /--device needs a UDID/],
  ];
  for (const [option, value, message] of badValues) {
    it(`exits 2 for ${option} ${JSON.stringify(value)}`, async () => {
      const run = await runCli(['provisioning', 'report', '/tmp', `${option}=${value}`]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    });
  }

  it('states the exit codes in help', async () => {
    const run = await runCli(['provisioning', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: mobileconfig provisioning report DIR/);
    expect(run.stdout).toContain('even when some profiles have\nexpired');
  });

  it('exits 1 for a missing folder', async () => {
    const run = await runCli(['provisioning', 'report', '/nonexistent/profiles']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('/nonexistent/profiles: folder not found; give the folder that contains the .mobileprovision or .provisionprofile files\n');
    expect(run.stdout).toBe('');
  });
});

const tools = needTools('openssl', 'python3');

describe.skipIf(tools.skip)('provisioning report' + tools.reason, () => {
  let pki: Pki;
  let certificates: DeveloperCertificates;
  let specs: Record<StandardRole, ProfileSpec>;
  let paths: Record<StandardRole, string>;
  let folder: string;
  let damagedFolder: string;

  const reportJson = async (...extra: string[]): Promise<{ code: number; report: ProvisioningFolderReport; stderr: string }> => {
    const run = await runCli(['provisioning', 'report', folder, '--json', '--as-of', AS_OF, '--ca', pki.root.certPath, ...extra]);
    return { code: run.code, report: JSON.parse(run.stdout) as ProvisioningFolderReport, stderr: run.stderr };
  };

  beforeAll(() => {
    pki = makePki();
    certificates = makeDeveloperCertificates(pki);
    specs = standardProfileSpecs(certificates);
    folder = path.join(pki.dir, 'profiles');
    mkdirSync(folder);
    paths = writeStandardProfiles(pki, folder, specs);

    damagedFolder = path.join(pki.dir, 'damaged');
    mkdirSync(damagedFolder);
    const adHoc = readFileSync(paths.adHoc);
    writeFileSync(path.join(damagedFolder, 'adhoc.mobileprovision'), adHoc);
    writeFileSync(path.join(damagedFolder, 'cut.mobileprovision'), adHoc.subarray(0, adHoc.length - 40));
    const tampered = Buffer.from(adHoc);
    tampered[tampered.indexOf(Buffer.from('Example App Ad Hoc'))] ^= 0x01;
    writeFileSync(path.join(damagedFolder, 'tampered.mobileprovision'), tampered);
  });

  afterAll(() => pki?.cleanup());

  it('exits 0 with expired profiles', async () => {
    const { code, stderr } = await reportJson();
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('summarises the folder', async () => {
    const { report } = await reportJson();
    expect(report.asOf).toBe('2026-03-01T12:00:00.000Z');
    expect(report.summary).toEqual({ profiles: 9, expired: 1, expiringSoon: 1, allCertificatesExpired: 1, failed: 0, skipped: 0 });
  });

  it('matches each profile to its input', async () => {
    const { report } = await reportJson();
    // Days left follow from the offsets the fixtures give each ExpirationDate.
    const daysLeft: Record<StandardRole, number> = { development: 300, developmentCopy: 300, adHoc: 120, appStore: 200, enterprise: 250, expired: -5, expiring: 10, oldCertificate: 100, developerId: 6000 };
    for (const role of Object.keys(specs) as StandardRole[]) {
      const spec = specs[role];
      const entry = report.profiles.find((candidate) => candidate.file === paths[role]);
      expect(entry, role).toBeDefined();
      expect(entry!.facts.name).toBe(spec.name);
      expect(entry!.facts.uuid).toBe(spec.uuid);
      expect(entry!.facts.appId).toBe(`${TEAM_ID}.${spec.bundleId}`);
      expect(entry!.facts.appIdName).toBe(spec.appIdName);
      expect(entry!.facts.teamName).toBe(TEAM_NAME);
      expect(entry!.facts.expirationDate).toBe(spec.expirationDate.toISOString().replace('.000Z', 'Z'));
      expect(entry!.facts.creationDate).toBe(spec.creationDate.toISOString().replace('.000Z', 'Z'));
      expect(entry!.facts.daysLeft).toBe(daysLeft[role]);
      expect(entry!.facts.devices).toEqual(spec.devices ?? []);
      expect(entry!.facts.certificates.map((c) => c.sha256)).toEqual(spec.certificates.map((c) => opensslCertificateFacts(pki, c.certPath).sha256));
    }
  });

  it('reports certificate fingerprints as openssl', async () => {
    const { report } = await reportJson();
    const development = report.profiles.find((entry) => entry.file === paths.development)!;
    const expected = [certificates.development, certificates.expired].map((c) => opensslCertificateFacts(pki, c.certPath));
    expect(development.facts.certificates.map((c) => [c.sha1, c.sha256, c.serialNumber, c.notAfter])).toEqual(expected.map((e) => [e.sha1, e.sha256, e.serialNumber, e.notAfter]));
    expect(development.facts.certificates.map((c) => c.expired)).toEqual([false, true]);
  });

  it('verifies signatures against --ca', async () => {
    const { report } = await reportJson();
    expect(report.profiles.map((entry) => entry.signature?.status)).toEqual(Array(9).fill('valid'));
  });

  it('flags profiles in the text table', async () => {
    const run = await runCli(['provisioning', 'report', folder, '--as-of', AS_OF]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`Provisioning profiles in ${folder}, as of 2026-03-01T12:00:00.000Z (expiring soon: within 30 days)`);
    expect(lines[2]).toMatch(/^EXPIRES\s+DAYS\s+TYPE\s+NAME\s+APP ID\s+FILE\s+FLAGS$/);
    expect(lines[3]).toMatch(/^2026-02-24\s+-5\s+development\s+Legacy Development\s+TEAM123456\.com\.example\.legacy\s+expired\.mobileprovision\s+EXPIRED$/);
    expect(lines[4]).toMatch(/^2026-03-11\s+10\s+ad hoc\s+Beta Ad Hoc\s+.*expiring soon$/);
    expect(lines[5]).toMatch(/old-certificate\.mobileprovision\s+all certificates expired$/);
    expect(lines[11]).toMatch(/^2042-\d\d-\d\d\s+6000\s+Developer ID\s+Mac App Developer ID/);
    expect(run.stdout).toContain('\n9 profiles: 1 expired, 1 expiring within 30 days, 1 with every developer certificate expired; 0 failed, 0 skipped.\n');
  });

  it('lists duplicates in text', async () => {
    const run = await runCli(['provisioning', 'report', folder, '--as-of', AS_OF]);
    expect(run.stdout).toContain(`Same UUID in several files (one profile saved more than once):\n  ${specs.development.uuid}: development-copy.mobileprovision (development, expires 2026-12-26); development.mobileprovision (development, expires 2026-12-26)\n`);
    expect(run.stdout).toContain(`Several profiles for one App ID:\n  ${TEAM_ID}.com.example.app: adhoc.mobileprovision (ad hoc, expires 2026-06-29); appstore.mobileprovision (App Store, expires 2026-09-17); development-copy`);
  });

  it('widens the window with --expiring-within', async () => {
    const { report } = await reportJson('--expiring-within', '150');
    expect(report.expiringWithinDays).toBe(150);
    expect(report.summary.expiringSoon).toBe(3);
  });

  it('moves the reference time with --as-of', async () => {
    const run = await runCli(['provisioning', 'report', folder, '--json', '--as-of', '2026-03-12']);
    const report = JSON.parse(run.stdout) as ProvisioningFolderReport;
    // On 2026-03-12T00:00Z the 10-day profile (expiring 2026-03-11T12:00Z) has expired too.
    expect(report.summary.expired).toBe(2);
  });

  it('answers which profiles include a device', async () => {
    const run = await runCli(['provisioning', 'report', folder, '--as-of', AS_OF, '--device', DEVICES.a.toLowerCase()]);
    expect(run.stdout).toContain(
      [
        `Profiles that include device ${DEVICES.a.toLowerCase()}:`,
        '  adhoc.mobileprovision (ad hoc, expires 2026-06-29), listed in ProvisionedDevices',
        '  enterprise.mobileprovision (enterprise, expires 2026-11-06), all devices (ProvisionsAllDevices)',
        '  development-copy.mobileprovision (development, expires 2026-12-26), listed in ProvisionedDevices',
        '  development.mobileprovision (development, expires 2026-12-26), listed in ProvisionedDevices',
        '  mac-app.provisionprofile (Developer ID, expires 2042-08-04), all devices (ProvisionsAllDevices)',
      ].join('\n'),
    );
  });

  it('exits 1 for damaged files', async () => {
    const run = await runCli(['provisioning', 'report', damagedFolder, '--json', '--as-of', AS_OF, '--ca', pki.root.certPath]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as ProvisioningFolderReport;
    expect(report.failures.map((failure) => path.basename(failure.file))).toEqual(['cut.mobileprovision']);
    expect(run.stderr).toMatch(new RegExp(`^${path.join(damagedFolder, 'cut.mobileprovision').replace(/[.]/g, '\\.')}: the CMS signature around the profile is unreadable`));
  });

  it('flags a tampered signature', async () => {
    const run = await runCli(['provisioning', 'report', damagedFolder, '--as-of', AS_OF, '--ca', pki.root.certPath]);
    expect(run.stdout).toMatch(/tampered\.mobileprovision\s+signature invalid\n/);
    expect(run.stdout).toMatch(/adhoc\.mobileprovision\n/);
  });

  describe('inspect', () => {
    const inspectJson = async (file: string): Promise<{ code: number; report: InspectReport }> => {
      const run = await runCli(['inspect', '--json', '--ca', pki.root.certPath, file]);
      return { code: run.code, report: (JSON.parse(run.stdout) as InspectReport[])[0] };
    };

    it('reports kind provisioning', async () => {
      const { code, report } = await inspectJson(paths.development);
      expect(code).toBe(0);
      expect(report).toMatchObject({ ok: true, container: 'cms-signed', plistFormat: 'xml', kind: 'provisioning', signed: true });
      expect(report.payloads).toBeUndefined();
      expect(report.signature?.status).toBe('valid');
    });

    it('reports the profile facts', async () => {
      const { report } = await inspectJson(paths.development);
      const facts = report.provisioning!;
      expect(facts.name).toBe(specs.development.name);
      expect(facts.uuid).toBe(specs.development.uuid);
      expect(facts.type).toBe('development');
      expect(facts.devices).toEqual([DEVICES.a, DEVICES.b, DEVICES.c]);
      expect(facts.certificates.map((c) => c.sha1)).toEqual([certificates.development, certificates.expired].map((c) => opensslCertificateFacts(pki, c.certPath).sha1));
      // Inspect computes expiry at the clock's time, which the report names in asOf.
      expect(facts.daysLeft).toBe(Math.floor((Date.parse(facts.expirationDate) - Date.parse(facts.asOf)) / 86_400_000));
    });

    it('prints the profile section', async () => {
      const run = await runCli(['inspect', paths.expiring]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('  kind:      app provisioning profile\n');
      expect(run.stdout).toContain('  name:         Beta Ad Hoc\n');
      expect(run.stdout).toContain(`  app ID:       ${TEAM_ID}.com.example.beta (Beta)\n`);
      expect(run.stdout).toContain(`  team:         ${TEAM_NAME} (${TEAM_ID})\n`);
      expect(run.stdout).toContain('  type:         ad hoc: get-task-allow is false and 1 device listed\n');
      expect(run.stdout).toContain(`  devices:      1\n    ${DEVICES.c}\n`);
      expect(run.stdout).toContain(`SHA-1 ${opensslCertificateFacts(pki, certificates.distribution.certPath).sha1}`);
    });

    it('reports a truncated profile', async () => {
      const cut = path.join(damagedFolder, 'cut.mobileprovision');
      const run = await runCli(['inspect', '--json', cut]);
      expect(run.code).toBe(1);
      expect((JSON.parse(run.stdout) as InspectReport[])[0]).toMatchObject({ file: cut, ok: false });
      expect(run.stderr).toContain(`${cut}: `);
    });
  });
});
