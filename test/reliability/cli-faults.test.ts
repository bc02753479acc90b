// Inputs the CLI cannot read: missing, a folder, a dangling link, and files of 100 MB and more,
// which are refused before they are read. The app's open path gets the same 100 MB check, and
// names the file when a binary plist holds what its XML editor cannot show.

import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { main } from '../../cli/main.ts';
import { MAX_INPUT_FILE_BYTES, processIo, type CliIo } from '../../cli/io.ts';
import { readDocumentFile } from '../../electron/services/documents/open-file.ts';
import { MAX_PLIST_BYTES } from '../../shared/plist/limits.ts';
import { readPlist } from '../../shared/plist/index.ts';
import { PlistError } from '../../shared/plist/errors.ts';
import { writeBinaryPlist } from '../../shared/plist/binary/writer.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'mobileconfig-cli-faults-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the CLI in-process with the real file reading of the `mobileconfig` command. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...processIo, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Makes a sparse file of `size` bytes, which takes no disk space. */
function sparseFile(name: string, size: number): string {
  const file = path.join(folder, name);
  writeFileSync(file, '');
  truncateSync(file, size);
  return file;
}

describe('CLI input faults', () => {
  it('names a missing file', async () => {
    const file = path.join(folder, 'missing.mobileconfig');
    expect(await run(['inspect', file])).toMatchObject({ code: 1, stderr: `${file}: file not found\n` });
  });

  it('names a folder', async () => {
    const dir = path.join(folder, 'a-folder.mobileconfig');
    mkdirSync(dir);
    expect(await run(['inspect', dir])).toMatchObject({ code: 1, stderr: `${dir}: is a folder, not a file\n` });
  });

  it('names a dangling link', async () => {
    const link = path.join(folder, 'vanished.mobileconfig');
    symlinkSync(path.join(folder, 'deleted-target.mobileconfig'), link);
    expect(await run(['verify', link])).toMatchObject({ code: 1, stderr: `${link}: file not found\n` });
  });

  it('refuses 100 MB before reading', async () => {
    const file = sparseFile('huge.mobileconfig', 100_000_000);
    const result = await run(['inspect', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${file}: the file is 100000000 bytes, over the 94371840-byte (90 MiB) limit for input files, so it is not read.\n`);
  });

  it('refuses one byte over the limit', async () => {
    const file = sparseFile('just-over.mobileconfig', MAX_INPUT_FILE_BYTES + 1);
    const result = await run(['convert', file, '--to', 'xml', '-o', path.join(folder, 'out.plist')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}: the file is ${MAX_INPUT_FILE_BYTES + 1} bytes, over the`);
  });

  it('stops reading an endless device', async () => {
    const result = await run(['inspect', '/dev/zero']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`/dev/zero: the file is longer than ${MAX_INPUT_FILE_BYTES} bytes, over the ${MAX_INPUT_FILE_BYTES}-byte (90 MiB) limit for input files, so it is not read.\n`);
  });
});

describe('app and reader size limits', () => {
  it('app refuses 100 MB before reading', async () => {
    const file = sparseFile('huge-app.mobileconfig', 100 * 1024 * 1024);
    await expect(readDocumentFile(file)).rejects.toThrow(`${file}: the file is 104857600 bytes, over the ${MAX_PLIST_BYTES}-byte limit for profiles`);
  });

  it('readPlist refuses over 64 MiB', () => {
    const bytes = new Uint8Array(MAX_PLIST_BYTES + 1);
    expect(() => readPlist(bytes, { file: 'big.plist' })).toThrow(PlistError);
    expect(() => readPlist(bytes, { file: 'big.plist' })).toThrow(`big.plist: file is ${MAX_PLIST_BYTES + 1} bytes, over the ${MAX_PLIST_BYTES}-byte limit for property lists`);
  });
});

describe('app open of what XML cannot hold', () => {
  it('names the file and the value', async () => {
    // A binary plist may hold control characters in strings; the XML editor cannot.
    const file = path.join(folder, 'control-character.plist');
    writeFileSync(file, writeBinaryPlist({ kind: 'dict', entries: [{ key: 'Name', value: { kind: 'string', value: 'a\u0001b' } }] }));
    await expect(readDocumentFile(file)).rejects.toMatchObject({
      name: 'DocumentOpenError',
      message: `${file}: the binary property list cannot be edited as XML: string contains U+0001 at index 1, which XML 1.0 cannot contain; store such content as data, or write a binary plist (at Name)`,
    });
  });
});
