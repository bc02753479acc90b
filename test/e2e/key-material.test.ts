// No IPC reply to the renderer carries key material or a passphrase. The harness records every
// reply and event the stand-in preload forwards to the page. The session imports identities
// (PKCS#12 with a wrong and a right passphrase, PEM with an encrypted key), drops key files,
// exports a profile signed and encrypted, and decrypts it again. The recordings are then
// searched for each private key in every encoding openssl writes and for each passphrase, and
// so are the main process' log and the page's HTML.

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { needTools } from '../support/environment.ts';
import { makePki, type Pki, type PkiEntity } from '../support/openssl-pki.ts';
import { WIFI_PROFILE_XML } from '../support/profile-fixtures.ts';
import { startAppSession } from './harness/app-session.ts';
import { dropPaths } from './harness/drop.ts';
import { useRendererServer } from './harness/renderer-server.ts';

const tools = needTools('chromium', 'openssl');

const P12_PASSPHRASE = 'p12-Secret-Passphrase-7391';
const WRONG_PASSPHRASE = 'wrong-Guess-Passphrase-2286';
const KEY_PASSPHRASE = 'pem-Key-Passphrase-5547';

describe.skipIf(tools.skip)('key material over IPC' + tools.reason, () => {
  const renderer = useRendererServer('keys');
  let pki: Pki;
  let dir: string;

  beforeAll(async () => {
    pki = makePki();
    dir = await mkdtemp(path.join(tmpdir(), 'keys-e2e-'));
  });

  afterAll(async () => {
    pki?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Returns the private key of `entity` in the encodings openssl writes: PEM bodies, DER as base64 and hex. */
  const encodingsOf = (entity: PkiEntity): string[] => {
    const pkcs8Pem = pki.openssl(['pkey', '-in', entity.keyPath]).toString();
    const pkcs8Der = pki.openssl(['pkey', '-in', entity.keyPath, '-outform', 'DER']);
    const traditionalPem = pki.openssl(['pkey', '-in', entity.keyPath, '-traditional']).toString();
    const pemBody = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, '');
    const found = [pemBody(pkcs8Pem), pemBody(traditionalPem), pkcs8Der.toString('base64'), pkcs8Der.toString('hex')];
    // A 64-character line of the PEM body: found even where a reply wraps the text differently.
    found.push(...found.slice(0, 2).map((body) => body.slice(64, 128)));
    return found;
  };

  it('sends no private key or passphrase to the page', async () => {
    // Fixtures: a p12, an encrypted PEM key, and a profile encrypted for the device.
    const p12 = path.join(dir, 'signer.p12');
    pki.openssl(['pkcs12', '-export', '-in', pki.leafRsa.certPath, '-inkey', pki.leafRsa.keyPath, '-certfile', pki.intermediate.certPath, '-passout', `pass:${P12_PASSPHRASE}`, '-out', p12]);
    const encryptedKey = path.join(dir, 'device.key');
    pki.openssl(['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', pki.device.keyPath, '-passout', `pass:${KEY_PASSPHRASE}`, '-out', encryptedKey]);
    const profile = path.join(dir, 'wifi.mobileconfig');
    await writeFile(profile, WIFI_PROFILE_XML);
    const plainKeyCopy = path.join(dir, 'leaf-ec.key');
    await writeFile(plainKeyCopy, await readFile(pki.leafEc.keyPath));

    const session = await startAppSession({ origin: renderer.origin });
    const { page } = session;
    try {
      // PKCS#12: a wrong passphrase first, then the right one.
      await page.getByRole('button', { name: 'Certificates', exact: true }).click();
      session.openPaths.push(p12);
      await page.getByRole('button', { name: 'Import .p12…' }).click();
      await page.getByLabel('Passphrase', { exact: true }).fill(WRONG_PASSPHRASE);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('dialog').getByRole('alert').waitFor();
      await page.getByLabel('Passphrase', { exact: true }).fill(P12_PASSPHRASE);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('table', { name: 'Identities' }).locator('tbody tr').waitFor();

      // PEM certificate with an encrypted key.
      session.openPaths.push(pki.device.certPath, encryptedKey);
      await page.getByRole('button', { name: 'Import PEM Certificate and Key…' }).click();
      await page.getByLabel('Passphrase', { exact: true }).fill(KEY_PASSPHRASE);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('table', { name: 'Identities' }).locator('tbody tr', { hasText: 'Device Identity 0001' }).waitFor();

      // The device certificate as an encryption recipient.
      session.openPathLists.push([pki.device.certPath]);
      await page.getByRole('button', { name: 'Add Device Certificates…' }).click();
      await page.getByRole('table', { name: 'Device certificates' }).locator('tbody tr').waitFor();

      // Dropped key files: an unencrypted key, an encrypted key and the p12.
      await dropPaths(session, [plainKeyCopy, encryptedKey, p12]);
      await page.locator('.inspection-card').nth(2).waitFor();

      // Export the profile encrypted for the device and signed, then inspect and decrypt it.
      session.openPaths.push(profile);
      await page.getByRole('button', { name: 'Open…' }).click();
      await page.locator('.document-name', { hasText: 'wifi.mobileconfig' }).waitFor();
      await page.getByRole('button', { name: 'Export…', exact: true }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Export wifi.mobileconfig' });
      await dialog.getByLabel(/^Encrypted for devices/).check();
      await dialog.getByLabel('CN=Device Identity 0001').check();
      await dialog.getByLabel('Identity', { exact: true }).selectOption({ index: 0 });
      const exported = path.join(dir, 'wifi-encrypted.mobileconfig');
      session.savePaths.push(exported);
      await dialog.getByRole('button', { name: 'Export…' }).click();
      await dialog.getByRole('region', { name: 'Written files' }).waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
      expect(existsSync(exported)).toBe(true);

      await dropPaths(session, [exported]);
      const exportedCard = page.getByRole('article', { name: 'wifi-encrypted.mobileconfig' });
      await exportedCard.getByRole('button', { name: 'Decrypt with identity…' }).click();
      await page.getByRole('dialog').getByText('CN=Device Identity 0001').click();
      await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
      await exportedCard.locator('.card-note', { hasText: 'Decrypted' }).waitFor();

      // The page did get replies, including the decrypted payloads it asked for.
      const replies = JSON.stringify(session.replies);
      expect(session.replies.length).toBeGreaterThan(20);
      expect(replies).toContain('Résumé-Net');

      // No private key in any encoding, and no passphrase, in any reply or event.
      const secrets = [...encodingsOf(pki.leafRsa), ...encodingsOf(pki.device), ...encodingsOf(pki.leafEc), P12_PASSPHRASE, WRONG_PASSPHRASE, KEY_PASSPHRASE];
      const encryptedKeyBody = (await readFile(encryptedKey, 'utf8')).replace(/-----[^-]+-----/g, '').replace(/\s/g, '');
      secrets.push(encryptedKeyBody, (await readFile(p12)).toString('base64'));
      for (const secret of secrets) {
        expect(secret.length).toBeGreaterThan(15);
        expect(replies.includes(secret), `a reply contains ${secret.slice(0, 12)}…`).toBe(false);
      }

      // Nor in the main process' log, nor in the page.
      const log = JSON.stringify(session.logLines);
      for (const secret of secrets) expect(log.includes(secret), `the log contains ${secret.slice(0, 12)}…`).toBe(false);
      const html = await page.content();
      for (const secret of secrets) expect(html.includes(secret), `the page contains ${secret.slice(0, 12)}…`).toBe(false);
      await expect(page.locator('input[type="password"]').count()).resolves.toBe(0);

      expect(session.foreignRequests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
