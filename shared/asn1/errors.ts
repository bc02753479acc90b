// The one error type of the ASN.1 reader, its value helpers and the DER writer.

export interface Asn1ErrorDetails {
  /** Byte offset in the input where the failing element starts (or where input ran out). */
  readonly offset?: number;
  /** The structure or field being read, `Certificate.tbsCertificate.validity` style. */
  readonly structure?: string;
  /** What the reader expected there, such as `SEQUENCE` or `2 length octets`. */
  readonly expected?: string;
}

/**
 * Raised for malformed BER/DER input and for values the DER writer cannot encode.
 * `reason` is the problem alone; `message` adds the structure and the offset.
 */
export class Asn1Error extends Error {
  override readonly name = 'Asn1Error';
  readonly reason: string;
  readonly offset?: number;
  readonly structure?: string;
  readonly expected?: string;

  constructor(reason: string, details: Asn1ErrorDetails = {}) {
    super(formatAsn1ErrorMessage(reason, details));
    this.reason = reason;
    this.offset = details.offset;
    this.structure = details.structure;
    this.expected = details.expected;
  }
}

function formatAsn1ErrorMessage(reason: string, details: Asn1ErrorDetails): string {
  const what = details.structure ? `${details.structure}: ` : '';
  const expected = details.expected ? ` (expected ${details.expected})` : '';
  const where = details.offset !== undefined ? ` at byte ${details.offset}` : '';
  return `${what}${reason}${expected}${where}`;
}
