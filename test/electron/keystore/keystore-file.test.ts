import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { keystoreFile } from '../../../electron/keystore/keystore-file.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'keystore-file-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('keystoreFile', () => {
  it('loads null before the first save', async () => {
    await expect(keystoreFile(path.join(dir, 'identities.bin')).load()).resolves.toBeNull();
  });

  it('saves, loads and clears', async () => {
    const file = path.join(dir, 'identities.bin');
    const storage = keystoreFile(file);
    await storage.save(new Uint8Array([1, 2, 3]));
    await expect(storage.load()).resolves.toEqual(new Uint8Array([1, 2, 3]));
    await storage.save(new Uint8Array([4]));
    await expect(readFile(file)).resolves.toEqual(Buffer.from([4]));
    await storage.clear();
    await expect(storage.load()).resolves.toBeNull();
  });

  it.skipIf(process.platform === 'win32')('keeps the file private to the user', async () => {
    const file = path.join(dir, 'identities.bin');
    await keystoreFile(file).save(new Uint8Array([1]));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('sets an unreadable file aside', async () => {
    const file = path.join(dir, 'identities.bin');
    await writeFile(file, 'damaged');
    const renamed = await keystoreFile(file).setAside(new Date('2026-12-04T20:00:00.123Z'));
    expect(renamed).toBe(`${file}.unreadable-2026-12-04T20-00-00-123Z`);
    expect(await readdir(dir)).toEqual(['identities.bin.unreadable-2026-12-04T20-00-00-123Z']);
  });
});
