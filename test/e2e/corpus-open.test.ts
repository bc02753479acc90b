// Opening every corpus profile in the app shows its payloads: the sidebar lists one entry per
// payload dictionary, with the PayloadType Python's plistlib reads from the same file.

import { execFileSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { needCorpus, needTools } from '../support/environment.ts';
import { startAppSession, type AppSession } from './harness/app-session.ts';
import { useRendererServer } from './harness/renderer-server.ts';

const tools = needTools('chromium', 'python3', 'openssl');
const corpus = needCorpus();

interface Expected {
  readonly file: string;
  /** PayloadType of each payload dictionary in PayloadContent, or null when plistlib could not read the file. */
  readonly payloadTypes: readonly string[] | null;
  readonly rootType: string | null;
}

/** Reads each file with plistlib (signed ones after `openssl cms -verify -noverify` unwraps them). */
function expectedFromPlistlib(files: readonly string[]): Expected[] {
  const script = String.raw`
import json, plistlib, subprocess, sys
out = []
for path in json.load(sys.stdin):
    data = open(path, 'rb').read()
    if data[:1] == b'\x30':
        data = subprocess.run(['openssl', 'cms', '-verify', '-noverify', '-inform', 'DER', '-in', path], capture_output=True).stdout
    try:
        root = plistlib.loads(data)
    except Exception:
        out.append({'file': path, 'payloadTypes': None, 'rootType': None})
        continue
    content = root.get('PayloadContent') if isinstance(root, dict) else None
    types = [str(item.get('PayloadType', '')) for item in content if isinstance(item, dict)] if isinstance(content, list) else []
    root_type = root.get('PayloadType') if isinstance(root, dict) else None
    out.append({'file': path, 'payloadTypes': types, 'rootType': root_type if isinstance(root_type, str) else None})
print(json.dumps(out))
`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(files), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })) as Expected[];
}

describe.skipIf(tools.skip || corpus.skip)('corpus profiles in Chromium' + tools.reason + corpus.reason, () => {
  const renderer = useRendererServer('corpus');
  let session: AppSession;
  let expected: Expected[];

  beforeAll(async () => {
    session = await startAppSession({ origin: renderer.origin });
    const names = (await readdir(path.join(corpus.dir, 'files'))).filter((name) => name.endsWith('.mobileconfig')).sort();
    expected = expectedFromPlistlib(names.map((name) => path.join(corpus.dir, 'files', name)));
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the payloads of each readable profile', async () => {
    const { page } = session;
    const readable = expected.filter((e) => e.payloadTypes !== null && !path.basename(e.file).includes('_broken_'));
    expect(readable.length).toBeGreaterThan(20);

    for (const entry of readable) {
      const name = path.basename(entry.file);
      session.openPaths.push(entry.file);
      await page.getByRole('button', { name: 'Open…' }).click();
      await expect.poll(() => page.locator('.document-name').textContent(), { message: name }).toContain(name);

      if (entry.rootType === 'Profile Service') {
        await expect(page.getByRole('button', { name: 'Profile Service' }).count(), name).resolves.toBe(1);
        continue;
      }
      const types = await page.locator('.payload-entry .sidebar-item-type').allTextContents();
      expect({ name, types }).toEqual({ name, types: entry.payloadTypes });
    }
  });

  it('reports broken files by name', async () => {
    const { page } = session;
    const broken = expected.filter((e) => path.basename(e.file).includes('_broken_'));
    expect(broken.length).toBeGreaterThan(0);

    for (const entry of broken) {
      const name = path.basename(entry.file);
      session.openPaths.push(entry.file);
      await page.getByRole('button', { name: 'Open…' }).click();
      // Either the reader rejects it (an error naming the file) or it opens with its findings.
      const opened = page.locator('.document-name', { hasText: name });
      const rejected = page.locator('.notice-error', { hasText: name });
      await expect.poll(async () => (await opened.count()) + (await rejected.count()), { message: name }).toBeGreaterThan(0);
      if ((await rejected.count()) > 0) await rejected.getByRole('button', { name: 'Dismiss message' }).click();
    }
  });

  it('keeps requests on loopback and logs no page errors', () => {
    expect(session.foreignRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
