// The certificate manager in Chromium: PKCS#12 and PEM imports made with openssl, the
// passphrase dialog (a wrong passphrase leaves nothing half-imported), device certificates
// imported several at once, removal, where identities are kept, and decrypting the corpus'
// encrypted profile with its companion key.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { needCorpus, needTools } from '../support/environment.ts';
import { makePki, type Pki } from '../support/openssl-pki.ts';
import { startAppSession, type AppSession } from './harness/app-session.ts';
import { dropPaths } from './harness/drop.ts';
import { useRendererServer } from './harness/renderer-server.ts';

const tools = needTools('chromium', 'openssl', 'python3');
const corpus = needCorpus();

const DAY_MS = 86_400_000;
const P12_PASSPHRASE = 'correct horse 12';
const KEY_PASSPHRASE = 'pem key passphrase';

describe.skipIf(tools.skip)('certificate manager in Chromium' + tools.reason, () => {
  const renderer = useRendererServer('certificates');
  let pki: Pki;
  let dir: string;
  let p12: string;
  let encryptedKey: string;
  const sessions: AppSession[] = [];

  const start = async (options: { keystore?: 'encrypted' | 'session' } = {}) => {
    const session = await startAppSession({ origin: renderer.origin, ...options });
    sessions.push(session);
    await session.page.getByRole('button', { name: 'Certificates', exact: true }).click();
    await session.page.getByRole('heading', { name: 'Certificates and Identities' }).waitFor();
    return session;
  };

  /** Facts of a certificate as openssl prints them. */
  const opensslFacts = (certPath: string) => {
    const text = pki.openssl(['x509', '-in', certPath, '-noout', '-subject', '-issuer', '-enddate', '-fingerprint', '-sha256', '-nameopt', 'RFC2253']).toString();
    const field = (name: string) => new RegExp(`^${name}=(.*)$`, 'mi').exec(text)?.[1].trim() ?? '';
    return { subject: field('subject'), issuer: field('issuer'), notAfter: new Date(field('notAfter')), fingerprint: field('sha256 Fingerprint') };
  };

  beforeAll(async () => {
    pki = makePki();
    dir = await mkdtemp(path.join(tmpdir(), 'certificates-e2e-'));
    p12 = path.join(dir, 'expiring.p12');
    pki.openssl(['pkcs12', '-export', '-in', pki.expiringSoon.certPath, '-inkey', pki.expiringSoon.keyPath, '-certfile', pki.intermediate.certPath, '-passout', `pass:${P12_PASSPHRASE}`, '-out', p12]);
    encryptedKey = path.join(dir, 'device-encrypted.key');
    pki.openssl(['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', pki.device.keyPath, '-passout', `pass:${KEY_PASSPHRASE}`, '-out', encryptedKey]);
  });

  afterEach(async () => {
    for (const session of sessions.splice(0)) {
      expect(session.foreignRequests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
      await session.close();
    }
  });

  afterAll(async () => {
    pki?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('imports a p12 made by openssl', async () => {
    const session = await start();
    const { page } = session;
    await expect(page.locator('.persistence-note').textContent()).resolves.toBe('Identities and device certificates are kept encrypted in the system keychain.');

    session.openPaths.push(p12);
    await page.getByRole('button', { name: 'Import .p12…' }).click();
    await page.getByRole('heading', { name: 'Passphrase for expiring.p12' }).waitFor();
    await page.getByLabel('Passphrase', { exact: true }).fill(P12_PASSPHRASE);
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    // The row shows openssl's subject, issuer and fingerprint, RSA 2048 and the days left.
    const facts = opensslFacts(pki.expiringSoon.certPath);
    const row = page.getByRole('table', { name: 'Identities' }).locator('tbody tr');
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toBe(facts.subject);
    expect(cells[1]).toBe(facts.issuer);
    expect(cells[2]).toBe('RSA 2048');
    const daysLeft = Math.floor((facts.notAfter.getTime() - Date.now()) / DAY_MS);
    expect(cells[3]).toMatch(new RegExp(`^Expires in (${daysLeft}|${daysLeft - 1}) days`));
    expect(cells[4]).toBe(facts.fingerprint);

    // Saved, encrypted by the stand-in for safeStorage.
    const saved = await readFile(path.join(session.userDataDir, 'identities.bin'));
    expect(saved.includes(Buffer.from('BEGIN'))).toBe(false);
    expect(saved.includes(Buffer.from(P12_PASSPHRASE))).toBe(false);
  });

  it('leaves nothing imported after a wrong passphrase', async () => {
    const session = await start();
    const { page } = session;
    session.openPaths.push(p12);
    await page.getByRole('button', { name: 'Import .p12…' }).click();
    const field = page.getByLabel('Passphrase', { exact: true });
    await field.fill('not the passphrase');
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    // The dialog stays with the main process' message; the field is empty again.
    const alert = page.getByRole('dialog').getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/passphrase/i);
    await expect(field.inputValue()).resolves.toBe('');
    expect(session.keystore.listIdentities()).toEqual([]);
    expect(existsSync(path.join(session.userDataDir, 'identities.bin'))).toBe(false);

    // Cancel: still nothing, and the screen says so.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await expect(page.getByText('No identities yet.').count()).resolves.toBe(1);
    expect(session.keystore.listIdentities()).toEqual([]);
    expect(existsSync(path.join(session.userDataDir, 'identities.bin'))).toBe(false);
  });

  it('asks for the passphrase of an encrypted PEM key only', async () => {
    const session = await start();
    const { page } = session;

    // An unencrypted key imports without a question.
    session.openPaths.push(pki.leafEc.certPath, pki.leafEc.keyPath);
    await page.getByRole('button', { name: 'Import PEM Certificate and Key…' }).click();
    await page.getByRole('table', { name: 'Identities' }).locator('tbody tr', { hasText: 'CN=EC Signer' }).waitFor();
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);

    // An encrypted key: the dialog appears without an error, then the import succeeds.
    session.openPaths.push(pki.device.certPath, encryptedKey);
    await page.getByRole('button', { name: 'Import PEM Certificate and Key…' }).click();
    await page.getByRole('heading', { name: 'Passphrase for device-encrypted.key' }).waitFor();
    await expect(page.getByRole('dialog').getByRole('alert').count()).resolves.toBe(0);
    await page.getByLabel('Passphrase', { exact: true }).fill(KEY_PASSPHRASE);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('table', { name: 'Identities' }).locator('tbody tr', { hasText: 'CN=Device Identity 0001' }).waitFor();
    expect(session.keystore.listIdentities().map((identity) => identity.certificate.subject).sort()).toEqual(['CN=Device Identity 0001', 'CN=EC Signer,O=Mobileconfig Test,C=FR']);
  });

  it('adds several device certificates at once', async () => {
    const session = await start();
    const { page } = session;
    const junk = path.join(dir, 'notes.txt');
    await writeFile(junk, 'not a certificate\n');
    session.openPathLists.push([pki.device.certPath, pki.leafEc.certPath, junk]);
    await page.getByRole('button', { name: 'Add Device Certificates…' }).click();

    const rows = page.getByRole('table', { name: 'Device certificates' }).locator('tbody tr');
    await rows.nth(1).waitFor();
    await expect(rows.count()).resolves.toBe(2);
    // Apple devices unwrap only RSA key transport, so the EC certificate is marked.
    await expect(rows.filter({ hasText: 'CN=EC Signer' }).locator('.status-bad').textContent()).resolves.toBe('cannot receive encrypted profiles');
    await expect(page.locator('.notice-error', { hasText: 'notes.txt' }).count()).resolves.toBe(1);

    // Removal asks first.
    await rows.filter({ hasText: 'CN=Device Identity 0001' }).getByRole('button', { name: /^Remove/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await rows.filter({ hasText: 'CN=Device Identity 0001' }).waitFor({ state: 'detached' });
    await expect(rows.count()).resolves.toBe(1);
    expect(session.keystore.listRecipients().map((recipient) => recipient.certificate.subject)).toEqual(['CN=EC Signer,O=Mobileconfig Test,C=FR']);
  });

  it('says when identities last for this session only', async () => {
    const session = await start({ keystore: 'session' });
    await expect(session.page.locator('.persistence-note').textContent()).resolves.toMatch(/^Identities and device certificates are kept for this session only: .*keychain/);
  });

  it.skipIf(corpus.skip)('decrypts the corpus encrypted profile with its companion key' + corpus.reason, async () => {
    const encrypted = path.join(corpus.dir, 'files', 'rtroutonjp400_encrypted_CompanyWiFi.mobileconfig');
    const certificate = path.join(corpus.dir, 'companions', 'rtroutonjp400_server.crt');
    const key = path.join(corpus.dir, 'companions', 'rtroutonjp400_server.key');

    // What openssl decrypts from EncryptedPayloadContent, read by plistlib.
    const expected = JSON.parse(
      execFileSync(
        'python3',
        [
          '-c',
          String.raw`
import json, plistlib, subprocess, sys
root = plistlib.load(open(sys.argv[1], 'rb'))
plain = subprocess.run(['openssl', 'cms', '-decrypt', '-inform', 'DER', '-inkey', sys.argv[3], '-recip', sys.argv[2]], input=root['EncryptedPayloadContent'], capture_output=True, check=True).stdout
content = plistlib.loads(plain)
payloads = content if isinstance(content, list) else content['PayloadContent']
print(json.dumps([p['PayloadType'] for p in payloads]))
`,
          encrypted,
          certificate,
          key,
        ],
        { encoding: 'utf8' },
      ),
    ) as string[];
    expect(expected.length).toBeGreaterThan(0);

    const session = await start();
    const { page } = session;
    await dropPaths(session, [encrypted]);
    const card = page.getByRole('article', { name: 'rtroutonjp400_encrypted_CompanyWiFi.mobileconfig' });
    await card.getByRole('button', { name: 'Decrypt with identity…' }).click();

    // No identity yet: the dialog leads to the certificate manager, where the key is imported.
    await page.getByRole('button', { name: 'Open Certificates and Identities' }).click();
    session.openPaths.push(certificate, key);
    await page.getByRole('button', { name: 'Import PEM Certificate and Key…' }).click();
    await page.getByRole('table', { name: 'Identities' }).locator('tbody tr').waitFor();

    // Back to the card: the identity is a recipient, so it is chosen already.
    await page.getByRole('button', { name: 'Inspect', exact: true }).click();
    await card.getByRole('button', { name: 'Decrypt with identity…' }).click();
    await expect(page.getByRole('dialog').getByText('is a recipient of this profile').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Decrypt', exact: true }).click();

    await card.locator('.card-note', { hasText: 'Decrypted' }).waitFor();
    await expect(card.getByRole('region', { name: 'Payloads' }).locator('.payload-node .mono.hint').allTextContents()).resolves.toEqual(expected);
    await expect(card.getByRole('button', { name: 'Decrypt with identity…' }).count()).resolves.toBe(0);
  });
});
