// The error type of the PKCS#12 structure parser.

export type Pkcs12ErrorCode =
  /** The bytes are not a PFX of the expected shape. */
  | 'malformed'
  /** A PFX version other than 3. */
  | 'unsupported-version'
  /** An encryption, MAC or integrity scheme this reader does not implement; `oid` names it. */
  | 'unsupported-algorithm'
  /** An iteration count or size beyond what the reader accepts. */
  | 'limit-exceeded';

export interface Pkcs12ErrorDetails {
  /** The structure being read, `SafeBag.bagValue` style. */
  readonly structure?: string;
  /** The algorithm or type OID involved, for 'unsupported-algorithm'. */
  readonly oid?: string;
}

/** Raised by the PKCS#12 parsers for input they reject. `message` names what failed and where. */
export class Pkcs12Error extends Error {
  override readonly name = 'Pkcs12Error';
  readonly code: Pkcs12ErrorCode;
  readonly structure?: string;
  readonly oid?: string;

  constructor(code: Pkcs12ErrorCode, message: string, details: Pkcs12ErrorDetails = {}) {
    super(details.structure ? `${details.structure}: ${message}` : message);
    this.code = code;
    this.structure = details.structure;
    this.oid = details.oid;
  }
}
