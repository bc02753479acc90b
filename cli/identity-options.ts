// The options that name a signing or decryption identity, shared by sign, encrypt and decrypt.

import type { Identity } from '../electron/services/identity/import-identity.ts';
import { importIdentityFromFiles } from '../electron/services/identity/import-files.ts';
import type { CliIo } from './io.ts';

export const IDENTITY_OPTIONS = {
  identity: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  chain: { type: 'string', multiple: true },
  'key-name': { type: 'string' },
  'passphrase-env': { type: 'string' },
  'passphrase-file': { type: 'string' },
} as const;

export const IDENTITY_HELP = `Identity options:
  --identity FILE          PKCS#12 file (.p12/.pfx) with the key and certificate
  --cert FILE --key FILE   certificate and private key, PEM or DER (PKCS#1, PKCS#8, SEC1, encrypted PKCS#8)
  --chain FILE             more certificates (PEM bundle or DER) for the chain (repeatable)
  --key-name NAME          with several keys in one file: its friendlyName or hex localKeyId
  --passphrase-env VAR     read the passphrase from environment variable VAR
  --passphrase-file FILE   read the passphrase from the first line of FILE
  Without either passphrase option, an encrypted key is asked for on the terminal.
  A passphrase is never accepted as an argument value, because arguments show in process lists.
`;

export interface IdentityOptionValues {
  readonly identity?: string;
  readonly cert?: string;
  readonly key?: string;
  readonly chain?: string[];
  readonly 'key-name'?: string;
  readonly 'passphrase-env'?: string;
  readonly 'passphrase-file'?: string;
}

/** True when any option names an identity. */
export function hasIdentityOptions(values: IdentityOptionValues): boolean {
  return values.identity !== undefined || values.cert !== undefined || values.key !== undefined;
}

/** Imports the identity the options name. Raises IdentityError for a wrong passphrase, a key without its certificate, and similar problems. */
export function loadIdentity(values: IdentityOptionValues, io: CliIo): Promise<Identity> {
  return importIdentityFromFiles(
    { identity: values.identity, cert: values.cert, key: values.key, chain: values.chain, keyName: values['key-name'] },
    { passphraseEnv: values['passphrase-env'], passphraseFile: values['passphrase-file'] },
    { environment: io.env as NodeJS.ProcessEnv },
  );
}
