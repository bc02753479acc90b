// Every control on the main screens has an accessible name, and the main tasks work from the
// keyboard alone. Names are read from Chromium's accessibility tree (Playwright's ARIA snapshot).

import path from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { needCorpus, needTools } from '../support/environment.ts';
import { startAppSession, type AppSession } from './harness/app-session.ts';
import { useRendererServer } from './harness/renderer-server.ts';

const tools = needTools('chromium');
const corpus = needCorpus();

const CONTROL_ROLES = ['button', 'textbox', 'searchbox', 'checkbox', 'radio', 'combobox', 'spinbutton', 'slider', 'switch', 'link', 'menuitem', 'tab'];
/** A control line without a quoted name: `- textbox`, `- textbox: value` or `- checkbox [checked]`. */
const UNNAMED_CONTROL = new RegExp(`^\\s*- (${CONTROL_ROLES.join('|')})(?=$|:| \\[)`);

/** Returns the ARIA snapshot lines of controls that have no accessible name. */
async function unnamedControls(page: Page): Promise<string[]> {
  const snapshot = await page.locator('body').ariaSnapshot();
  return snapshot.split('\n').filter((line) => UNNAMED_CONTROL.test(line));
}

/** Presses Tab until `name` has the focus, at most `limit` times; returns whether it got there. */
async function tabTo(page: Page, name: string, limit = 60): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused === name) return true;
  }
  return false;
}

describe.skipIf(tools.skip || corpus.skip)('accessibility in Chromium' + tools.reason + corpus.reason, () => {
  const renderer = useRendererServer('a11y');
  let session: AppSession;

  beforeAll(async () => {
    session = await startAppSession({ origin: renderer.origin });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('detects unnamed controls in a snapshot', () => {
    expect(UNNAMED_CONTROL.test('  - textbox')).toBe(true);
    expect(UNNAMED_CONTROL.test('  - checkbox [checked]')).toBe(true);
    expect(UNNAMED_CONTROL.test('  - button "Save"')).toBe(false);
    expect(UNNAMED_CONTROL.test('  - textbox: typed text')).toBe(true);
    expect(UNNAMED_CONTROL.test('  - buttonish')).toBe(false);
  });

  it('names every control on the main screens', async () => {
    const { page } = session;
    expect(await unnamedControls(page)).toEqual([]);

    await page.getByRole('button', { name: 'Add payload…' }).click();
    expect(await unnamedControls(page)).toEqual([]);
    await page.keyboard.press('Escape');

    for (const file of ['jamfpppc_unsigned_TestTCCUnsignedProfile_pppc.mobileconfig', 'kandji_unsigned_wifi_scep_certchain.mobileconfig', 'cococe_unsigned_profile-service_udid_chinese.mobileconfig']) {
      session.openPaths.push(path.join(corpus.dir, 'files', file));
      await page.getByRole('button', { name: 'Open…' }).click();
      await page.locator('.document-name', { hasText: file }).waitFor();
      const items = page.locator('.sidebar-item');
      for (let i = 0; i < (await items.count()); i++) {
        await items.nth(i).click();
        expect({ file, item: i, unnamed: await unnamedControls(page) }).toEqual({ file, item: i, unnamed: [] });
      }
    }
  });

  it('adds a payload from the keyboard', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.locator('.document-name', { hasText: 'Untitled' }).waitFor();
    await page.getByRole('button', { name: 'General' }).focus();

    expect(await tabTo(page, 'Add payload…')).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search payload types');
    await page.keyboard.type('wi-fi');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await expect.poll(() => page.locator('.payload-entry .sidebar-item-type').allTextContents()).toEqual(['com.apple.wifi.managed']);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('reorders payloads with Alt+arrows', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Add payload…' }).click();
    await page.keyboard.type('dns settings');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.payload-entry .sidebar-item-type').allTextContents()).toEqual(['com.apple.wifi.managed', 'com.apple.dnsSettings.managed']);

    await page.locator('.payload-entry .sidebar-item').nth(1).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => page.locator('.payload-entry .sidebar-item-type').allTextContents()).toEqual(['com.apple.dnsSettings.managed', 'com.apple.wifi.managed']);
  });

  it('closes the library with Escape and returns the focus', async () => {
    const { page } = session;
    const opener = page.getByRole('button', { name: 'Add payload…' });
    await opener.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Add payload' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Add payload…');
  });

  it('logs no page errors', () => {
    expect(session.pageErrors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });
});
