// The error type of CMS parsing, signing, verification, encryption and decryption.

export type CmsErrorCode =
  /** The input is not CMS at all, or not the content type the operation needs. */
  | 'not-cms'
  /** The input ends before its ASN.1 structure does. */
  | 'truncated'
  /** The ASN.1 structure is broken or is not the expected CMS type. */
  | 'malformed'
  | 'unsupported-content-type'
  | 'unsupported-version'
  | 'unsupported-algorithm'
  /** A recipient kind other than key transport (key agreement, KEK, password). */
  | 'unsupported-recipient'
  /** A key or certificate the operation cannot use (an EC certificate as encryption recipient). */
  | 'unsupported-key'
  | 'invalid-certificate'
  | 'invalid-argument'
  | 'no-content'
  | 'no-signer'
  | 'no-recipient'
  /** The content key or the content did not decrypt: wrong key or corrupted data. */
  | 'bad-padding'
  | 'decrypt-failed'
  | 'sign-failed';

export interface CmsErrorDetails {
  /** The algorithm or content-type OID involved. */
  readonly oid?: string;
  /** The CMS field involved, `SignerInfo.signatureAlgorithm` style. */
  readonly field?: string;
  /** The underlying error (an Asn1Error, or an error from the crypto library). */
  readonly cause?: unknown;
}

/** Raised by CMS parsing and the CMS services; `message` states what failed and what to do. */
export class CmsError extends Error {
  override readonly name = 'CmsError';
  readonly code: CmsErrorCode;
  readonly oid?: string;
  readonly field?: string;

  constructor(code: CmsErrorCode, message: string, details: CmsErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.oid = details.oid;
    this.field = details.field;
  }
}
