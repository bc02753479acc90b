// Passphrase sources for the CLI: an environment variable, the first line of a file, or a
// prompt on the terminal with echo off. There is deliberately no way to pass the passphrase
// itself as an argument, because arguments show up in `ps` output and shell history.

import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

import { IdentityError } from './errors.ts';

export type PassphraseSource =
  /** `--passphrase-env VAR`: the value of an environment variable. */
  | { readonly kind: 'env'; readonly variable: string }
  /** `--passphrase-file FILE`: the first line of a file, line ending removed. */
  | { readonly kind: 'file'; readonly path: string }
  /** An interactive prompt on the terminal. */
  | { readonly kind: 'prompt' };

/** The CLI options that choose a passphrase source. */
export interface PassphraseOptions {
  readonly passphraseEnv?: string;
  readonly passphraseFile?: string;
}

/** The terminal the prompt reads from and writes to (process.stdin and process.stderr by default). */
export interface PromptTerminal {
  readonly input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  readonly output: NodeJS.WritableStream;
}

/** Maximum bytes read from a passphrase file, because a passphrase is one short line. */
export const MAX_PASSPHRASE_FILE_BYTES = 64 * 1024;

const OPTIONS_HINT = 'Pass --passphrase-env VAR or --passphrase-file FILE';

/** Environment variable names as POSIX shells accept them. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** True when `name` is a valid environment variable name (letters, digits and `_`, not starting with a digit). */
export function isEnvironmentVariableName(name: string): boolean {
  return VARIABLE_NAME.test(name);
}

/** Picks the source the options name, or the prompt when neither is set. Both at once is an error. */
export function passphraseSourceFromOptions(options: PassphraseOptions): PassphraseSource {
  if (options.passphraseEnv !== undefined && options.passphraseFile !== undefined) {
    throw new IdentityError('invalid-arguments', 'Use either --passphrase-env or --passphrase-file, not both.');
  }
  if (options.passphraseEnv !== undefined) {
    checkVariableName(options.passphraseEnv);
    return { kind: 'env', variable: options.passphraseEnv };
  }
  if (options.passphraseFile !== undefined) return { kind: 'file', path: options.passphraseFile };
  return { kind: 'prompt' };
}

/**
 * Reads a passphrase from `source`. `label` names what the passphrase is for in the prompt
 * (`identity.p12`). Raises IdentityError 'passphrase-unavailable' when the source cannot
 * give one: an unset variable, an unreadable file, or a prompt without a terminal.
 */
export async function readPassphrase(source: PassphraseSource, label: string, environment: NodeJS.ProcessEnv = process.env, terminal?: PromptTerminal): Promise<string> {
  switch (source.kind) {
    case 'env':
      return readPassphraseFromEnvironment(source.variable, environment);
    case 'file':
      return readPassphraseFromFile(source.path);
    case 'prompt':
      return promptForPassphrase(`Passphrase for ${label}: `, terminal ?? { input: process.stdin, output: process.stderr });
    default:
      return assertNeverSource(source);
  }
}

/** Returns the value of environment variable `variable`. An empty value is an empty passphrase. */
export function readPassphraseFromEnvironment(variable: string, environment: NodeJS.ProcessEnv = process.env): string {
  checkVariableName(variable);
  const value = environment[variable];
  if (value === undefined) {
    throw new IdentityError('passphrase-unavailable', `Environment variable ${variable} is not set. Set it to the passphrase or use --passphrase-file FILE.`);
  }
  return value;
}

/**
 * Raises IdentityError 'invalid-arguments' when `variable` is not a variable name. The message
 * leaves the value out, because the usual slip is to pass the passphrase itself, and error
 * output often ends up in CI logs.
 */
function checkVariableName(variable: string): void {
  if (isEnvironmentVariableName(variable)) return;
  throw new IdentityError(
    'invalid-arguments',
    'The value given to --passphrase-env is not an environment variable name (letters, digits and _, not starting with a digit), so it is not shown. Give the name of the variable that contains the passphrase, not the passphrase itself.',
  );
}

/** Returns the first line of `path` without its line ending (LF or CRLF). The file must be UTF-8. */
export function readPassphraseFromFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readHead(path, MAX_PASSPHRASE_FILE_BYTES + 1);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${(error as Error).message})`;
    throw new IdentityError('passphrase-unavailable', `Passphrase file ${path} ${reason}. Check the path given to --passphrase-file.`, { file: path, cause: error });
  }

  // Only the first line counts, so a file written with `echo` works.
  const newline = bytes.indexOf(0x0a);
  if (newline < 0 && bytes.length > MAX_PASSPHRASE_FILE_BYTES) {
    throw new IdentityError('passphrase-unavailable', `Passphrase file ${path} has no line break in its first ${MAX_PASSPHRASE_FILE_BYTES} bytes. Put the passphrase on the first line.`, { file: path });
  }
  let line = newline < 0 ? bytes : bytes.subarray(0, newline);
  if (line.length > 0 && line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);

  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(line);
  } catch (error) {
    throw new IdentityError('passphrase-unavailable', `Passphrase file ${path} is not valid UTF-8. Save it as UTF-8 text.`, { file: path, cause: error });
  }
}

function readHead(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
      const count = readSync(fd, buffer, filled, length - filled, null);
      if (count === 0) break;
      filled += count;
    }
    return buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

/**
 * Prompts on the terminal with echo off and returns the line typed. Backspace deletes,
 * Enter finishes, Ctrl-C and Ctrl-D on an empty line cancel with 'passphrase-unavailable'.
 */
export function promptForPassphrase(prompt: string, terminal: PromptTerminal): Promise<string> {
  const { input, output } = terminal;
  if (!input.isTTY || typeof input.setRawMode !== 'function') {
    return Promise.reject(new IdentityError('passphrase-unavailable', `A passphrase is needed but standard input is not a terminal to prompt on. ${OPTIONS_HINT}.`));
  }
  const setRawMode = input.setRawMode.bind(input);

  return new Promise((resolve, reject) => {
    // Raw mode turns off echo and line editing, so this loop does the editing itself.
    const decoder = new StringDecoder('utf8');
    let typed = '';
    const finish = (error: IdentityError | null): void => {
      input.removeListener('data', onData);
      setRawMode(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string): void => {
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      for (const char of text) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003' || (char === '\u0004' && typed === '')) {
          return finish(new IdentityError('passphrase-unavailable', 'Passphrase entry was cancelled.'));
        }
        // Terminals send an arrow or function key as one escape sequence in one chunk: drop it.
        if (char === '\u001b') return;
        if (char === '\u007f' || char === '\b') typed = Array.from(typed).slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };

    output.write(prompt);
    setRawMode(true);
    input.on('data', onData);
    input.resume();
  });
}

function assertNeverSource(source: never): never {
  throw new Error(`Unexpected passphrase source: ${JSON.stringify(source)}`);
}
