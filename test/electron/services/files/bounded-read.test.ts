import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FileTooLargeError, readFileAtMost } from '../../../../electron/services/files/bounded-read.ts';

/** Runs `action` and returns the error it throws, or undefined when it throws none. */
function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('readFileAtMost', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-bounded-read-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file at the limit', () => {
    const file = path.join(dir, 'exact.bin');
    const content = Uint8Array.from({ length: 100 }, (_, i) => i);
    writeFileSync(file, content);
    expect(readFileAtMost(file, 100)).toEqual(content);
  });

  it('reads an empty file', () => {
    const file = path.join(dir, 'empty.bin');
    writeFileSync(file, '');
    expect(readFileAtMost(file, 100)).toEqual(new Uint8Array(0));
  });

  it('rejects a file over the limit', () => {
    const file = path.join(dir, 'over.bin');
    writeFileSync(file, new Uint8Array(101));
    const error = catchError(() => readFileAtMost(file, 100));
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect((error as FileTooLargeError).size).toBe(101);
    expect((error as FileTooLargeError).sizeKnown).toBe(true);
    expect((error as FileTooLargeError).message).toBe(`${file} is 101 bytes, over the 100-byte limit`);
  });

  it.skipIf(process.platform === 'win32')('rejects /dev/zero', () => {
    const error = catchError(() => readFileAtMost('/dev/zero', 1000));
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect((error as FileTooLargeError).sizeKnown).toBe(false);
    expect((error as FileTooLargeError).size).toBeGreaterThan(1000);
  });

  // A pipe reports size 0. Its writer here sends 300,000 bytes, more than one 64 KiB chunk.
  it.skipIf(process.platform === 'win32')('reads a pipe in chunks', async () => {
    const pipe = path.join(dir, 'pipe');
    execFileSync('mkfifo', [pipe]);
    const writer = spawn('sh', ['-c', 'head -c 300000 /dev/zero > "$1"', 'writer', pipe], { stdio: 'ignore' });
    const writerDone = new Promise((resolve) => writer.on('close', resolve));

    const bytes = readFileAtMost(pipe, 1_000_000);
    await writerDone;

    expect(bytes.length).toBe(300_000);
    expect(bytes.every((byte) => byte === 0)).toBe(true);
  });
});
