// The error type of the workbench PKI: key generation, certificate issuance and requests.

export type PkiErrorCode =
  /** An option is invalid (unknown name attribute, bad validity, unsupported key). */
  | 'invalid-argument'
  /** A PKCS #10 certificate request is not valid DER of that structure. */
  | 'malformed-request'
  /** A certificate request's signature does not verify with its own key. */
  | 'bad-request-signature'
  /** The CA folder is missing a file, or its files do not belong together. */
  | 'ca-unavailable';

export interface PkiErrorDetails {
  /** The structure or option involved (`CertificationRequestInfo.subject`, `subject`). */
  readonly field?: string;
  /** The file involved. */
  readonly file?: string;
  readonly cause?: unknown;
}

/** Raised by the PKI service; `message` names the value and what to do. */
export class PkiError extends Error {
  override readonly name = 'PkiError';
  readonly code: PkiErrorCode;
  readonly field?: string;
  readonly file?: string;

  constructor(code: PkiErrorCode, message: string, details: PkiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.field = details.field;
    this.file = details.file;
  }
}
