// Identity import from file paths, with the passphrase read only when the files need one:
// the entry point for the CLI's --identity / --cert / --key / --chain options.

import { FileTooLargeError, readFileAtMost } from '../files/bounded-read.ts';
import { IdentityError } from './errors.ts';
import { importIdentity, type Identity, type ImportIdentityRequest } from './import-identity.ts';
import { passphraseSourceFromOptions, promptForPassphrase, readPassphrase, type PassphraseOptions, type PromptTerminal } from './passphrase.ts';

export interface IdentityFiles {
  /** A PKCS#12 file (`--identity`). */
  readonly identity?: string;
  /** A certificate file, PEM or DER (`--cert`). */
  readonly cert?: string;
  /** A private key file, PEM or DER (`--key`). */
  readonly key?: string;
  /** Certificate files added to the chain (`--chain`, repeatable). */
  readonly chain?: readonly string[];
  /** The friendlyName or hex localKeyId of the key to use when a file has several. */
  readonly keyName?: string;
}

export interface PassphraseContext {
  readonly environment?: NodeJS.ProcessEnv;
  /** The terminal to prompt on; process.stdin and process.stderr by default. */
  readonly terminal?: PromptTerminal;
  /** How many passphrases the prompt accepts before giving up; 3 by default. */
  readonly maxPromptAttempts?: number;
}

/** Largest identity, key or certificate file read. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Reads the files and imports the identity. With --passphrase-env or --passphrase-file the
 * passphrase is read first. Without them the files are tried with no passphrase, and only an
 * encrypted file leads to a prompt, which is asked again after a wrong passphrase.
 */
export async function importIdentityFromFiles(files: IdentityFiles, options: PassphraseOptions, context: PassphraseContext = {}): Promise<Identity> {
  const request = readIdentityFiles(files);
  const source = passphraseSourceFromOptions(options);
  const label = files.identity ?? files.key ?? files.cert ?? 'the identity';

  if (source.kind !== 'prompt') {
    const passphrase = await readPassphrase(source, label, context.environment ?? process.env);
    return importIdentity({ ...request, passphrase });
  }

  // Unencrypted keys need no passphrase, so try without one before prompting.
  try {
    return importIdentity(request);
  } catch (error) {
    if (!(error instanceof IdentityError) || error.code !== 'passphrase-required') throw error;
  }

  const terminal = context.terminal ?? { input: process.stdin, output: process.stderr };
  if (!terminal.input.isTTY) {
    throw new IdentityError(
      'passphrase-unavailable',
      `${label} needs a passphrase, but standard input is not a terminal to prompt on. Pass --passphrase-env VAR or --passphrase-file FILE.`,
      { file: label },
    );
  }

  const attempts = context.maxPromptAttempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    const passphrase = await promptForPassphrase(`Passphrase for ${label}: `, terminal);
    try {
      return importIdentity({ ...request, passphrase });
    } catch (error) {
      const wrong = error instanceof IdentityError && error.code === 'wrong-passphrase';
      if (!wrong || attempt >= attempts) throw error;
      terminal.output.write('Wrong passphrase, try again.\n');
    }
  }
}

/** Reads the named files into an import request. Raises IdentityError naming a file that cannot be read. */
export function readIdentityFiles(files: IdentityFiles): ImportIdentityRequest {
  if (files.identity !== undefined && (files.cert !== undefined || files.key !== undefined)) {
    throw new IdentityError('invalid-arguments', 'Use either --identity or --cert with --key, not both.');
  }
  if (files.identity === undefined && files.cert === undefined && files.key === undefined) {
    throw new IdentityError('invalid-arguments', 'No identity given. Pass --identity FILE.p12, or --cert FILE and --key FILE.');
  }

  const chain = files.chain ?? [];
  return {
    ...(files.identity !== undefined ? { p12: readInput(files.identity), file: files.identity } : {}),
    ...(files.cert !== undefined ? { certPem: readInput(files.cert), file: files.cert } : {}),
    ...(files.key !== undefined ? { keyPem: readInput(files.key), keyFile: files.key } : {}),
    ...(chain.length > 0 ? { chain: chain.map(readInput), chainFiles: chain } : {}),
    ...(files.keyName !== undefined ? { keyName: files.keyName } : {}),
  };
}

function readInput(path: string): Uint8Array {
  try {
    return readFileAtMost(path, MAX_FILE_BYTES);
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      const sizeText = error.sizeKnown ? `${error.size} bytes, more than` : 'more than';
      throw new IdentityError('limit-exceeded', `${path} is ${sizeText} the ${MAX_FILE_BYTES} bytes an identity file may have.`, { file: path });
    }
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${(error as Error).message})`;
    throw new IdentityError('unreadable-file', `${path} ${reason}.`, { file: path, cause: error });
  }
}
