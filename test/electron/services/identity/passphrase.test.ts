import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';

import { IdentityError } from '../../../../electron/services/identity/errors.ts';
import {
  MAX_PASSPHRASE_FILE_BYTES,
  passphraseSourceFromOptions,
  promptForPassphrase,
  readPassphrase,
  readPassphraseFromEnvironment,
  readPassphraseFromFile,
  type PromptTerminal,
} from '../../../../electron/services/identity/passphrase.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'passphrase-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeTemp(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Creates a stand-in terminal that records raw-mode switches and everything written to it. */
function fakeTerminal(isTTY: boolean): { terminal: PromptTerminal; input: PassThrough; rawModes: boolean[]; written: () => string } {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
  const rawModes: boolean[] = [];
  Object.assign(input, { isTTY, setRawMode: (mode: boolean) => rawModes.push(mode) });
  return { terminal: { input, output }, input, rawModes, written: () => written };
}

async function expectIdentityError(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(IdentityError);
  expect((error as IdentityError).code).toBe(code);
  expect((error as IdentityError).message).toMatch(message);
}

describe('passphrase source from options', () => {
  it('env option', () => {
    expect(passphraseSourceFromOptions({ passphraseEnv: 'P12_PASS' })).toEqual({ kind: 'env', variable: 'P12_PASS' });
  });

  it('file option', () => {
    expect(passphraseSourceFromOptions({ passphraseFile: '/x/pass.txt' })).toEqual({ kind: 'file', path: '/x/pass.txt' });
  });

  it('no option means prompt', () => {
    expect(passphraseSourceFromOptions({})).toEqual({ kind: 'prompt' });
  });

  it('both options rejected', () => {
    expect(() => passphraseSourceFromOptions({ passphraseEnv: 'A', passphraseFile: 'b' })).toThrow(/either --passphrase-env or --passphrase-file/);
  });
});

describe('passphrase from environment', () => {
  it('reads variable', () => {
    expect(readPassphraseFromEnvironment('P12_PASS', { P12_PASS: 'pass123' })).toBe('pass123');
  });

  it('empty value is empty passphrase', () => {
    expect(readPassphraseFromEnvironment('P12_PASS', { P12_PASS: '' })).toBe('');
  });

  it('missing variable names it', async () => {
    await expectIdentityError(readPassphrase({ kind: 'env', variable: 'NO_SUCH_VAR_X' }, 'id.p12', {}), 'passphrase-unavailable', /NO_SUCH_VAR_X is not set/);
  });

  it('passphrase as name is not echoed', async () => {
    for (const value of ['s3cret-Pass', '1PASS', 'two words', 'Pässe', '']) {
      let caught: IdentityError | null = null;
      try {
        passphraseSourceFromOptions({ passphraseEnv: value });
      } catch (error) {
        caught = error as IdentityError;
      }
      expect(caught, value).toBeInstanceOf(IdentityError);
      expect(caught?.code).toBe('invalid-arguments');
      expect(caught?.message).toMatch(/^The value given to --passphrase-env is not an environment variable name/);
      if (value !== '') expect(caught?.message).not.toContain(value);
      await expectIdentityError(readPassphrase({ kind: 'env', variable: value }, 'id.p12', { [value]: 'x' }), 'invalid-arguments', /not an environment variable name/);
    }
  });

  it('valid names pass the check', () => {
    for (const name of ['P12_PASS', '_x', 'a1', 'Z']) expect(readPassphraseFromEnvironment(name, { [name]: 'ok' })).toBe('ok');
  });
});

describe('passphrase from file', () => {
  it('strips trailing LF', () => {
    expect(readPassphraseFromFile(writeTemp('lf.txt', 'pass123\n'))).toBe('pass123');
  });

  it('strips trailing CRLF', () => {
    expect(readPassphraseFromFile(writeTemp('crlf.txt', 'pass123\r\n'))).toBe('pass123');
  });

  it('keeps only first line', () => {
    expect(readPassphraseFromFile(writeTemp('two.txt', 'first line\nsecond line\n'))).toBe('first line');
  });

  it('no line break', () => {
    expect(readPassphraseFromFile(writeTemp('bare.txt', 'bare'))).toBe('bare');
  });

  it('keeps inner spaces and UTF-8', () => {
    expect(readPassphraseFromFile(writeTemp('utf8.txt', ' Café ✓ \n'))).toBe(' Café ✓ ');
  });

  it('empty file is empty passphrase', () => {
    expect(readPassphraseFromFile(writeTemp('empty.txt', ''))).toBe('');
  });

  it('missing file names it', async () => {
    const missing = path.join(dir, 'missing.txt');
    await expectIdentityError(readPassphrase({ kind: 'file', path: missing }, 'id.p12'), 'passphrase-unavailable', new RegExp(`${missing} does not exist`));
  });

  it('invalid UTF-8 rejected', () => {
    expect(() => readPassphraseFromFile(writeTemp('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])))).toThrow(/not valid UTF-8/);
  });

  it('overlong first line rejected', () => {
    const file = writeTemp('long.txt', 'x'.repeat(MAX_PASSPHRASE_FILE_BYTES + 10));
    expect(() => readPassphraseFromFile(file)).toThrow(/no line break/);
  });
});

describe('passphrase prompt', () => {
  it('no TTY names the options', async () => {
    const { terminal } = fakeTerminal(false);
    await expectIdentityError(promptForPassphrase('Passphrase: ', terminal), 'passphrase-unavailable', /not a terminal.*Pass --passphrase-env VAR or --passphrase-file FILE/);
  });

  it('reads line with echo off', async () => {
    const { terminal, input, rawModes, written } = fakeTerminal(true);
    const result = promptForPassphrase('Passphrase for id.p12: ', terminal);
    input.write('s3cret\r');
    await expect(result).resolves.toBe('s3cret');
    expect(rawModes).toEqual([true, false]);
    expect(written()).toBe('Passphrase for id.p12: \n');
  });

  it('backspace deletes a character', async () => {
    const { terminal, input } = fakeTerminal(true);
    const result = promptForPassphrase('P: ', terminal);
    input.write('abx\u007fc\n');
    await expect(result).resolves.toBe('abc');
  });

  it('arrow key sequence ignored', async () => {
    const { terminal, input } = fakeTerminal(true);
    const result = promptForPassphrase('P: ', terminal);
    input.write('ab');
    input.write('\u001b[A');
    input.write('c\r');
    await expect(result).resolves.toBe('abc');
  });

  it('UTF-8 split across chunks', async () => {
    const { terminal, input } = fakeTerminal(true);
    const result = promptForPassphrase('P: ', terminal);
    const bytes = Buffer.from('é\r', 'utf8');
    input.write(bytes.subarray(0, 1));
    input.write(bytes.subarray(1));
    await expect(result).resolves.toBe('é');
  });

  it('Ctrl-C cancels', async () => {
    const { terminal, input, rawModes } = fakeTerminal(true);
    const result = promptForPassphrase('P: ', terminal);
    input.write('ab\u0003');
    await expectIdentityError(result, 'passphrase-unavailable', /cancelled/);
    expect(rawModes).toEqual([true, false]);
  });

  it('empty Enter gives empty passphrase', async () => {
    const { terminal, input } = fakeTerminal(true);
    const result = promptForPassphrase('P: ', terminal);
    input.write('\r');
    await expect(result).resolves.toBe('');
  });
});
