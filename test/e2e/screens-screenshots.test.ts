// Screenshots of the inspection, certificate and export screens in light and dark, written
// under test-results/screenshots for a person to look at. The fixtures are generated here, so
// the screenshots need no corpus. The checks are only that each screen rendered.

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { needTools, projectRoot } from '../support/environment.ts';
import { makePki, type Pki } from '../support/openssl-pki.ts';
import { stubXml, WIFI_PROFILE_XML } from '../support/profile-fixtures.ts';
import { FIXED_NOW, makeDeveloperCertificates, standardProfileSpecs, writeStandardProfiles } from '../support/provisioning-fixtures.ts';
import { startAppSession } from './harness/app-session.ts';
import { dropPaths } from './harness/drop.ts';
import { useRendererServer } from './harness/renderer-server.ts';

const tools = needTools('chromium', 'openssl', 'python3');
const outDir = path.join(projectRoot, 'test-results', 'screenshots');
const PASSPHRASE = 'screenshot';

describe.skipIf(tools.skip)('screenshots of the inspection, certificate and export screens' + tools.reason, () => {
  const renderer = useRendererServer('screen-shots');
  let pki: Pki;
  let dir: string;
  const fixtures = { signed: '', edited: '', stub: '', broken: '', folder: '', p12: '', expiredP12: '', profile: '' };

  beforeAll(async () => {
    await mkdir(outDir, { recursive: true });
    pki = makePki();
    dir = await mkdtemp(path.join(tmpdir(), 'screens-shots-'));

    // A signed profile, an edited copy, a stub, a broken file and a folder of provisioning profiles.
    fixtures.profile = path.join(dir, 'Office Wi-Fi.mobileconfig');
    await writeFile(fixtures.profile, WIFI_PROFILE_XML);
    const chain = pki.write('chain.pem', Buffer.concat([await readFile(pki.intermediate.certPath), await readFile(pki.root.certPath)]));
    fixtures.signed = path.join(dir, 'Office Wi-Fi (signed).mobileconfig');
    pki.openssl(['cms', '-sign', '-binary', '-nodetach', '-outform', 'DER', '-md', 'sha256', '-in', fixtures.profile, '-signer', pki.leafRsa.certPath, '-inkey', pki.leafRsa.keyPath, '-certfile', chain, '-out', fixtures.signed]);
    fixtures.edited = path.join(dir, 'Office Wi-Fi (new).mobileconfig');
    await writeFile(fixtures.edited, WIFI_PROFILE_XML.replace('<string>Résumé-Net</string>', '<string>Office-5G</string>').replace('<string>WPA2</string>', '<string>WPA3</string>'));
    fixtures.stub = path.join(dir, 'profile-3BA092E3.stub');
    await writeFile(fixtures.stub, stubXml(Buffer.from(pki.leafRsa.der).toString('base64')));
    fixtures.broken = path.join(dir, 'truncated.mobileconfig');
    await writeFile(fixtures.broken, WIFI_PROFILE_XML.slice(0, 700));
    fixtures.folder = path.join(dir, 'Provisioning Profiles');
    await mkdir(fixtures.folder);
    writeStandardProfiles(pki, fixtures.folder, standardProfileSpecs(makeDeveloperCertificates(pki)));

    fixtures.p12 = path.join(dir, 'signer.p12');
    pki.openssl(['pkcs12', '-export', '-in', pki.leafRsa.certPath, '-inkey', pki.leafRsa.keyPath, '-certfile', chain, '-passout', `pass:${PASSPHRASE}`, '-out', fixtures.p12]);
    fixtures.expiredP12 = path.join(dir, 'expired.p12');
    pki.openssl(['pkcs12', '-export', '-in', pki.expired.certPath, '-inkey', pki.expired.keyPath, '-certfile', chain, '-passout', `pass:${PASSPHRASE}`, '-out', fixtures.expiredP12]);
  });

  afterAll(async () => {
    pki?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`renders ${scheme} inspection screens`, async () => {
      // The provisioning fixtures expire relative to FIXED_NOW, so this session's clock is fixed.
      const session = await startAppSession({ origin: renderer.origin, colorScheme: scheme, now: FIXED_NOW });
      const { page } = session;
      const shot = async (name: string) => page.screenshot({ path: path.join(outDir, `${name}-${scheme}.png`) });
      try {
        // Inspection: a signed profile, a stub and a broken file.
        await dropPaths(session, [fixtures.signed, fixtures.stub, fixtures.broken]);
        await page.getByRole('article', { name: 'Office Wi-Fi (signed).mobileconfig' }).waitFor();
        await page.getByRole('article', { name: 'Office Wi-Fi (signed).mobileconfig' }).getByRole('region', { name: 'Payloads' }).locator('summary').first().click();
        await shot('06-inspection');

        // A folder of provisioning profiles as tables.
        await page.getByRole('button', { name: 'Clear' }).click();
        await dropPaths(session, [fixtures.folder]);
        await page.getByRole('table', { name: 'Provisioning profiles in the folder', exact: true }).waitFor();
        await page.getByRole('region', { name: 'Provisioning profiles', exact: true }).scrollIntoViewIfNeeded();
        await shot('07-folder-tables');

        // Two profiles compared side by side.
        await page.getByRole('button', { name: 'Clear' }).click();
        await dropPaths(session, [fixtures.profile, fixtures.edited]);
        await page.getByRole('article', { name: 'Office Wi-Fi (new).mobileconfig' }).getByLabel('Compare').check();
        await page.getByRole('article', { name: 'Office Wi-Fi.mobileconfig' }).getByLabel('Compare').check();
        await page.getByRole('button', { name: 'Compare 2/2' }).click();
        await page.getByRole('table', { name: 'Differences' }).waitFor();
        await shot('08-compare');

        expect(session.foreignRequests).toEqual([]);
        expect(session.pageErrors).toEqual([]);
      } finally {
        await session.close();
      }
    });

    it(`renders ${scheme} certificate and export screens`, async () => {
      // The certificates are made today, so this session keeps the real clock.
      const session = await startAppSession({ origin: renderer.origin, colorScheme: scheme });
      const { page } = session;
      const shot = async (name: string) => page.screenshot({ path: path.join(outDir, `${name}-${scheme}.png`) });
      try {
        for (const p12 of [fixtures.p12, fixtures.expiredP12]) await session.keystore.importIdentity({ p12: new Uint8Array(await readFile(p12)), passphrase: PASSPHRASE, file: p12 });
        await session.keystore.importRecipients([pki.device, pki.leafEc].map((entity) => ({ file: entity.certPath, bytes: entity.der })));

        // The certificate manager, and the passphrase dialog with a wrong passphrase.
        await page.getByRole('button', { name: 'Certificates', exact: true }).click();
        await page.getByRole('table', { name: 'Device certificates' }).waitFor();
        await shot('09-certificates');
        session.openPaths.push(fixtures.p12);
        await page.getByRole('button', { name: 'Import .p12…' }).click();
        await page.getByLabel('Passphrase', { exact: true }).fill('not it');
        await page.getByRole('button', { name: 'Import', exact: true }).click();
        await page.getByRole('dialog').getByRole('alert').waitFor();
        await shot('10-passphrase');
        await page.getByRole('button', { name: 'Cancel' }).click();

        // The export dialog: an expired signer's warnings, then a per-device export's result.
        session.openPaths.push(fixtures.profile);
        await page.getByRole('button', { name: 'Editor', exact: true }).click();
        await page.getByRole('button', { name: 'Open…' }).click();
        await page.locator('.document-name', { hasText: 'Office Wi-Fi.mobileconfig' }).waitFor();
        await page.getByRole('button', { name: 'Export…', exact: true }).first().click();
        const dialog = page.getByRole('dialog', { name: 'Export Office Wi-Fi.mobileconfig' });
        await dialog.getByLabel('Identity', { exact: true }).selectOption({ label: 'CN=Expired Signer (expired)' });
        await dialog.locator('.finding.severity-error').first().waitFor();
        await shot('11-export-warnings');

        await dialog.getByLabel(/^One encrypted file per device/).check();
        await dialog.getByLabel('Identity', { exact: true }).selectOption({ index: 0 });
        await dialog.getByLabel('CN=Device Identity 0001').check();
        const folder = await mkdtemp(path.join(dir, `export-${scheme}-`));
        session.folderPaths.push(folder);
        await dialog.locator('[aria-busy="false"]').waitFor();
        await dialog.getByRole('button', { name: 'Export…' }).click();
        await dialog.getByRole('region', { name: 'Written files' }).waitFor();
        await shot('12-export-result');

        expect(session.foreignRequests).toEqual([]);
        expect(session.pageErrors).toEqual([]);
      } finally {
        await session.close();
      }
    });
  }
});
