// A cheap check for DER/BER input, before the full ASN.1 parse.

/**
 * True when `bytes` starts like a constructed SEQUENCE: 0x30, then a length in the short form,
 * the long form with 1-4 octets, or the BER indefinite form (0x80). Plist files start with `<`,
 * white space, a BOM or `bplist`, never with 0x30. A length beyond the input still counts, so
 * that a truncated CMS file is reported as truncated CMS rather than as "not a plist".
 */
export function isDerSequence(bytes: Uint8Array): boolean {
  if (bytes.length < 2 || bytes[0] !== 0x30) return false;
  const first = bytes[1];
  if (first <= 0x80) return true;
  const octets = first & 0x7f;
  return octets <= 4;
}
