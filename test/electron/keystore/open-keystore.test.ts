// Opening the app's keystore: identities come back after a restart, and a store that can no
// longer be decrypted leaves an empty keystore, a message and the old file kept aside.

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { keystoreFile } from '../../../electron/keystore/keystore-file.ts';
import { openKeystore } from '../../../electron/keystore/open-keystore.ts';
import { memoryLogger } from '../../../electron/log.ts';
import { needTools } from '../../support/environment.ts';
import { fakeCipher } from '../../support/fake-secret-box.ts';
import { makePki, type Pki } from '../../support/openssl-pki.ts';

const tools = needTools('openssl');

describe.skipIf(tools.skip)('openKeystore' + tools.reason, () => {
  let pki: Pki;
  let dir: string;

  beforeAll(async () => {
    pki = makePki();
    dir = await mkdtemp(path.join(tmpdir(), 'open-keystore-'));
  });

  afterAll(async () => {
    pki?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('brings identities back after a restart', async () => {
    const file = path.join(dir, 'restart.bin');
    const cipher = fakeCipher();
    const first = await openKeystore(cipher, keystoreFile(file), memoryLogger());
    const imported = await first.keystore.importIdentity({ certPem: new Uint8Array(await readFile(pki.device.certPath)), keyPem: new Uint8Array(await readFile(pki.device.keyPath)), file: pki.device.certPath });

    const second = await openKeystore(cipher, keystoreFile(file), memoryLogger());
    expect(second.loadProblem).toBeNull();
    expect(second.keystore.listIdentities().map((identity) => identity.id)).toEqual([imported.id]);
    // The file is the cipher's output, not readable JSON or PEM.
    const saved = await readFile(file);
    expect(saved.includes(Buffer.from('PRIVATE KEY'))).toBe(false);
    expect(saved.includes(Buffer.from('"identities"'))).toBe(false);
  });

  it('keeps an unreadable store aside and starts empty', async () => {
    const folder = await mkdtemp(path.join(dir, 'unreadable-'));
    const file = path.join(folder, 'identities.bin');
    await writeFile(file, 'written by another keychain');
    const logger = memoryLogger();
    const opened = await openKeystore(fakeCipher(), keystoreFile(file), logger, new Date('2026-12-04T20:00:00Z'));

    expect(opened.keystore.listIdentities()).toEqual([]);
    expect(opened.loadProblem).toMatch(/^The saved identities cannot be decrypted .* The unreadable file was kept as .*identities\.bin\.unreadable-2026-12-04T20-00-00-000Z\.$/);
    expect(await readdir(folder)).toEqual(['identities.bin.unreadable-2026-12-04T20-00-00-000Z']);
    expect(logger.lines.some((line) => line.level === 'error')).toBe(true);
  });

  it('opens nothing without protected storage', async () => {
    const file = path.join(dir, 'session.bin');
    await writeFile(file, 'left from an earlier run');
    const opened = await openKeystore(fakeCipher(false), keystoreFile(file), memoryLogger());
    expect(opened.loadProblem).toBeNull();
    expect(opened.keystore.persistence().mode).toBe('session');
    await expect(readFile(file, 'utf8')).resolves.toBe('left from an earlier run');
  });
});
