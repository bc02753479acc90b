// Screenshots of the main screens in light and dark, written under test-results/screenshots
// for a person to look at. The checks here are only that each screen rendered.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { needCorpus, needTools, projectRoot } from '../support/environment.ts';
import { startAppSession } from './harness/app-session.ts';
import { useRendererServer } from './harness/renderer-server.ts';

const tools = needTools('chromium');
const corpus = needCorpus();
const outDir = path.join(projectRoot, 'test-results', 'screenshots');

describe.skipIf(tools.skip || corpus.skip)('screenshots of main screens' + tools.reason + corpus.reason, () => {
  const renderer = useRendererServer('shots');

  beforeAll(async () => {
    await mkdir(outDir, { recursive: true });
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`renders ${scheme} screens`, async () => {
      const session = await startAppSession({ origin: renderer.origin, colorScheme: scheme });
      const { page } = session;
      const shot = async (name: string) => {
        const file = path.join(outDir, `${name}-${scheme}.png`);
        await page.screenshot({ path: file });
        return file;
      };
      try {
        // General settings of a new profile.
        await shot('01-general');

        // Payload library.
        await page.getByRole('button', { name: 'Add payload…' }).click();
        await page.getByRole('searchbox', { name: 'Search payload types' }).fill('wi-fi');
        await shot('02-library');
        await page.keyboard.press('Escape');

        // A corpus profile with several payloads, one selected, with findings.
        session.openPaths.push(path.join(corpus.dir, 'files', 'kandji_unsigned_wifi_scep_certchain.mobileconfig'));
        await page.getByRole('button', { name: 'Open…' }).click();
        await page.locator('.payload-entry').first().waitFor();
        await page.locator('.payload-entry .sidebar-item').nth(1).click();
        await shot('03-payload-form');

        // A Profile Service profile from the corpus.
        session.openPaths.push(path.join(corpus.dir, 'files', 'cococe_unsigned_profile-service_udid_chinese.mobileconfig'));
        await page.getByRole('button', { name: 'Open…' }).click();
        await page.getByRole('button', { name: 'Profile Service' }).click();
        await shot('04-profile-service');

        // An XML parse error: the form turns read-only and Problems shows it.
        await page.locator('.xml-editor .view-line', { hasText: '<key>DeviceAttributes</key>' }).click();
        await page.keyboard.press('End');
        await page.keyboard.type('<oops');
        await page.locator('.problem', { hasText: 'XML error' }).waitFor();
        await shot('05-xml-error');

        expect(session.foreignRequests).toEqual([]);
        expect(session.pageErrors).toEqual([]);
      } finally {
        await session.close();
      }
    });
  }
});
