// The export methods: warnings before export, the confirmation that error warnings need,
// missing choices caught before the save dialog, a cancelled dialog, and the suggested name.

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { suggestedFileName } from '../../../../electron/ipc/screens/export-handlers.ts';
import { needTools } from '../../../support/environment.ts';
import { makePki, type Pki } from '../../../support/openssl-pki.ts';
import { WIFI_PROFILE_XML } from '../../../support/profile-fixtures.ts';
import { rejection, screenSetup } from './screen-fixtures.ts';

const tools = needTools('openssl');

describe('suggestedFileName', () => {
  it('names each mode', () => {
    expect(suggestedFileName({ profileName: 'Wi-Fi.mobileconfig', mode: 'unsigned' })).toBe('Wi-Fi.mobileconfig');
    expect(suggestedFileName({ profileName: 'Wi-Fi.mobileconfig', mode: 'signed' })).toBe('Wi-Fi-signed.mobileconfig');
    expect(suggestedFileName({ profileName: 'Wi-Fi.plist', mode: 'encrypted' })).toBe('Wi-Fi-encrypted.mobileconfig');
    expect(suggestedFileName({ profileName: 'Wi-Fi', mode: 'encrypted', identityId: 'x' })).toBe('Wi-Fi-encrypted-signed.mobileconfig');
  });

  it('keeps folders out of the name', () => {
    expect(suggestedFileName({ profileName: '../../etc/Untitled', mode: 'signed' })).toBe('Untitled-signed.mobileconfig');
    expect(suggestedFileName({ profileName: '.mobileconfig', mode: 'unsigned' })).toBe('Profile.mobileconfig');
  });
});

describe.skipIf(tools.skip)('export handlers' + tools.reason, () => {
  let pki: Pki;
  let dir: string;

  beforeAll(async () => {
    pki = makePki();
    dir = await mkdtemp(path.join(tmpdir(), 'export-handlers-'));
  });

  afterAll(async () => {
    pki?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const withIdentity = async (entity: Pki['leafRsa']) => {
    const setup = screenSetup();
    const identity = await setup.keystore.importIdentity({ certPem: new Uint8Array(await readFile(entity.certPath)), keyPem: new Uint8Array(await readFile(entity.keyPath)), file: entity.certPath });
    return { setup, identityId: identity.id };
  };
  const choices = { text: WIFI_PROFILE_XML, profileName: 'Wi-Fi.mobileconfig' };

  it('warns about an expired signer as an error', async () => {
    const { setup, identityId } = await withIdentity(pki.expired);
    const warnings = await setup.call('export.preflight', { ...choices, mode: 'signed', identityId, digest: 'sha256' });
    expect(warnings.find((warning) => warning.code === 'signer-expired')?.severity).toBe('error');
  });

  it('refuses error warnings without confirmation', async () => {
    const { setup, identityId } = await withIdentity(pki.expired);
    const out = path.join(dir, 'expired.mobileconfig');
    setup.savePaths.push(out);
    const error = await rejection(setup.call('export.run', { ...choices, mode: 'signed', identityId, acceptErrors: false }));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatch(/^The export has 1 problem marked as errors \(signer certificate CN=Expired Signer expired/);
    // The save dialog never opened.
    expect(setup.dialogTitles).toEqual([]);
    expect(existsSync(out)).toBe(false);

    const result = await setup.call('export.run', { ...choices, mode: 'signed', identityId, acceptErrors: true });
    expect(result?.files.map((file) => [file.path, file.signed, file.signerExpired])).toEqual([[out, true, true]]);
  });

  it('catches missing choices before the dialog', async () => {
    const setup = screenSetup();
    const signed = await rejection(setup.call('export.run', { ...choices, mode: 'signed', acceptErrors: false }));
    expect(signed.message).toBe('Choose a signing identity to export a signed profile.');
    const encrypted = await rejection(setup.call('export.run', { ...choices, mode: 'per-recipient', recipientIds: [], acceptErrors: false }));
    expect(encrypted.message).toBe('Choose at least one device certificate to encrypt the profile for.');
    expect(setup.dialogTitles).toEqual([]);
  });

  it('returns null when the dialog is cancelled', async () => {
    const { setup, identityId } = await withIdentity(pki.leafRsa);
    await expect(setup.call('export.run', { ...choices, mode: 'signed', identityId, acceptErrors: false })).resolves.toBeNull();
    expect(setup.dialogTitles).toEqual(['Export the profile']);
  });

  it('reports invalid XML as an invalid document', async () => {
    const setup = screenSetup();
    const error = await rejection(setup.call('export.preflight', { text: '<plist><dict>', profileName: 'Broken.mobileconfig', mode: 'unsigned' }));
    expect(error.code).toBe('invalid-document');
    expect(error.message).toContain('Broken.mobileconfig');
  });

  it('sends progress per device', async () => {
    const setup = screenSetup();
    const { added } = await setup.keystore.importRecipients([{ file: pki.device.certPath, bytes: pki.device.der }]);
    const folder = await mkdtemp(path.join(dir, 'per-device-'));
    setup.folderPaths.push(folder);
    const result = await setup.call('export.run', { ...choices, mode: 'per-recipient', recipientIds: added.map((recipient) => recipient.id), acceptErrors: false });
    expect(result?.files).toHaveLength(1);
    expect(result?.files[0]).toMatchObject({ encrypted: true, signed: false, recipient: 'CN=Device Identity 0001' });
    expect(setup.events.map((event) => event.payload)).toEqual([
      { done: 0, total: 1, current: 'CN=Device Identity 0001' },
      { done: 1, total: 1, current: '' },
    ]);
  });
});
