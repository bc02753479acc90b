// Documents end to end in Chromium: keys no schema knows survive an edit and a save, and the
// autosaved draft of an unsaved document comes back in the next session.

import { execFileSync } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { needCorpus, needTools } from '../support/environment.ts';
import { plistlibCanonical, type CanonicalPlist } from '../support/plist-oracle.ts';
import { startAppSession } from './harness/app-session.ts';
import { useRendererServer } from './harness/renderer-server.ts';

const tools = needTools('chromium', 'python3');

/** Writes the fixture with plistlib, in key order as given, so that our writer is not its source. */
function writeFixture(file: string): void {
  const script = String.raw`
import datetime, plistlib, sys
profile = {
    'PayloadContent': [{
        'PayloadType': 'com.apple.wifi.managed',
        'PayloadVersion': 1,
        'PayloadIdentifier': 'com.example.wifi.payload',
        'PayloadUUID': '5C2D8A1E-3B4F-4A6C-9D8E-7F1A2B3C4D5E',
        'PayloadDisplayName': 'Office Wi-Fi',
        'SSID_STR': 'Office',
        'EncryptionType': 'WPA2',
        'VendorExtension': {
            'Channels': [1, 6, 11],
            'Blob': b'\x00\x01\xfe\xff',
            'Since': datetime.datetime(2024, 5, 17, 8, 30, 0),
            'Ratio': 0.75,
            'Enabled': True,
        },
        'X-Note': 'keep me',
    }],
    'PayloadDisplayName': 'Fixture',
    'PayloadIdentifier': 'com.example.fixture',
    'PayloadType': 'Configuration',
    'PayloadUUID': '1E2D3C4B-5A69-4788-9A0B-C1D2E3F4A5B6',
    'PayloadVersion': 1,
    'ComplianceTag': 42,
}
with open(sys.argv[1], 'wb') as out:
    plistlib.dump(profile, out, sort_keys=False)
`;
  execFileSync('python3', ['-c', script, file]);
}

/** Returns the value under `key` in a canonical dictionary. */
function entry(dict: CanonicalPlist, key: string): CanonicalPlist | undefined {
  if (!('dict' in dict)) return undefined;
  return dict.dict.find(([k]) => k === key)?.[1];
}

describe.skipIf(tools.skip)('documents in Chromium' + tools.reason, () => {
  const renderer = useRendererServer('documents');

  it('keeps unknown keys through edit and save', async () => {
    const fixture = path.join(renderer.workDir, 'fixture.mobileconfig');
    writeFixture(fixture);
    const before = plistlibCanonical(await readFile(fixture));
    const session = await startAppSession({ origin: renderer.origin });
    const { page } = session;
    try {
      session.openPaths.push(fixture);
      await page.getByRole('button', { name: 'Open…' }).click();
      await page.getByRole('button', { name: /Office Wi-Fi/ }).click();

      // The unknown keys are visible as raw rows.
      await expect(page.locator('[data-raw-key="VendorExtension"]').count()).resolves.toBe(1);
      await expect(page.getByRole('textbox', { name: 'Value of X-Note' }).inputValue()).resolves.toBe('keep me');

      // Edit known keys through the form, and one unknown key through its raw row.
      await page.getByLabel(/^Name/).fill('Head Office Wi-Fi');
      await page.getByRole('textbox', { name: 'Value of X-Note' }).fill('kept and edited');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => page.locator('.notice-success').count()).toBeGreaterThan(0);

      const after = plistlibCanonical(await readFile(fixture));
      const payloadBefore = (entry(before, 'PayloadContent') as { array: CanonicalPlist[] }).array[0];
      const payloadAfter = (entry(after, 'PayloadContent') as { array: CanonicalPlist[] }).array[0];
      expect(entry(payloadAfter, 'VendorExtension')).toEqual(entry(payloadBefore, 'VendorExtension'));
      expect(entry(payloadAfter, 'VendorExtension')).toEqual({
        dict: [
          ['Channels', { array: [{ int: '1' }, { int: '6' }, { int: '11' }] }],
          ['Blob', { data: 'AAH+/w==' }],
          ['Since', { date: '2024-05-17T08:30:00Z' }],
          ['Ratio', { real: 0.75 }],
          ['Enabled', { bool: true }],
        ],
      });
      expect(entry(payloadAfter, 'X-Note')).toEqual({ string: 'kept and edited' });
      expect(entry(payloadAfter, 'PayloadDisplayName')).toEqual({ string: 'Head Office Wi-Fi' });
      expect(entry(after, 'ComplianceTag')).toEqual({ int: '42' });

      // The backup copy is gone once the save succeeded.
      expect((await readdir(renderer.workDir)).filter((name) => name.startsWith('fixture'))).toEqual(['fixture.mobileconfig']);
      expect(session.foreignRequests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('reopens files from the recent lists', async () => {
    const fixture = path.join(renderer.workDir, 'recent.mobileconfig');
    writeFixture(fixture);
    const session = await startAppSession({ origin: renderer.origin });
    const { page } = session;
    try {
      session.openPaths.push(fixture);
      await page.getByRole('button', { name: 'Open…' }).click();
      await page.locator('.document-name', { hasText: 'recent.mobileconfig' }).waitFor();
      await page.getByRole('button', { name: 'New', exact: true }).click();
      await page.locator('.document-name', { hasText: 'Untitled' }).waitFor();

      // The toolbar's list.
      await page.getByText('Recent', { exact: true }).click();
      await page.getByRole('button', { name: /^recent\.mobileconfig/ }).click();
      await page.locator('.document-name', { hasText: 'recent.mobileconfig' }).waitFor();

      // The native menu's Open Recent, which arrives as an event from the main process.
      await page.getByRole('button', { name: 'New', exact: true }).click();
      await page.locator('.document-name', { hasText: 'Untitled' }).waitFor();
      await session.emit('open-recent', { filePath: fixture });
      await page.locator('.document-name', { hasText: 'recent.mobileconfig' }).waitFor();

      // A path that is not in the list is refused by the main process.
      await session.emit('open-recent', { filePath: '/etc/hostname' });
      await expect.poll(() => page.locator('.notice-error span').textContent()).toBe('/etc/hostname is not in the recent documents list; open it with File > Open.');
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  const corpus = needCorpus();
  it.skipIf(corpus.skip)('loads payload schemas from a folder' + corpus.reason, async () => {
    const session = await startAppSession({ origin: renderer.origin });
    const { page } = session;
    try {
      // AIM accounts are described only in Apple's files, not in the built-in schemas.
      await page.getByRole('button', { name: 'Add payload…' }).click();
      await page.getByRole('searchbox', { name: 'Search payload types' }).fill('AIM Account');
      expect(await page.getByRole('dialog').getByRole('button', { name: /com\.apple\.AIM\.account/ }).count()).toBe(0);
      await page.keyboard.press('Escape');

      session.folderPaths.push(path.join(corpus.dir, 'apple-device-management'));
      await page.getByRole('button', { name: 'Load schemas…' }).click();
      await expect.poll(() => page.locator('.notice span').first().textContent()).toMatch(/^Loaded 128 payload schemas from /);

      await page.getByRole('button', { name: 'Add payload…' }).click();
      await page.getByRole('searchbox', { name: 'Search payload types' }).fill('AIM Account');
      await page.getByRole('dialog').getByRole('button', { name: /com\.apple\.AIM\.account/ }).click();
      await expect.poll(() => page.locator('.payload-entry .sidebar-item-type').allTextContents()).toEqual(['com.apple.AIM.account']);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('recovers the draft after a crash', async () => {
    const userDataDir = path.join(renderer.workDir, 'user-data');
    const first = await startAppSession({ origin: renderer.origin, userDataDir });
    try {
      await first.page.getByLabel(/^Name/).fill('Draft that must survive');
      // The draft is written a moment after the last edit.
      await expect.poll(async () => (await readdir(path.join(userDataDir, 'drafts')).catch(() => [])).length, { timeout: 10_000 }).toBe(1);
    } finally {
      // Closing the page without saving is what a crash leaves behind.
      await first.close();
    }

    const second = await startAppSession({ origin: renderer.origin, userDataDir });
    try {
      const banner = second.page.getByRole('region', { name: 'Unsaved changes to Untitled' });
      await banner.getByRole('button', { name: 'Restore' }).click();
      await expect.poll(() => second.page.getByLabel(/^Name/).inputValue()).toBe('Draft that must survive');
      await expect(second.page.locator('.edited-mark').count()).resolves.toBe(1);
      expect(second.pageErrors).toEqual([]);
    } finally {
      await second.close();
      await rm(userDataDir, { recursive: true, force: true });
    }
  });
});
