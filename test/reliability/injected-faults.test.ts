// File-system failures that a test cannot cause for real as root (permission denied, a locked
// file, an I/O error) are injected into node:fs/promises. Every save must fail with an error
// that names the file and states what happened, and leave the old content and no temporary file.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { main } from '../../cli/main.ts';
import { processIo, type CliIo } from '../../cli/io.ts';
import { FileWriteError, writeFileAtomic } from '../../electron/services/files/atomic-write.ts';

type Step = 'open-temp' | 'write' | 'sync' | 'rename' | 'copy' | 'open-input';

/** The step that fails next, and with which error code. */
const fault: { step: Step | null; code: string } = { step: null, code: '' };

function errnoError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  const messages: Record<string, string> = { EACCES: 'permission denied', EBUSY: 'resource busy or locked', EIO: 'i/o error', ENOSPC: 'no space left on device', EPERM: 'operation not permitted' };
  return Object.assign(new Error(`${code}: ${messages[code] ?? 'failed'}, ${syscall} '${file}'`), { code, syscall, path: file, errno: -1 });
}

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const failIf = (step: Step, syscall: string, file: string): void => {
    if (fault.step === step) throw errnoError(fault.code, syscall, file);
  };
  return {
    ...real,
    open: async (file: string, flags?: string, mode?: number) => {
      if (flags === 'wx') failIf('open-temp', 'open', file);
      const handle = await real.open(file, flags, mode);
      if (flags !== 'wx') return handle;

      // A write that fails half-way, as on a disk that fills up during the save.
      return Object.assign(Object.create(handle) as FsPromises.FileHandle, {
        writeFile: async (bytes: Uint8Array) => {
          if (fault.step !== 'write') return handle.writeFile(bytes);
          await handle.write(bytes.subarray(0, bytes.length >> 1));
          throw errnoError(fault.code, 'write', file);
        },
        sync: async () => {
          failIf('sync', 'fsync', file);
          return handle.sync();
        },
        close: () => handle.close(),
      });
    },
    rename: async (from: string, to: string) => {
      failIf('rename', 'rename', from);
      return real.rename(from, to);
    },
    copyFile: async (from: string, to: string, mode?: number) => {
      failIf('copy', 'copyfile', from);
      return real.copyFile(from, to, mode);
    },
  };
});

// The CLI reads its inputs with synchronous calls.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    openSync: (...args: Parameters<typeof real.openSync>) => {
      if (fault.step === 'open-input') throw errnoError(fault.code, 'open', String(args[0]));
      return real.openSync(...args);
    },
  };
});

const folder = mkdtempSync(path.join(tmpdir(), 'mobileconfig-faults-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('writeFileAtomic with injected faults', () => {
  const target = path.join(folder, 'profile.mobileconfig');
  beforeEach(() => writeFileSync(target, 'old'));
  afterEach(() => {
    fault.step = null;
  });

  it.each([
    ['open-temp', 'EACCES', 'permission denied (check that the folder and file are writable)'],
    ['write', 'ENOSPC', 'the disk is full'],
    ['sync', 'EIO', `EIO: i/o error, fsync '${path.join(folder, '.profile.mobileconfig.')}`],
    ['rename', 'EBUSY', 'the file is locked by another program'],
    ['copy', 'EPERM', 'permission denied (check that the folder and file are writable)'],
  ] as const)('%s fails with %s', async (step, code, cause) => {
    fault.step = step;
    fault.code = code;
    let thrown: unknown;
    try {
      await writeFileAtomic(target, new TextEncoder().encode('new content'), { backup: true });
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(FileWriteError);
    const error = thrown as FileWriteError;
    expect(error.code).toBe(code);
    expect(error.message.startsWith(`Could not save ${target}: ${cause}`)).toBe(true);
    expect(error.message.endsWith('. The file on disk was not changed.')).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(folder)).toEqual(['profile.mobileconfig']);
  });
});

describe('CLI with injected read faults', () => {
  const input = path.join(folder, 'input.mobileconfig');
  afterEach(() => {
    fault.step = null;
  });

  it('reports permission denied on the input', async () => {
    writeFileSync(input, '<plist><dict/></plist>');
    fault.step = 'open-input';
    fault.code = 'EACCES';
    let stderr = '';
    const io: CliIo = { ...processIo, stdout: () => undefined, stderr: (text) => (stderr += text) };
    const code = await main(['inspect', input], io);
    expect(code).toBe(1);
    expect(stderr).toBe(`${input}: permission denied\n`);
  });
});
