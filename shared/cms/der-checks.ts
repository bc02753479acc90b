// Strict field checks for the CMS parsers. OpenSSL's template decoder rejects these encodings
// even in fields that no signature covers, so a verifier that accepted them would call a
// damaged file valid where OpenSSL (and so most other tools) would not.

import { Asn1Error } from '../asn1/errors.ts';
import { type Asn1Node, describeNode, hasTag } from '../asn1/reader.ts';
import { TAG_BOOLEAN, TAG_ENUMERATED, TAG_INTEGER, TAG_NULL, TAG_OID, TAG_SEQUENCE, TAG_SET } from '../asn1/tags.ts';
import type { AlgorithmIdentifier } from '../x509/algorithm-identifier.ts';

/**
 * Returns the content octets of an INTEGER. Unlike the generic reader, it rejects the
 * ENUMERATED tag and a non-minimal two's complement form (a leading 0x00 or 0xFF octet that
 * only repeats the sign), as X.690 section 8.3.2 requires and OpenSSL checks.
 */
export function readStrictIntegerBytes(node: Asn1Node, structure: string): Uint8Array {
  if (!hasTag(node, 'universal', TAG_INTEGER) || node.constructed) {
    throw new Asn1Error(`found ${node.constructed ? 'constructed ' : ''}${describeNode(node)}`, { offset: node.offset, structure, expected: 'primitive INTEGER' });
  }

  const octets = node.contents;
  if (octets.length === 0) {
    throw new Asn1Error('INTEGER has no content octets', { offset: node.offset, structure, expected: 'at least one octet' });
  }
  const redundantZero = octets[0] === 0x00 && octets.length > 1 && (octets[1] & 0x80) === 0;
  const redundantOnes = octets[0] === 0xff && octets.length > 1 && (octets[1] & 0x80) !== 0;
  if (redundantZero || redundantOnes) {
    throw new Asn1Error('INTEGER has a redundant leading octet', { offset: node.offset, structure, expected: 'the minimal two\'s complement form' });
  }
  return octets;
}

/** Reads a CMSVersion (a small non-negative INTEGER) with the checks of readStrictIntegerBytes. */
export function readCmsVersion(node: Asn1Node, structure: string): number {
  const octets = readStrictIntegerBytes(node, structure);
  if ((octets[0] & 0x80) !== 0 || octets.length > 4) {
    throw new Asn1Error('version is out of range', { offset: node.offset, structure, expected: 'an integer from 0 to 2^31 - 1' });
  }
  let value = 0;
  for (const octet of octets) value = value * 256 + octet;
  return value;
}

/** Raises when a SEQUENCE has elements after the last field its definition allows. */
export function expectNoMoreFields(fields: readonly Asn1Node[], allowed: number, structure: string): void {
  const extra = fields[allowed];
  if (extra === undefined) return;
  throw new Asn1Error(`unexpected ${describeNode(extra)} after the last field`, { offset: extra.offset, structure, expected: `at most ${allowed} elements` });
}

/**
 * Checks that the parameters of an AlgorithmIdentifier are a well-formed universal value:
 * NULL empty and primitive, BOOLEAN one octet, INTEGER, ENUMERATED and OBJECT IDENTIFIER
 * primitive, SEQUENCE and SET constructed. The parameters stay `ANY` otherwise.
 */
export function checkAlgorithmParameters(algorithm: AlgorithmIdentifier, structure: string): void {
  const parameters = algorithm.parameters;
  if (parameters === null || parameters.tagClass !== 'universal') return;

  const where = { offset: parameters.offset, structure: `${structure}.parameters` };
  const primitiveOnly = [TAG_NULL, TAG_BOOLEAN, TAG_INTEGER, TAG_ENUMERATED, TAG_OID].includes(parameters.tag);
  if (primitiveOnly && parameters.constructed) {
    throw new Asn1Error(`${describeNode(parameters)} is constructed`, { ...where, expected: `primitive ${describeNode(parameters)}` });
  }
  if ((parameters.tag === TAG_SEQUENCE || parameters.tag === TAG_SET) && !parameters.constructed) {
    throw new Asn1Error(`${describeNode(parameters)} is primitive`, { ...where, expected: `constructed ${describeNode(parameters)}` });
  }
  if (parameters.tag === TAG_NULL && parameters.contents.length !== 0) {
    throw new Asn1Error(`NULL has ${octetCount(parameters.contents.length)}`, { ...where, expected: 'no content octets' });
  }
  if (parameters.tag === TAG_BOOLEAN && parameters.contents.length !== 1) {
    throw new Asn1Error(`BOOLEAN has ${octetCount(parameters.contents.length)}`, { ...where, expected: 'one content octet' });
  }
  if ([TAG_INTEGER, TAG_ENUMERATED, TAG_OID].includes(parameters.tag) && parameters.contents.length === 0) {
    throw new Asn1Error(`${describeNode(parameters)} has no content octets`, { ...where, expected: 'at least one content octet' });
  }
}

function octetCount(count: number): string {
  return `${count} content ${count === 1 ? 'octet' : 'octets'}`;
}
