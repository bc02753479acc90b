// Crash safety of writeFileAtomic: a child process saves a large file over and over, and is
// killed with SIGKILL at random moments. After every kill the file must be one whole version,
// old or new, never a truncated or mixed one.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Random } from '../fuzz/engine/random.ts';
import { compileForChild } from './support/compile.ts';

/** Bytes of version 1; each later version adds 4 KiB per (version mod 7), so that a cut file has the wrong length too. */
const BASE_SIZE = 8 * 1024 * 1024;
const KILLS = 16;

/** Builds version `version`: a 4-byte version, a 4-byte length, then bytes that depend on both. */
function versionBytes(version: number): Buffer {
  const length = BASE_SIZE + (version % 7) * 4096;
  const bytes = Buffer.alloc(length);
  bytes.writeUInt32BE(version, 0);
  bytes.writeUInt32BE(length, 4);
  for (let i = 8; i < length; i++) bytes[i] = (i * 31 + version * 7) & 0xff;
  return bytes;
}

/** Returns the version `bytes` is a whole copy of, or a description of what is wrong. */
function checkVersion(bytes: Buffer): number | string {
  if (bytes.length < 8) return `only ${bytes.length} bytes`;
  const version = bytes.readUInt32BE(0);
  const expected = versionBytes(version);
  if (bytes.length !== expected.length) return `version ${version} has ${bytes.length} bytes, expected ${expected.length}`;
  const first = bytes.findIndex((byte, i) => byte !== expected[i]);
  return first < 0 ? version : `version ${version} differs from byte ${first} on`;
}

// The child: saves version 1, 2, 3, ... with writeFileAtomic and prints each number once saved.
const CHILD = `
import { writeFileAtomic } from './electron/services/files/atomic-write.js';
const [target, base, backup] = process.argv.slice(2);
const baseSize = Number(base);
for (let version = Number(process.argv[5]); ; version++) {
  const length = baseSize + (version % 7) * 4096;
  const bytes = Buffer.alloc(length);
  bytes.writeUInt32BE(version, 0);
  bytes.writeUInt32BE(length, 4);
  for (let i = 8; i < length; i++) bytes[i] = (i * 31 + version * 7) & 0xff;
  await writeFileAtomic(target, bytes, { backup: backup === 'backup' });
  process.stdout.write(version + '\\n');
}
`;

describe('writeFileAtomic under SIGKILL', () => {
  let compiled: string;
  let folder: string;
  beforeAll(() => {
    compiled = compileForChild(['electron/services/files/atomic-write.ts']);
    writeFileSync(path.join(compiled, 'save-loop.mjs'), CHILD);
    folder = mkdtempSync(path.join(tmpdir(), 'mobileconfig-kill-'));
  });
  afterAll(() => {
    rmSync(compiled, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  });

  /**
   * Starts the child saving from `firstVersion`, kills it after a random delay, and returns the
   * last version it reported saved. With `afterFirstSave` the delay starts once a save is done,
   * so that the run moves on even when a loaded machine starts processes slowly.
   */
  async function saveAndKill(target: string, firstVersion: number, random: Random, backup: boolean, afterFirstSave: boolean): Promise<number> {
    const child = spawn(process.execPath, [path.join(compiled, 'save-loop.mjs'), target, String(BASE_SIZE), backup ? 'backup' : 'plain', String(firstVersion)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let saved = firstVersion - 1;
    let stderr = '';
    let firstSave: () => void = () => undefined;
    const firstSaveDone = new Promise<void>((resolve) => (firstSave = resolve));
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line) saved = Number(line);
      firstSave();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });

    // Kill at a random moment: before the first save ends, or some way into a later one.
    if (afterFirstSave) await Promise.race([firstSaveDone, exited(child)]);
    await delay(random.between(afterFirstSave ? 0 : 5, afterFirstSave ? 150 : 400));
    child.kill('SIGKILL');
    await exited(child);
    expect(stderr).toBe('');
    return saved;
  }

  it.each([false, true])('leaves a whole version (backup %s)', async (backup) => {
    const random = new Random(backup ? 2 : 1);
    const target = path.join(folder, backup ? 'with-backup.bin' : 'plain.bin');
    writeFileSync(target, versionBytes(0));

    let next = 1;
    const seen = new Set<number>();
    for (let kill = 0; kill < KILLS; kill++) {
      const saved = await saveAndKill(target, next, random, backup, kill % 2 === 0);
      const found = checkVersion(readFileSync(target));
      expect(typeof found, `after kill ${kill}: ${String(found)}`).toBe('number');

      // The file is the last version reported saved, or the one after it when the kill came
      // between the rename and the report.
      expect([saved, saved + 1], `after kill ${kill}`).toContain(found as number);
      seen.add(found as number);

      // A backup left by an interrupted save is a whole earlier version too.
      const backupFile = `${target}~`;
      if (existsSync(backupFile)) {
        const backupVersion = checkVersion(readFileSync(backupFile));
        expect(typeof backupVersion, `backup after kill ${kill}: ${String(backupVersion)}`).toBe('number');
      }
      next = Math.max(saved, found as number) + 1;
    }

    // Every other kill waits for a save, so the run has moved past the first version.
    expect(seen.size).toBeGreaterThan(1);

    // Temporary files of killed saves stay behind, as dot files that no reader takes for the target.
    const leftovers = readdirSync(folder).filter((name) => name.startsWith(`.${path.basename(target)}.`));
    for (const name of leftovers) expect(name).toMatch(/^\.[a-z-]+\.bin\.[0-9a-f]{12}\.tmp~?$/);
  }, 120_000);
});

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}
