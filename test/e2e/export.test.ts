// The export dialog in Chromium: a signed export that `openssl cms -verify` accepts, an
// encrypted export whose EncryptedPayloadContent `openssl cms -decrypt` turns back into the
// original payloads, one file per device with progress, and error warnings that need an
// explicit confirmation. The identities are PKCS#12 files made by openssl.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { needTools } from '../support/environment.ts';
import { makePki, type Pki } from '../support/openssl-pki.ts';
import { WIFI_PROFILE_XML } from '../support/profile-fixtures.ts';
import { startAppSession, type AppSession } from './harness/app-session.ts';
import { useRendererServer } from './harness/renderer-server.ts';

const tools = needTools('chromium', 'openssl', 'python3');

const PASSPHRASE = 'export test';

/** Decrypts EncryptedPayloadContent of `file` (unwrapping a signature first) with openssl and returns the payloads as plistlib reads them, with the original's for comparison. */
function decryptWithOpenssl(file: string, certPath: string, keyPath: string, original: string): { decrypted: unknown; original: unknown; topKeys: string[] } {
  const script = String.raw`
import json, plistlib, subprocess, sys, datetime, base64
path, cert, key, original = sys.argv[1:5]
data = open(path, 'rb').read()
if data[:1] == b'\x30':
    data = subprocess.run(['openssl', 'cms', '-verify', '-noverify', '-inform', 'DER', '-in', path], capture_output=True, check=True).stdout
root = plistlib.loads(data)
plain = subprocess.run(['openssl', 'cms', '-decrypt', '-inform', 'DER', '-inkey', key, '-recip', cert], input=root['EncryptedPayloadContent'], capture_output=True, check=True).stdout
content = plistlib.loads(plain)
payloads = content if isinstance(content, list) else content['PayloadContent']
def plain_json(value):
    if isinstance(value, bytes): return {'data': base64.b64encode(value).decode()}
    if isinstance(value, datetime.datetime): return {'date': value.isoformat()}
    if isinstance(value, float): return {'real': value}
    if isinstance(value, list): return [plain_json(item) for item in value]
    if isinstance(value, dict): return {k: plain_json(v) for k, v in value.items()}
    return value
print(json.dumps({'decrypted': plain_json(payloads), 'original': plain_json(plistlib.load(open(original, 'rb'))['PayloadContent']), 'topKeys': list(root.keys())}))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, file, certPath, keyPath, original], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { decrypted: unknown; original: unknown; topKeys: string[] };
}

describe.skipIf(tools.skip)('export dialog in Chromium' + tools.reason, () => {
  const renderer = useRendererServer('export');
  let pki: Pki;
  let dir: string;
  let profile: string;
  let signerP12: string;
  let expiredP12: string;
  let secondDevice: { certPath: string; keyPath: string };
  let session: AppSession;

  beforeAll(async () => {
    pki = makePki();
    dir = await mkdtemp(path.join(tmpdir(), 'export-e2e-'));
    profile = path.join(dir, 'Wi-Fi.mobileconfig');
    await writeFile(profile, WIFI_PROFILE_XML);

    // The signer with its chain up to the root, as an admin's .p12 would hold it.
    const chain = pki.write('chain.pem', Buffer.concat([await readFile(pki.intermediate.certPath), await readFile(pki.root.certPath)]));
    signerP12 = path.join(dir, 'signer.p12');
    pki.openssl(['pkcs12', '-export', '-in', pki.leafRsa.certPath, '-inkey', pki.leafRsa.keyPath, '-certfile', chain, '-passout', `pass:${PASSPHRASE}`, '-out', signerP12]);
    expiredP12 = path.join(dir, 'expired.p12');
    pki.openssl(['pkcs12', '-export', '-in', pki.expired.certPath, '-inkey', pki.expired.keyPath, '-certfile', chain, '-passout', `pass:${PASSPHRASE}`, '-out', expiredP12]);

    // A second device identity, self-signed like the first.
    pki.openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'device2.key', '-subj', '/CN=Device Identity 0002', '-days', '365', '-out', 'device2.pem']);
    secondDevice = { certPath: path.join(pki.dir, 'device2.pem'), keyPath: path.join(pki.dir, 'device2.key') };
  });

  afterAll(async () => {
    pki?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    session = await startAppSession({ origin: renderer.origin });
    await session.keystore.importIdentity({ p12: new Uint8Array(await readFile(signerP12)), passphrase: PASSPHRASE, file: signerP12 });
    await session.keystore.importRecipients([
      { file: pki.device.certPath, bytes: new Uint8Array(await readFile(pki.device.certPath)) },
      { file: secondDevice.certPath, bytes: new Uint8Array(await readFile(secondDevice.certPath)) },
    ]);

    // The profile open in the editor, then the dialog.
    session.openPaths.push(profile);
    await session.page.getByRole('button', { name: 'Open…' }).click();
    await session.page.locator('.document-name', { hasText: 'Wi-Fi.mobileconfig' }).waitFor();
  });

  afterEach(async () => {
    expect(session.foreignRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    await session.close();
  });

  const openDialog = async () => {
    await session.page.getByRole('button', { name: 'Export…', exact: true }).first().click();
    const dialog = session.page.getByRole('dialog', { name: 'Export Wi-Fi.mobileconfig' });
    await dialog.waitFor();
    await dialog.getByRole('region', { name: 'Before export' }).and(session.page.locator('[aria-busy="false"]')).waitFor();
    return dialog;
  };

  it('exports a signed profile that openssl verifies', async () => {
    const dialog = await openDialog();
    await expect(dialog.getByLabel(/^Signed/).isChecked()).resolves.toBe(true);
    await expect(dialog.getByLabel('Identity', { exact: true }).locator('option:checked').textContent()).resolves.toMatch(/^CN=Résumé Signer/);
    await dialog.getByLabel('Digest').selectOption('sha384');

    const out = path.join(dir, 'signed.mobileconfig');
    session.savePaths.push(out);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    const written = dialog.getByRole('region', { name: 'Written files' });
    await written.waitFor();
    await expect(written.getByLabel('Read back').locator('.status-badge').allTextContents()).resolves.toEqual(['Signature valid', 'Chain complete', 'Trusted', 'Signer not expired', 'Not encrypted']);

    // openssl accepts the signature against the root, and the content is the editor's XML.
    const content = path.join(dir, 'signed-content.xml');
    pki.openssl(['cms', '-verify', '-inform', 'DER', '-in', out, '-CAfile', pki.root.certPath, '-out', content]);
    await expect(readFile(content, 'utf8')).resolves.toBe(WIFI_PROFILE_XML);
    const printed = pki.openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', out]).toString();
    expect(printed).toContain('sha384');
  });

  it('exports encrypted for a device, which openssl decrypts', async () => {
    const dialog = await openDialog();
    await dialog.getByLabel(/^Encrypted for devices/).check();
    await dialog.getByLabel('CN=Device Identity 0001').check();
    await dialog.getByLabel(/Also sign, after/).uncheck();

    const out = path.join(dir, 'encrypted.mobileconfig');
    session.savePaths.push(out);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    const written = dialog.getByRole('region', { name: 'Written files' });
    await written.waitFor();
    await expect(written.getByLabel('Read back').locator('.status-badge').allTextContents()).resolves.toEqual(['Unsigned', 'Encrypted']);

    const result = decryptWithOpenssl(out, pki.device.certPath, pki.device.keyPath, profile);
    expect(result.decrypted).toEqual(result.original);
    expect(result.topKeys).toContain('EncryptedPayloadContent');
    expect(result.topKeys).not.toContain('PayloadContent');
    expect(result.topKeys).toContain('PayloadIdentifier');
  });

  it('writes one signed, encrypted file per device', async () => {
    const dialog = await openDialog();
    await dialog.getByLabel(/^One encrypted file per device/).check();
    await dialog.getByLabel('CN=Device Identity 0001').check();
    await dialog.getByLabel('CN=Device Identity 0002').check();

    const folder = await mkdtemp(path.join(dir, 'per-device-'));
    session.folderPaths.push(folder);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    const written = dialog.getByRole('region', { name: 'Written files' });
    await written.waitFor();
    await expect(written.locator('li').count()).resolves.toBe(2);
    for (const badges of await written.getByLabel('Read back').evaluateAll((rows) => rows.map((row) => Array.from(row.children, (child) => child.textContent)))) {
      expect(badges).toEqual(['Signature valid', 'Chain complete', 'Trusted', 'Signer not expired', 'Encrypted']);
    }

    // Progress went out for each device, ending at two of two.
    const progress = session.replies.filter((reply): reply is { done: number; total: number; current: string } => typeof reply === 'object' && reply !== null && 'current' in reply);
    expect(progress.at(-1)).toMatchObject({ done: 2, total: 2 });

    // Each file opens with its own device's key only.
    const files = (await readdir(folder)).sort().map((name) => path.join(folder, name));
    expect(files).toHaveLength(2);
    const devices = [pki.device, secondDevice];
    for (const file of files) {
      const opened = devices.filter((device) => {
        try {
          decryptWithOpenssl(file, device.certPath, device.keyPath, profile);
          return true;
        } catch {
          return false;
        }
      });
      expect(opened, file).toHaveLength(1);
      pki.openssl(['cms', '-verify', '-inform', 'DER', '-in', file, '-CAfile', pki.root.certPath, '-out', path.join(dir, 'unwrapped.xml')]);
    }
  });

  it('needs a confirmation to export with an expired signer', async () => {
    await session.keystore.importIdentity({ p12: new Uint8Array(await readFile(expiredP12)), passphrase: PASSPHRASE, file: expiredP12 });
    const dialog = await openDialog();
    await dialog.getByLabel('Identity', { exact: true }).selectOption({ label: 'CN=Expired Signer (expired)' });
    const warnings = dialog.getByRole('region', { name: 'Before export' });
    await warnings.locator('.finding.severity-error').first().waitFor();
    await expect(warnings.locator('.finding.severity-error').first().textContent()).resolves.toMatch(/expired/i);

    // Export stays disabled until the errors are confirmed.
    const exportButton = dialog.getByRole('button', { name: 'Export…' });
    await expect(exportButton.isDisabled()).resolves.toBe(true);
    await dialog.getByLabel(/Export anyway/).check();
    await expect(exportButton.isDisabled()).resolves.toBe(false);

    const out = path.join(dir, 'expired-signer.mobileconfig');
    session.savePaths.push(out);
    await exportButton.click();
    const written = dialog.getByRole('region', { name: 'Written files' });
    await written.waitFor();
    await expect(written.getByLabel('Read back').locator('.status-badge', { hasText: 'Signer expired' }).count()).resolves.toBe(1);
    expect(existsSync(out)).toBe(true);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const dialog = await openDialog();
    session.savePaths.push(null);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await dialog.getByRole('button', { name: 'Export…' }).and(session.page.locator(':enabled')).waitFor();
    await expect(dialog.getByRole('region', { name: 'Written files' }).count()).resolves.toBe(0);
    await expect(dialog.getByRole('alert').count()).resolves.toBe(0);
  });
});
