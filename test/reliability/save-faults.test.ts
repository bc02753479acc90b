// Saves onto a full disk and a read-only disk, for real: a 1 MiB tmpfs. The save must fail with
// an error that names the file and the cause, and the file on disk must keep its old content.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { toIpcError } from '../../electron/ipc/dispatch.ts';
import { saveDocumentText } from '../../electron/services/documents/save-file.ts';
import { FileWriteError, writeFileAtomic } from '../../electron/services/files/atomic-write.ts';
import { WIFI_PROFILE_XML } from '../support/profile-fixtures.ts';
import { runCli } from '../support/cli-harness.ts';
import { mountTmpfs, type TmpfsMount } from './support/tmpfs.ts';

const OLD = 'old content\n';

const mount = mountTmpfs(1024 * 1024);
const reason = mount ? '' : ' (skipped: mounting a tmpfs needs root)';

describe.skipIf(mount === null)('save on a small tmpfs' + reason, () => {
  const fs = mount as TmpfsMount;
  const target = path.join(fs.dir, 'profile.mobileconfig');
  let input: string;

  beforeAll(() => {
    input = path.join(path.dirname(fs.dir), `${path.basename(fs.dir)}-input.mobileconfig`);
    writeFileSync(input, WIFI_PROFILE_XML);
  });
  afterAll(() => fs.unmount());
  beforeEach(() => {
    fs.setReadOnly(false);
    writeFileSync(target, OLD);
  });

  /** Runs `save` and returns the FileWriteError it must raise. */
  async function failure(save: () => Promise<void>): Promise<FileWriteError> {
    try {
      await save();
    } catch (error) {
      expect(error).toBeInstanceOf(FileWriteError);
      return error as FileWriteError;
    }
    throw new Error('the save did not fail');
  }

  it('reports a full disk', async () => {
    const error = await failure(() => writeFileAtomic(target, new Uint8Array(2 * 1024 * 1024)));
    expect(error.code).toBe('ENOSPC');
    expect(error.file).toBe(target);
    expect(error.message).toBe(`Could not save ${target}: the disk is full. The file on disk was not changed.`);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
  });

  it('removes its temporary file', async () => {
    await failure(() => writeFileAtomic(target, new Uint8Array(2 * 1024 * 1024), { backup: true }));
    expect(readdirSync(fs.dir)).toEqual(['profile.mobileconfig']);
  });

  it('reports a read-only disk', async () => {
    fs.setReadOnly(true);
    const error = await failure(() => writeFileAtomic(target, new TextEncoder().encode('new')));
    expect(error.code).toBe('EROFS');
    expect(error.message).toBe(`Could not save ${target}: the file system is read-only. The file on disk was not changed.`);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
  });

  it('app save reports a full disk', async () => {
    const big = WIFI_PROFILE_XML.replace('<string>Example Org</string>', `<string>${'x'.repeat(2 * 1024 * 1024)}</string>`);
    let thrown: unknown;
    try {
      await saveDocumentText(target, big);
    } catch (error) {
      thrown = error;
    }
    expect(toIpcError(thrown)).toEqual({ code: 'file-error', message: `Could not save ${target}: the disk is full. The file on disk was not changed.` });
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(existsSync(`${target}~`)).toBe(false);
  });

  it('CLI output on a read-only disk', async () => {
    fs.setReadOnly(true);
    const run = await runCli(['convert', input, '--to', 'binary', '-o', target]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Could not save ${target}: the file system is read-only. The file on disk was not changed.`);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
  });
});
