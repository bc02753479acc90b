import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileWriteError, writeFileAtomic } from '../../../../electron/services/files/atomic-write.ts';

describe('writeFileAtomic on special targets', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-special-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a FIFO and keeps it', async () => {
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const error = await writeFileAtomic(fifo, new Uint8Array([1])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileWriteError);
    expect((error as Error).message).toMatch(/device, pipe or socket, not a regular file/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a character device', async () => {
    const error = await writeFileAtomic('/dev/null', new Uint8Array([1])).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/not a regular file/);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes through a symbolic link', async () => {
    const real = path.join(dir, 'real.plist');
    const link = path.join(dir, 'link.plist');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    await writeFileAtomic(link, new TextEncoder().encode('new'));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('creates the target of a dangling link', async () => {
    const link = path.join(dir, 'dangling.plist');
    symlinkSync('created-by-link.plist', link);
    await writeFileAtomic(link, new TextEncoder().encode('made'));
    expect(readlinkSync(link)).toBe('created-by-link.plist');
    expect(readFileSync(path.join(dir, 'created-by-link.plist'), 'utf8')).toBe('made');
  });

  it('says nothing was written for a new file', async () => {
    const error = await writeFileAtomic(path.join(dir, 'missing-folder', 'x.plist'), new Uint8Array([1])).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/the folder does not exist\. Nothing was written\./);
  });
});
