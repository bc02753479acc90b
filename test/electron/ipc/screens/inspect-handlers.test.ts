// The inspection methods with stand-in dialogs: dropped and chosen files and folders, folder
// progress and cancellation, decryption with an imported identity, CSV through the save
// dialog, and handles that belong to one window.

import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { needTools } from '../../../support/environment.ts';
import { makePki, type Pki } from '../../../support/openssl-pki.ts';
import { WIFI_PROFILE_XML } from '../../../support/profile-fixtures.ts';
import { OTHER_WINDOW, rejection, screenSetup } from './screen-fixtures.ts';

const tools = needTools('openssl', 'python3');

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'inspect-handlers-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('inspect.dropped', () => {
  it('returns the report and XML of a profile', async () => {
    const file = path.join(dir, 'wifi.mobileconfig');
    await writeFile(file, WIFI_PROFILE_XML);
    const setup = screenSetup();
    const batch = await setup.call('inspect.dropped', { paths: [file] });
    expect(batch.folders).toEqual([]);
    expect(batch.files).toHaveLength(1);
    expect(batch.files[0].report).toMatchObject({ file, ok: true, kind: 'profile', container: 'xml', signed: false });
    // An XML file is passed on as its own text, byte for byte.
    expect(batch.files[0].xml).toBe(WIFI_PROFILE_XML);
  });

  it('reports a missing file and keeps the others', async () => {
    const good = path.join(dir, 'good.mobileconfig');
    await writeFile(good, WIFI_PROFILE_XML);
    const missing = path.join(dir, 'gone.mobileconfig');
    const batch = await screenSetup().call('inspect.dropped', { paths: [missing, good] });
    expect(batch.files.map((file) => file.report.ok)).toEqual([false, true]);
    expect(batch.files[0].report.error).toBe('file not found (it may have been moved or deleted)');
    expect(batch.files[0].xml).toBeNull();
  });

  it('gives no XML for a certificate file', async () => {
    const pem = path.join(dir, 'not-a-plist.txt');
    await writeFile(pem, 'hello');
    const batch = await screenSetup().call('inspect.dropped', { paths: [pem] });
    expect(batch.files[0].report.ok).toBe(false);
    expect(batch.files[0].xml).toBeNull();
  });

  it('walks a folder with progress events', async () => {
    const folder = path.join(dir, 'walk');
    await mkdir(path.join(folder, 'sub'), { recursive: true });
    await writeFile(path.join(folder, 'a.mobileconfig'), WIFI_PROFILE_XML);
    await writeFile(path.join(folder, 'sub', 'b.mobileconfig'), WIFI_PROFILE_XML);
    await writeFile(path.join(folder, 'c.txt'), 'not a profile');
    const setup = screenSetup();
    const batch = await setup.call('inspect.dropped', { paths: [folder] });

    expect(batch.files).toEqual([]);
    const [result] = batch.folders;
    expect(result.folder).toBe(folder);
    expect(result.rows.map((row) => [path.relative(folder, row.file), row.ok, row.kind])).toEqual([
      ['a.mobileconfig', true, 'profile'],
      ['c.txt', false, ''],
      [path.join('sub', 'b.mobileconfig'), true, 'profile'],
    ]);
    expect(result).toMatchObject({ truncated: false, cancelled: false, provisioning: [] });
    expect(setup.events.at(-1)).toEqual({ event: 'inspect-progress', payload: { folder, done: 3, total: 3, file: '' } });
  });

  it('stops a folder walk on cancel', async () => {
    const folder = path.join(dir, 'cancel');
    await mkdir(folder, { recursive: true });
    for (let index = 0; index < 5; index++) await writeFile(path.join(folder, `${index}.mobileconfig`), WIFI_PROFILE_XML);
    let setup: ReturnType<typeof screenSetup> | null = null;
    // The first progress event cancels, as the Stop button would during the walk.
    setup = screenSetup({ onEvent: () => void setup?.call('inspect.cancel', {}) });
    const [result] = (await setup.call('inspect.dropped', { paths: [folder] })).folders;
    expect(result.cancelled).toBe(true);
    expect(result.rows.length).toBeLessThan(5);
  });
});

describe('inspect.choose', () => {
  it('returns null when the dialog is cancelled', async () => {
    const setup = screenSetup();
    await expect(setup.call('inspect.choose', { folder: false })).resolves.toBeNull();
    await expect(setup.call('inspect.choose', { folder: true })).resolves.toBeNull();
    expect(setup.dialogTitles).toEqual(['Choose files to inspect', 'Choose a folder to inspect']);
  });

  it('inspects several chosen files', async () => {
    const a = path.join(dir, 'chosen-a.mobileconfig');
    const b = path.join(dir, 'chosen-b.mobileconfig');
    await writeFile(a, WIFI_PROFILE_XML);
    await writeFile(b, WIFI_PROFILE_XML);
    const setup = screenSetup();
    setup.openPaths.push([a, b]);
    const batch = await setup.call('inspect.choose', { folder: false });
    expect(batch?.files.map((file) => file.report.file)).toEqual([a, b]);
  });
});

describe('inspect.saveCsv', () => {
  it('writes the files table where the dialog points', async () => {
    const folder = path.join(dir, 'csv');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'a.mobileconfig'), WIFI_PROFILE_XML);
    const setup = screenSetup();
    const [result] = (await setup.call('inspect.dropped', { paths: [folder] })).folders;

    const target = path.join(dir, 'table.csv');
    setup.savePaths.push(target);
    await expect(setup.call('inspect.saveCsv', { folderId: result.folderId, table: 'files' })).resolves.toEqual({ filePath: target });
    const lines = (await readFile(target, 'utf8')).split('\r\n');
    expect(lines[0]).toBe('file,ok,kind,container,signed,signature status,signer,signer expires,encrypted,identifier,display name,payloads,error,warnings');
    expect(lines[1]).toBe(`${path.join(folder, 'a.mobileconfig')},true,profile,xml,false,,,,false,com.example.wifi,Café ✓ Résumé,2,,`);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const setup = screenSetup();
    const [result] = (await setup.call('inspect.dropped', { paths: [dir] })).folders;
    await expect(setup.call('inspect.saveCsv', { folderId: result.folderId, table: 'provisioning' })).resolves.toBeNull();
  });

  it('rejects a folder result of another window', async () => {
    const setup = screenSetup();
    const [result] = (await setup.call('inspect.dropped', { paths: [dir] })).folders;
    const error = await rejection(setup.call('inspect.saveCsv', { folderId: result.folderId, table: 'files' }, OTHER_WINDOW));
    expect(error.code).toBe('not-found');
  });
});

describe.skipIf(tools.skip)('inspect.decrypt' + tools.reason, () => {
  let pki: Pki;
  let encrypted: string;

  beforeAll(async () => {
    pki = makePki();
    // The payloads encrypted for the device by openssl, as Apple's tools store them.
    encrypted = path.join(dir, 'encrypted.mobileconfig');
    execFileSync('python3', [
      '-c',
      String.raw`
import plistlib, subprocess, sys
source, cert, out = sys.argv[1:4]
root = plistlib.load(open(source, 'rb'))
inner = plistlib.dumps(root.pop('PayloadContent'), fmt=plistlib.FMT_XML)
root['EncryptedPayloadContent'] = subprocess.run(['openssl', 'cms', '-encrypt', '-binary', '-outform', 'DER', '-aes256', cert], input=inner, capture_output=True, check=True).stdout
open(out, 'wb').write(plistlib.dumps(root, fmt=plistlib.FMT_XML))
`,
      pki.write('wifi.mobileconfig', WIFI_PROFILE_XML),
      pki.device.certPath,
      encrypted,
    ]);
  });

  afterAll(() => pki?.cleanup());

  it('shows the payloads after decryption', async () => {
    const setup = screenSetup();
    const identity = await setup.keystore.importIdentity({ certPem: new Uint8Array(await readFile(pki.device.certPath)), keyPem: new Uint8Array(await readFile(pki.device.keyPath)), file: pki.device.certPath });
    const [inspected] = (await setup.call('inspect.dropped', { paths: [encrypted] })).files;
    expect(inspected.report.encrypted).toBe(true);

    const decrypted = await setup.call('inspect.decrypt', { inspectionId: inspected.inspectionId, identityId: identity.id });
    expect(decrypted.inspectionId).toBe(inspected.inspectionId);
    expect(decrypted.report.encrypted).toBe(false);
    expect(decrypted.report.payloads?.map((payload) => payload.PayloadType)).toEqual(['com.apple.wifi.managed', 'com.apple.security.root']);
    expect(decrypted.xml).toContain('<string>Résumé-Net</string>');
  });

  it('reports a wrong identity as a crypto error', async () => {
    const setup = screenSetup();
    const other = await setup.keystore.importIdentity({ certPem: new Uint8Array(await readFile(pki.leafRsa.certPath)), keyPem: new Uint8Array(await readFile(pki.leafRsa.keyPath)), file: pki.leafRsa.certPath });
    const [inspected] = (await setup.call('inspect.dropped', { paths: [encrypted] })).files;
    const error = await rejection(setup.call('inspect.decrypt', { inspectionId: inspected.inspectionId, identityId: other.id }));
    expect(error.code).toBe('crypto-error');
  });

  it('reports an unknown identity as not found', async () => {
    const setup = screenSetup();
    const [inspected] = (await setup.call('inspect.dropped', { paths: [encrypted] })).files;
    const error = await rejection(setup.call('inspect.decrypt', { inspectionId: inspected.inspectionId, identityId: '0f8fad5b-d9cb-469f-a165-70867728950e' }));
    expect(error.code).toBe('not-found');
  });

  it('forgets inspections on clear', async () => {
    const setup = screenSetup();
    const [inspected] = (await setup.call('inspect.dropped', { paths: [encrypted] })).files;
    await setup.call('inspect.clear', {});
    const error = await rejection(setup.call('inspect.decrypt', { inspectionId: inspected.inspectionId, identityId: '0f8fad5b-d9cb-469f-a165-70867728950e' }));
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/^This file is no longer known/);
  });
});
