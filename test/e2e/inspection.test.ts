// Drag-and-drop inspection in Chromium: files dropped on the window (as DragEvents carrying
// File objects) get the card of their kind, a broken file gets a specific message while the
// others still open, two profiles compare side by side, and a dropped folder gives a sortable
// table with CSV export. The expected facts come from the fixtures as written, openssl and
// Python's plistlib and csv modules, never from the app's own readers.

import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { needCorpus, needTools } from '../support/environment.ts';
import { makePki, type Pki } from '../support/openssl-pki.ts';
import { stubXml, WIFI_PROFILE_XML } from '../support/profile-fixtures.ts';
import { DEVICES, FIXED_NOW, makeDeveloperCertificates, standardProfileSpecs, writeProfile, writeStandardProfiles } from '../support/provisioning-fixtures.ts';
import { startAppSession, type AppSession } from './harness/app-session.ts';
import { dropPaths } from './harness/drop.ts';
import { useRendererServer } from './harness/renderer-server.ts';

const tools = needTools('chromium', 'openssl', 'python3');
const corpus = needCorpus();

/** Runs a Python script with JSON on standard input and returns its JSON output. */
function python<T>(script: string, input: unknown): T {
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })) as T;
}

function card(session: AppSession, fileName: string): Locator {
  return session.page.getByRole('article', { name: fileName, exact: true });
}

describe.skipIf(tools.skip)('inspection screen in Chromium' + tools.reason, () => {
  const renderer = useRendererServer('inspect');
  let pki: Pki;
  let dir: string;
  let session: AppSession;

  beforeAll(async () => {
    pki = makePki();
    dir = await mkdtemp(path.join(tmpdir(), 'inspect-e2e-'));
  });

  afterAll(async () => {
    pki?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    session = await startAppSession({ origin: renderer.origin, now: FIXED_NOW });
  });

  afterEach(async () => {
    expect(session.foreignRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    await session.close();
  });

  it('shows a card for each generated file kind', async () => {
    // Fixtures: a profile, XML and binary stubs, a certificate, a PKCS#12 file and a broken file.
    const profile = path.join(dir, 'wifi.mobileconfig');
    await writeFile(profile, WIFI_PROFILE_XML);
    const rootBase64 = Buffer.from(pki.root.der).toString('base64');
    const xmlStub = path.join(dir, 'installed.stub');
    await writeFile(xmlStub, stubXml(rootBase64));
    const binaryStub = path.join(dir, 'installed-binary.stub');
    await writeFile(binaryStub, execFileSync('python3', ['-c', 'import plistlib,sys; sys.stdout.buffer.write(plistlib.dumps(plistlib.load(open(sys.argv[1],"rb")), fmt=plistlib.FMT_BINARY))', xmlStub]));
    const p12 = path.join(dir, 'signer.p12');
    pki.openssl(['pkcs12', '-export', '-in', pki.leafRsa.certPath, '-inkey', pki.leafRsa.keyPath, '-passout', 'pass:card test', '-out', p12]);
    const broken = path.join(dir, 'broken.mobileconfig');
    await writeFile(broken, '<?xml version="1.0"?>\n<plist version="1.0">\n<dict>\n<key>PayloadType</key>\n</plist>\n');

    await dropPaths(session, [profile, broken, xmlStub, binaryStub, pki.device.certPath, p12]);
    const { page } = session;

    // Profile: kind, format, payloads with schema titles, top-level settings, "Edit a copy".
    const profileCard = card(session, 'wifi.mobileconfig');
    await profileCard.waitFor();
    await expect(profileCard.locator('.card-kind').textContent()).resolves.toBe('Configuration profile');
    await expect(profileCard.locator('.card-format').textContent()).resolves.toBe('XML plist');
    const payloads = profileCard.getByRole('region', { name: 'Payloads' });
    await expect(payloads.locator('.mono.hint').allTextContents()).resolves.toEqual(['com.apple.wifi.managed', 'com.apple.security.root']);
    await expect(payloads.locator('.payload-title').first().textContent()).resolves.toBe('Wi-Fi');
    await expect(profileCard.getByRole('list', { name: 'Top-level settings' }).textContent()).resolves.toContain('com.example.wifi');

    // The payload tree opens to the keys, with their types.
    await payloads.locator('summary').first().click();
    await expect(profileCard.getByRole('list', { name: 'Keys of Wi-Fi' }).textContent()).resolves.toContain('Résumé-Net');

    // Broken file: a specific message naming the file and the line.
    const brokenCard = card(session, 'broken.mobileconfig');
    await expect(brokenCard.getByRole('alert').textContent()).resolves.toMatch(/^broken\.mobileconfig could not be read: line \d+/);

    // Stubs, XML and binary: the trust fields and the SignerCerts certificate as openssl reads it.
    const rootSubject = pki.openssl(['x509', '-in', pki.root.certPath, '-noout', '-subject', '-nameopt', 'RFC2253']).toString().trim().replace(/^subject=/, '');
    for (const name of ['installed.stub', 'installed-binary.stub']) {
      const stubCard = card(session, name);
      await expect(stubCard.locator('.card-kind').textContent()).resolves.toBe('Profile stub');
      const facts = await stubCard.getByRole('list', { name: 'Stub facts' }).textContent();
      for (const fact of ['ProfileWasSigned', 'ProfileWasTrusted', 'ProfileTrustLevel2', 'MCProfileIsRemovalStubfalse', 'InstallDate2025-03-14T09:26:53Z']) expect(facts?.replace(/\s/g, '')).toContain(fact);
      await expect(stubCard.getByRole('list', { name: 'SignerCerts' }).locator('.certificate-subject .mono').textContent()).resolves.toBe(rootSubject);
    }
    await expect(card(session, 'installed-binary.stub').locator('.card-format').textContent()).resolves.toBe('Binary plist');

    // Certificate file: its subject, and the SHA-256 fingerprint openssl prints.
    const deviceCard = card(session, 'device.pem');
    await expect(deviceCard.locator('.card-kind').textContent()).resolves.toBe('Certificate');
    const fingerprint = pki.openssl(['x509', '-in', pki.device.certPath, '-noout', '-fingerprint', '-sha256']).toString().trim().split('=')[1];
    await expect(deviceCard.locator('.fingerprint').textContent()).resolves.toBe(fingerprint);

    // PKCS#12 file: offers Import…, which asks for the passphrase and imports the identity.
    const p12Card = card(session, 'signer.p12');
    await expect(p12Card.locator('.card-kind').textContent()).resolves.toBe('PKCS#12 identity');
    await p12Card.getByRole('button', { name: 'Import…' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill('card test');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('.notice-success', { hasText: 'Imported the identity' }).waitFor();
    expect(session.keystore.listIdentities().map((identity) => identity.certificate.sha256)).toEqual([opensslSha256(pki.leafRsa.certPath)]);

    // Edit a copy: a new unsaved document in the editor with the profile's text.
    await profileCard.getByRole('button', { name: 'Edit a copy' }).click();
    await page.locator('.document-name', { hasText: 'Copy of wifi.mobileconfig' }).waitFor();
    await expect(page.locator('.edited-mark').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Add payload…' }).count()).resolves.toBe(1);
  });

  it('compares two dropped profiles', async () => {
    const before = path.join(dir, 'before.mobileconfig');
    const after = path.join(dir, 'after.mobileconfig');
    await writeFile(before, WIFI_PROFILE_XML);
    // Three edits: a changed display name, a removed SSID and an added top-level key.
    const edited = WIFI_PROFILE_XML.replace('<string>Café ✓ Résumé</string>', '<string>Office Wi-Fi</string>')
      .replace('\t\t\t<key>SSID_STR</key>\n\t\t\t<string>Résumé-Net</string>\n', '')
      .replace('\t<key>PayloadOrganization</key>', '\t<key>PayloadDescription</key>\n\t<string>Added</string>\n\t<key>PayloadOrganization</key>');
    expect(edited).not.toBe(WIFI_PROFILE_XML);
    await writeFile(after, edited);

    await dropPaths(session, [before, after]);
    const { page } = session;
    await card(session, 'after.mobileconfig').waitFor();
    await card(session, 'before.mobileconfig').getByLabel('Compare').check();
    await card(session, 'after.mobileconfig').getByLabel('Compare').check();
    await page.getByRole('button', { name: 'Compare 2/2' }).click();

    const rows = await page
      .getByRole('table', { name: 'Differences' })
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
    expect(rows).toEqual([
      ['PayloadContent[0].SSID_STR', 'removed', 'Résumé-Net (string)', ''],
      ['PayloadDisplayName', 'changed', 'Café ✓ Résumé (string)', 'Office Wi-Fi (string)'],
      ['PayloadDescription', 'added', '', 'Added (string)'],
    ]);
  });

  it('inspects a dropped folder into sortable tables with CSV', async () => {
    // A folder of provisioning profiles signed by the stand-in for Apple, a configuration
    // profile in a sub-folder, and a truncated profile.
    const folder = path.join(dir, 'Provisioning Profiles');
    await mkdir(path.join(folder, 'nested'), { recursive: true });
    const specs = standardProfileSpecs(makeDeveloperCertificates(pki));
    const written = writeStandardProfiles(pki, folder, specs);
    await writeFile(path.join(folder, 'nested', 'wifi.mobileconfig'), WIFI_PROFILE_XML);
    const whole = await readFile(written.adHoc);
    await writeFile(path.join(folder, 'truncated.mobileprovision'), whole.subarray(0, Math.floor(whole.length / 2)));
    const fileCount = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;

    await dropPaths(session, [folder]);
    const { page } = session;
    const table = page.getByRole('table', { name: 'Files in the folder', exact: true });
    await table.waitFor();
    await expect(table.locator('tbody tr').count()).resolves.toBe(fileCount);

    // Progress went out while the folder was read, ending at the file count.
    const progress = session.replies.filter((reply): reply is { folder: string; done: number; total: number } => typeof reply === 'object' && reply !== null && 'folder' in reply && 'done' in reply);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ folder, done: fileCount, total: fileCount });

    // The truncated file is unreadable; the others are read.
    const truncatedRow = table.locator('tbody tr', { hasText: 'truncated.mobileprovision' });
    await expect(truncatedRow.locator('.status-bad').textContent()).resolves.toBe('unreadable');

    // Provisioning table: one row per readable profile, soonest expiry first.
    const provisioning = page.getByRole('table', { name: 'Provisioning profiles in the folder', exact: true });
    const names = () => provisioning.locator('tbody tr td:first-child').evaluateAll((cells) => cells.map((cell) => cell.childNodes[0]?.textContent ?? ''));
    const byExpiry = Object.values(specs)
      .sort((a, b) => a.expirationDate.getTime() - b.expirationDate.getTime() || a.fileName.localeCompare(b.fileName))
      .map((spec) => spec.name);
    await expect(names()).resolves.toEqual(byExpiry);

    // Sorting by name, then the other way round.
    const sortedNames = Object.values(specs)
      .map((spec) => spec.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    await provisioning.getByRole('button', { name: 'Name' }).click();
    await expect(names()).resolves.toEqual(sortedNames);
    await provisioning.getByRole('button', { name: /^Name/ }).click();
    await expect(names()).resolves.toEqual([...sortedNames].reverse());
    await expect(provisioning.locator('th[aria-sort="descending"]').textContent()).resolves.toContain('Name');

    // Flags: expired and expiring within 30 days of FIXED_NOW, the duplicate UUID of the copy.
    const expiredRow = provisioning.locator('tbody tr', { hasText: specs.expired.name });
    await expect(expiredRow.locator('.status-bad').first().textContent()).resolves.toBe('Expired');
    const expiringRow = provisioning.locator('tbody tr', { hasText: specs.expiring.name });
    await expect(expiringRow.locator('.status-warning').textContent()).resolves.toBe('Expires in 10 days');
    await expect(provisioning.locator('.status-warning', { hasText: 'duplicate UUID' }).count()).resolves.toBe(2);
    const oldCertificateRow = provisioning.locator('tbody tr', { hasText: specs.oldCertificate.name });
    await expect(oldCertificateRow.locator('.status-bad', { hasText: 'all certificates expired' }).count()).resolves.toBe(1);

    // CSV of the files table, written where the save dialog pointed, read by Python's csv.
    const filesCsv = path.join(dir, 'files.csv');
    session.savePaths.push(filesCsv);
    await page.getByRole('button', { name: 'Save Table as CSV…' }).click();
    await page.locator('.notice-success', { hasText: filesCsv }).waitFor();
    const filesRows = python<Record<string, string>[]>('import csv,json,sys; print(json.dumps(list(csv.DictReader(open(json.load(sys.stdin), newline="", encoding="utf-8")))))', filesCsv);
    expect(filesRows).toHaveLength(fileCount);
    expect(filesRows.find((row) => row.file.endsWith('truncated.mobileprovision'))?.ok).toBe('false');
    expect(filesRows.find((row) => row.file.endsWith(path.join('nested', 'wifi.mobileconfig')))).toMatchObject({ kind: 'profile', identifier: 'com.example.wifi', payloads: '2' });

    // CSV of the provisioning table.
    const provisioningCsv = path.join(dir, 'provisioning.csv');
    session.savePaths.push(provisioningCsv);
    await page.getByRole('button', { name: 'Save Provisioning Table as CSV…' }).click();
    await page.locator('.notice-success', { hasText: provisioningCsv }).waitFor();
    const provisioningRows = python<Record<string, string>[]>('import csv,json,sys; print(json.dumps(list(csv.DictReader(open(json.load(sys.stdin), newline="", encoding="utf-8")))))', provisioningCsv);
    expect(provisioningRows.map((row) => row.name)).toEqual(byExpiry);
    const development = provisioningRows.find((row) => row.file === written.development);
    expect(development).toMatchObject({ uuid: specs.development.uuid, 'app id': `TEAM123456.${specs.development.bundleId}`, type: 'development', devices: '3', 'duplicate uuid': 'true', 'duplicate app id': 'true' });
    expect(provisioningRows.find((row) => row.file === written.enterprise)?.devices).toBe('all');
  });

  it('shows a provisioning card with device search', async () => {
    const folder = path.join(dir, 'single');
    await mkdir(folder, { recursive: true });
    const certificates = makeDeveloperCertificates(pki);
    const specs = standardProfileSpecs(certificates);
    await dropPaths(session, [writeProfile(pki, folder, specs.development)]);

    const provisioningCard = card(session, 'development.mobileprovision');
    await provisioningCard.waitFor();
    await expect(provisioningCard.locator('.card-kind').textContent()).resolves.toBe('Provisioning profile');
    await expect(provisioningCard.locator('.fact-grid').first().textContent()).resolves.toContain(specs.development.name);

    // Expiry: 300 days after FIXED_NOW.
    await expect(provisioningCard.locator('.fact-grid').first().locator('.status-good').textContent()).resolves.toBe('Expires in 300 days');

    // Devices: all three, then the search narrows them.
    const devices = provisioningCard.getByRole('list', { name: 'Device UDIDs' });
    await expect(devices.locator('li').allTextContents()).resolves.toEqual([DEVICES.a, DEVICES.b, DEVICES.c]);
    await provisioningCard.getByRole('searchbox', { name: 'Search devices' }).fill('000a1b');
    await expect(devices.locator('li').allTextContents()).resolves.toEqual([DEVICES.b]);

    // Entitlements: the App ID and the extra entitlement of the spec.
    const entitlements = await provisioningCard.getByRole('list', { name: 'Entitlements' }).textContent();
    expect(entitlements).toContain(`TEAM123456.${specs.development.bundleId}`);
    expect(entitlements).toContain('aps-environment');

    // Developer certificates with the SHA-1 fingerprint openssl prints; the second has expired.
    const sha1 = pki.openssl(['x509', '-in', certificates.development.certPath, '-noout', '-fingerprint', '-sha1']).toString().trim().split('=')[1];
    const certificateItems = provisioningCard.getByRole('region', { name: 'Developer certificates' }).locator('.certificate-item');
    await expect(certificateItems.count()).resolves.toBe(2);
    await expect(certificateItems.first().locator('.fingerprint').first().textContent()).resolves.toBe(sha1);
    await expect(certificateItems.nth(1).locator('.status-bad').textContent()).resolves.toBe('Expired');
  });

  describe.skipIf(corpus.skip)('corpus' + corpus.reason, () => {
    it('shows the right card for every corpus file', async () => {
      const files = (await readdir(path.join(corpus.dir, 'files'))).sort().map((name) => path.join(corpus.dir, 'files', name));
      const manifest = new Map(
        (await readFile(path.join(corpus.dir, 'MANIFEST.tsv'), 'utf8'))
          .split('\n')
          .slice(1)
          .map((line) => line.split('\t'))
          .map((columns) => [columns[0], columns[5]] as const),
      );
      // plistlib's view of each file: readable or not, and the root's PayloadType.
      const plistlib = python<Record<string, { readable: boolean; payloadType: string | null }>>(
        String.raw`
import json, plistlib, subprocess, sys
out = {}
for path in json.load(sys.stdin):
    data = open(path, 'rb').read()
    if data[:1] == b'\x30':
        data = subprocess.run(['openssl', 'cms', '-verify', '-noverify', '-inform', 'DER', '-in', path], capture_output=True).stdout
    try:
        root = plistlib.loads(data)
    except Exception:
        out[path] = {'readable': False, 'payloadType': None}
        continue
    kind = root.get('PayloadType') if isinstance(root, dict) else None
    out[path] = {'readable': True, 'payloadType': kind if isinstance(kind, str) else None}
print(json.dumps(out))
`,
        files,
      );

      await dropPaths(session, files);
      const { page } = session;
      await page.locator('.inspection-card').nth(files.length - 1).waitFor();
      await expect(page.locator('.inspection-card').count()).resolves.toBe(files.length);

      for (const file of files) {
        const name = path.basename(file);
        const kind = manifest.get(`files/${name}`);
        const view = plistlib[file];
        const fileCard = card(session, name);
        const label = await fileCard.locator('.card-kind').textContent();

        if (kind === 'signed' || kind === 'unsigned' || kind === 'encrypted') {
          // Profiles: plistlib reads a root dictionary with a PayloadType (Configuration, Profile
          // Service, or a payload type for a profile that lacks the Configuration wrapper).
          expect(view.payloadType, name).not.toBeNull();
          expect(label, name).toBe('Configuration profile');
        }
        if (kind === 'signed') {
          const badges = await fileCard.getByRole('region', { name: 'Signature' }).locator('.badge-row .status-badge').allTextContents();
          expect(badges, name).toHaveLength(4);
        }
        if (kind === 'encrypted') await expect(fileCard.getByRole('button', { name: 'Decrypt with identity…' }).count(), name).resolves.toBe(1);
        if (kind === 'binary-plist') {
          expect(label, name).toBe('Property list');
          await expect(fileCard.locator('.card-format').textContent(), name).resolves.toBe('Binary plist');
        }
        if (kind === 'fixture-broken') {
          // Either not readable with a specific message, or opened with what is wrong said:
          // a reader warning or validation errors (the corpus allows both for suspicious files).
          const message = label === 'Not readable' ? await fileCard.getByRole('alert').textContent() : null;
          const warnings = await fileCard.getByRole('list', { name: 'Warnings' }).count();
          const errors = await fileCard.locator('.finding.severity-error').count();
          expect(message !== null ? message.length > `${name} could not be read: `.length : warnings + errors > 0, name).toBe(true);
          if (!view.readable && message === null) expect(warnings, `${name}: plistlib rejects it, so the app must say why it accepts it`).toBeGreaterThan(0);
        }
      }
    });
  });
});

/** Returns the lower-case hex SHA-256 of a PEM certificate, as openssl prints it. */
function opensslSha256(certPath: string): string {
  return execFileSync('openssl', ['x509', '-in', certPath, '-noout', '-fingerprint', '-sha256']).toString().trim().split('=')[1].replace(/:/g, '').toLowerCase();
}
