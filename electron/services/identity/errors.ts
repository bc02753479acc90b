// The one error type of identity import and passphrase reading.
//
// Messages name the file and state what to do. They never contain a passphrase or key material.

export type IdentityErrorCode =
  /** The MAC or a key decryption failed with the passphrase given. */
  | 'wrong-passphrase'
  /** The file is encrypted and no passphrase was given. */
  | 'passphrase-required'
  /** No passphrase source is usable (no TTY, variable unset, file unreadable, ...). */
  | 'passphrase-unavailable'
  /** No certificate has the public key of the private key. */
  | 'no-matching-certificate'
  /** The input has certificates but no private key. */
  | 'no-private-key'
  /** The input has a private key but no certificate. */
  | 'no-certificate'
  /** Several private keys have a certificate and no key name selects one. */
  | 'ambiguous-key'
  /** An encryption, MAC or key algorithm that is not supported. */
  | 'unsupported-algorithm'
  /** The bytes are not a valid PKCS#12, PEM or DER file. */
  | 'malformed'
  /** An iteration count or size beyond the reader's limits. */
  | 'limit-exceeded'
  /** An identity, key or certificate file does not exist or cannot be read. */
  | 'unreadable-file'
  /** The arguments to importIdentity do not describe one identity. */
  | 'invalid-arguments';

export interface IdentityErrorDetails {
  /** The file the problem is in, as the user named it. */
  readonly file?: string;
  /** The OID of an unsupported algorithm. */
  readonly oid?: string;
  /** The underlying error, kept for the log. */
  readonly cause?: unknown;
}

/** Raised by identity import and passphrase reading. `message` is meant for the user. */
export class IdentityError extends Error {
  override readonly name = 'IdentityError';
  readonly code: IdentityErrorCode;
  readonly file?: string;
  readonly oid?: string;

  constructor(code: IdentityErrorCode, message: string, details: IdentityErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.file = details.file;
    this.oid = details.oid;
  }
}

/** Returns the file name for messages, or a stand-in when the caller gave none. */
export function fileLabel(file: string | undefined, fallback: string): string {
  return file ?? fallback;
}
