// The enrolment workbench in Chromium. The "New enrolment profile" flow writes a signed
// profile, and the test server starts on 127.0.0.1 with a free port. The device simulator
// (run here, in the test process) enrols one device, which then shows up in the log and the
// table, and Python's csv module reads the CSV report back. Screenshots of the three tabs in
// light and dark go under test-results/screenshots.

import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { simulateEnrolment } from '../../electron/services/enrolment/index.ts';
import { needTools, projectRoot } from '../support/environment.ts';
import { startAppSession, type AppSession } from './harness/app-session.ts';
import { useRendererServer } from './harness/renderer-server.ts';

const tools = needTools('chromium', 'openssl', 'python3');
const outDir = path.join(projectRoot, 'test-results', 'screenshots');

const CHALLENGE = 'lab-challenge-7f3a';
const DEVICE = { udid: '00008120-E2E0000000000001', product: 'iPhone15,2', version: '17.4', serial: 'E2ESERIAL01', deviceName: 'Lab iPhone' };

/** Runs python3 with `code` and the arguments, and returns its standard output parsed as JSON. */
function python(code: string, ...args: string[]): unknown {
  return JSON.parse(execFileSync('python3', ['-c', code, ...args], { encoding: 'utf8' }));
}

/** Imports an RSA identity made by openssl into the session's keystore; returns its certificate file. */
async function importSigner(session: AppSession, dir: string): Promise<string> {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/O=Example Lab/CN=Lab Profile Signer', '-days', '30', '-keyout', 'signer.key', '-out', 'signer.pem'], { cwd: dir, stdio: 'ignore' });
  const certificate = path.join(dir, 'signer.pem');
  await session.keystore.importIdentity({ certPem: await readFile(certificate), keyPem: await readFile(path.join(dir, 'signer.key')), file: 'signer.pem' });
  return certificate;
}

describe.skipIf(tools.skip)('enrolment workbench in Chromium' + tools.reason, () => {
  const renderer = useRendererServer('enrolment');

  beforeAll(async () => {
    await mkdir(outDir, { recursive: true });
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`enrols a simulated device (${scheme})`, async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'mobileconfig-e2e-enrol-'));
      const session = await startAppSession({ origin: renderer.origin, colorScheme: scheme });
      const { page } = session;
      const shot = (name: string) => page.screenshot({ path: path.join(outDir, `${name}-${scheme}.png`) });
      try {
        const signerCertificate = await importSigner(session, dir);
        await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Enrolment' }).click();

        // Step 1: the provisioning type, with what each means.
        await page.getByRole('radio', { name: /^Auto provisioning/ }).check();
        await expect.poll(() => page.getByText('Safe when:').count()).toBe(3);
        await shot('20-enrolment-types');
        await page.getByRole('button', { name: 'Next' }).click();

        // Step 2: URL and attributes.
        await page.getByLabel('URL the device posts its attributes to').fill('http://127.0.0.1:8080/enrol');
        await page.getByRole('checkbox', { name: /^DEVICE_NAME/ }).check();
        await page.getByRole('button', { name: 'Next' }).click();

        // Step 3: challenge and texts.
        await page.getByRole('textbox', { name: 'Challenge', exact: true }).fill(CHALLENGE);
        await page.getByLabel('Display name').fill('Lab enrolment');
        await page.getByLabel('Organization', { exact: true }).fill('Example Lab');
        await page.getByRole('button', { name: 'Next' }).click();

        // Step 4: sign with the imported identity and save through the save dialog.
        await page.getByRole('button', { name: 'Reload the list' }).click();
        const [signer] = session.keystore.listIdentities();
        await page.getByLabel('Signing identity').selectOption(signer.id);
        const profileFile = path.join(dir, 'lab-enrolment.mobileconfig');
        session.savePaths.push(profileFile);
        await page.getByRole('button', { name: 'Save enrolment profile…' }).click();
        await page.getByText(/^Saved signed by .*CN=Lab Profile Signer/).waitFor();
        await shot('21-enrolment-saved');

        // openssl verifies the saved file, and plistlib reads the profile inside it.
        const content = execFileSync('openssl', ['cms', '-verify', '-inform', 'DER', '-in', profileFile, '-CAfile', signerCertificate, '-purpose', 'any'], { stdio: ['ignore', 'pipe', 'ignore'] });
        const profile = JSON.parse(execFileSync('python3', ['-c', 'import json, plistlib, sys; p = plistlib.loads(sys.stdin.buffer.read()); print(json.dumps([p["PayloadType"], p["PayloadDisplayName"], p["PayloadOrganization"], p["PayloadContent"]]))'], { input: content, encoding: 'utf8' }));
        expect(profile).toEqual(['Profile Service', 'Lab enrolment', 'Example Lab', { URL: 'http://127.0.0.1:8080/enrol', DeviceAttributes: ['UDID', 'VERSION', 'PRODUCT', 'SERIAL', 'DEVICE_NAME'], Challenge: CHALLENGE }]);

        // The test server on 127.0.0.1 with a free port, under the type chosen in the flow. The
        // test reaches its tab with the arrow key.
        await page.getByRole('tab', { name: 'New enrolment profile' }).focus();
        await page.keyboard.press('ArrowRight');
        expect(await page.getByRole('tab', { name: /^Test server/ }).getAttribute('aria-selected')).toBe('true');
        await page.getByLabel('Port').fill('0');

        // Another address shows a warning as soon as it is typed; the test goes back to loopback.
        const address = page.getByLabel('Address', { exact: true });
        await address.fill('0.0.0.0');
        await page.getByRole('alert').filter({ hasText: '0.0.0.0 is not a loopback address' }).waitFor();
        await shot('22-enrolment-server-settings');
        await address.fill('127.0.0.1');
        expect(await page.getByText('is not a loopback address').count()).toBe(0);
        await page.getByRole('button', { name: 'Start server' }).click();
        await page.getByRole('button', { name: 'Stop server' }).waitFor();
        const status = session.enrolment.service.status();
        expect(status.provisioning).toBe('auto');
        expect(status.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        await page.getByText(status.enrolUrl!).waitFor();

        // One device enrols; the server's own profile carries the challenge typed in the flow.
        const result = await simulateEnrolment({ url: status.enrolUrl!, device: DEVICE });
        expect(result.deviceId).toBe(DEVICE.udid);
        expect(result.attributes.DEVICE_NAME).toBe('Lab iPhone');

        // The live log shows each request of the device, the last one accepted in the final phase.
        const log = page.getByRole('table', { name: 'Request log' });
        await expect.poll(() => log.locator('tbody tr').count()).toBe(result.requestCount);
        const finalRow = log.locator('tbody tr').filter({ has: page.locator('td:nth-child(4)', { hasText: /^final$/ }) });
        await expect.poll(() => finalRow.innerText()).toContain(DEVICE.udid);
        expect(await finalRow.innerText()).toContain('accepted');
        await expect.poll(() => page.getByLabel('Server status').innerText()).toMatch(/Devices\s+1/);
        await shot('23-enrolment-server');

        // The device table, and its CSV report through the save dialog.
        await page.getByRole('tab', { name: /^Enrolled devices/ }).click();
        const table = page.getByRole('table', { name: 'Enrolled devices' });
        await table.getByRole('cell', { name: DEVICE.udid, exact: true }).waitFor();
        expect(await table.locator('tbody tr').count()).toBe(1);
        await expect.poll(() => table.locator('tbody tr').innerText()).toContain('enrolled');
        await shot('24-enrolment-devices');

        const csvFile = path.join(dir, 'devices.csv');
        session.savePaths.push(csvFile);
        await page.getByRole('button', { name: 'Export CSV…' }).click();
        await page.getByText(`Exported 1 device to ${csvFile}.`).waitFor();
        const rows = python('import csv, json, sys; print(json.dumps(list(csv.DictReader(open(sys.argv[1], newline="")))))', csvFile) as Record<string, string>[];
        expect(rows).toHaveLength(1);
        expect(rows[0].deviceId).toBe(DEVICE.udid);
        expect(rows[0].status).toBe('enrolled');
        expect(rows[0].provisioning).toBe('auto');
        expect(rows[0].PRODUCT).toBe('iPhone15,2');
        expect(rows[0].DEVICE_NAME).toBe('Lab iPhone');
        expect(rows[0].certificateSerial).toMatch(/^[0-9a-f]+$/);
        expect(rows[0].issuedAt).not.toBe('');

        // Stop: the server frees its port and the screen offers Start again.
        await page.getByRole('tab', { name: /^Test server/ }).click();
        await page.getByRole('button', { name: 'Stop server' }).click();
        await page.getByRole('button', { name: 'Start server' }).waitFor();
        expect(session.enrolment.service.status().running).toBe(false);

        expect(session.foreignRequests).toEqual([]);
        expect(session.pageErrors).toEqual([]);
      } finally {
        await session.close();
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});
