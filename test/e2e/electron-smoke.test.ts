// A smoke test of the real Electron app through Playwright's `_electron`, where an Electron
// binary exists. The electron package downloads its binary on first `require('electron')`,
// which must not happen here (no network), so the binary is looked up without requiring it,
// and the test reports itself skipped, with the reason, where there is none. This skip is not
// turned into a failure by MOBILECONFIG_REQUIRE_TOOLS, since Electron cannot be fetched here.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { projectRoot } from '../support/environment.ts';

/** Returns the Electron executable the electron package would run, or the reason there is none. */
export function findElectronBinary(): { readonly file: string | null; readonly reason: string } {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { file: null, reason: 'Electron binary not found: the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { file: null, reason: 'Electron binary not found: the electron package has not downloaded it (no path.txt), and this machine has no network to do so' };
  }
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const file = path.join(distDir, readFileSync(pathFile, 'utf8').trim());
  return existsSync(file) ? { file, reason: '' } : { file: null, reason: `Electron binary not found at ${file}` };
}

const binary = findElectronBinary();

describe('Electron app smoke test', () => {
  it.skipIf(binary.file === null)(`opens a sandboxed window${binary.file === null ? ` (skipped: ${binary.reason})` : ''}`, async () => {
    // The app runs from the built output: main, preload and renderer.
    if (!existsSync(path.join(projectRoot, 'dist', 'electron', 'preload.cjs')) || !existsSync(path.join(projectRoot, 'dist', 'renderer', 'index.html'))) {
      execFileSync('npm', ['run', 'build'], { cwd: projectRoot, stdio: 'inherit' });
    }
    const userData = await mkdtemp(path.join(tmpdir(), 'mobileconfig-electron-'));
    // Chromium refuses to run as root with its sandbox; CI containers run as root.
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const app = await electron.launch({
      executablePath: binary.file!,
      args: [...rootArgs, projectRoot],
      env: { ...process.env, MOBILECONFIG_USER_DATA_DIR: userData },
    });
    try {
      const page = await app.firstWindow();
      await page.getByRole('button', { name: 'Add payload…' }).waitFor();

      // The page has the preload's API and nothing of Node.
      const globals = await page.evaluate(() => ({
        api: typeof (window as unknown as { mobileconfig?: unknown }).mobileconfig,
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        origin: window.location.origin,
      }));
      expect(globals).toEqual({ api: 'object', require: 'undefined', process: 'undefined', origin: 'app://mobileconfig-studio' });
      expect(await page.locator('.document-name').textContent()).toContain('Untitled');

      // Navigation away from the app is dropped (the target is loopback, in case it were not).
      await page.evaluate(() => {
        window.location.href = 'http://127.0.0.1:9/';
      });
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => window.location.origin)).toBe('app://mobileconfig-studio');
    } finally {
      await app.close();
      await rm(userData, { recursive: true, force: true });
    }
  });
});
