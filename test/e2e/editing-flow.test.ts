// End to end in Chromium, in one flow. A new profile gets a Profile Service payload by form and
// the XML shows it. The URL is edited in the XML and the form shows it. A bad UUID gets a marker
// and a Problems entry at its line, undo removes it, and plistlib reads the saved file back.

import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { needTools } from '../support/environment.ts';
import { plistlibCanonical } from '../support/plist-oracle.ts';
import { startAppSession, type AppSession } from './harness/app-session.ts';
import { clickEndOfLine, lineNumberOf, lineTop, squiggleTops, visibleXmlLines } from './harness/monaco-view.ts';
import { useRendererServer } from './harness/renderer-server.ts';

const tools = needTools('chromium', 'python3');

describe.skipIf(tools.skip)('editing flow in Chromium' + tools.reason, () => {
  const renderer = useRendererServer('flow');
  let session: AppSession;

  beforeAll(async () => {
    session = await startAppSession({ origin: renderer.origin });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('runs new profile to saved Profile Service', async () => {
    const { page } = session;

    // The general form of a new profile; remember its UUID and identifier.
    await page.getByRole('button', { name: 'General' }).click();
    const profileUuid = await page.getByLabel(/^UUID/).inputValue();
    const identifier = await page.getByLabel(/^Identifier/).inputValue();
    expect(profileUuid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);

    // Add the Profile Service payload from the library, and fill its form.
    await page.getByRole('button', { name: 'Add payload…' }).click();
    await page.getByRole('searchbox', { name: 'Search payload types' }).fill('profile service');
    await page.getByRole('dialog', { name: 'Add payload' }).getByRole('button', { name: /Profile Service/ }).click();
    await page.getByLabel(/^Server URL/).fill('https://mdm.example.com/enroll');
    await page.getByRole('checkbox', { name: /SERIAL/ }).check();

    // The XML shows it.
    const trimmedLines = async () => (await visibleXmlLines(page)).map((line) => line.trim());
    await expect.poll(trimmedLines).toContain('<string>https://mdm.example.com/enroll</string>');
    const lines = await trimmedLines();
    expect(lines).toContain('<string>Profile Service</string>');
    expect(lines).toContain('<string>SERIAL</string>');

    // Edit the URL in the XML: select "enroll" and type over it.
    await clickEndOfLine(page, 'mdm.example.com/enroll');
    for (let i = 0; i < '</string>'.length; i++) await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 'enroll'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.type('register');

    // The form shows it.
    await expect.poll(() => page.getByLabel(/^Server URL/).inputValue()).toBe('https://mdm.example.com/register');

    // A bad UUID: a marker on its line and a Problems entry naming that line.
    await page.getByRole('button', { name: 'General' }).click();
    await page.getByLabel(/^UUID/).fill('not-a-uuid');
    await expect.poll(() => lineTop(page, '<string>not-a-uuid</string>')).not.toBeNull();
    const uuidLine = await lineNumberOf(page, '<string>not-a-uuid</string>');
    expect(uuidLine).toBeGreaterThan(0);
    const problem = page.locator('.problem', { hasText: "PayloadUUID 'not-a-uuid'" });
    await expect.poll(() => problem.count()).toBe(1);
    expect(await problem.locator('.problem-location').textContent()).toContain(`Line ${uuidLine}`);
    const uuidTop = await lineTop(page, '<string>not-a-uuid</string>');
    await expect.poll(() => squiggleTops(page, 'warning')).toContain(uuidTop);

    // Clicking the problem focuses the field.
    await problem.getByRole('button').first().click();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('not-a-uuid');

    // Undo brings the UUID back and clears the finding.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByLabel(/^UUID/).inputValue()).toBe(profileUuid);
    await expect.poll(() => problem.count()).toBe(0);

    // Save: the file reads back in plistlib as the profile the app showed.
    const target = path.join(renderer.workDir, 'enrolment.mobileconfig');
    session.savePaths.push(target);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('.notice-success').textContent()).toContain('Saved enrolment.mobileconfig');

    const saved = plistlibCanonical(await readFile(target));
    expect(saved).toEqual({
      dict: [
        [
          'PayloadContent',
          {
            dict: [
              ['URL', { string: 'https://mdm.example.com/register' }],
              ['DeviceAttributes', { array: [{ string: 'UDID' }, { string: 'PRODUCT' }, { string: 'VERSION' }, { string: 'SERIAL' }] }],
            ],
          },
        ],
        ['PayloadDisplayName', { string: 'Untitled Profile' }],
        ['PayloadIdentifier', { string: identifier }],
        ['PayloadRemovalDisallowed', { bool: false }],
        ['PayloadType', { string: 'Profile Service' }],
        ['PayloadUUID', { string: profileUuid }],
        ['PayloadVersion', { int: '1' }],
      ],
    });
    expect(await page.locator('.edited-mark').count()).toBe(0);
  });

  it('sends no request off loopback', () => {
    expect(session.requests.length).toBeGreaterThan(0);
    expect(session.foreignRequests).toEqual([]);
  });

  it('logs no page errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
