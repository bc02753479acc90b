// Parameters of the RSA schemes with hash choices (RFC 4055, sections 3.1 and 4.1).
//
//   RSASSA-PSS-params ::= SEQUENCE {
//     hashAlgorithm     [0] HashAlgorithm    DEFAULT sha1,
//     maskGenAlgorithm  [1] MaskGenAlgorithm DEFAULT mgf1SHA1,
//     saltLength        [2] INTEGER          DEFAULT 20,
//     trailerField      [3] TrailerField     DEFAULT trailerFieldBC }   -- 1
//   RSAES-OAEP-params ::= SEQUENCE {
//     hashAlgorithm     [0] HashAlgorithm    DEFAULT sha1,
//     maskGenAlgorithm  [1] MaskGenAlgorithm DEFAULT mgf1SHA1,
//     pSourceAlgorithm  [2] PSourceAlgorithm DEFAULT pSpecifiedEmpty }  -- label in an OCTET STRING

import { type Asn1Node, expectSequence, hasTag, readOctetString, readSmallInteger, unwrapExplicit } from '../asn1/reader.ts';
import { TAG_NULL } from '../asn1/tags.ts';
import { OID_MGF1, OID_SHA1 } from '../asn1/oids.ts';
import { parseAlgorithmIdentifier } from './algorithm-identifier.ts';

interface HashChoices {
  /** OID of the message hash. */
  readonly hashOid: string;
  /** OID of the mask generation function (MGF1 in practice). */
  readonly maskGenOid: string;
  /** OID of the hash inside MGF1, or null for another mask generation function. */
  readonly maskGenHashOid: string | null;
}

export interface RsaPssParams extends HashChoices {
  readonly saltLength: number;
  readonly trailerField: number;
}

export interface RsaOaepParams extends HashChoices {
  /** The OAEP label (empty by default). */
  readonly label: Uint8Array;
}

/** Parses RSASSA-PSS parameters; absent or NULL parameters mean all defaults. */
export function parseRsaPssParams(node: Asn1Node | null, structure: string): RsaPssParams {
  let saltLength = 20;
  let trailerField = 1;
  const hashes = parseHashChoices(node, structure, (field) => {
    if (hasTag(field, 'context', 2)) saltLength = readSmallInteger(unwrapExplicit(field, 2, `${structure}.saltLength`), `${structure}.saltLength`, 0, 65_535);
    if (hasTag(field, 'context', 3)) trailerField = readSmallInteger(unwrapExplicit(field, 3, `${structure}.trailerField`), `${structure}.trailerField`, 0, 255);
  });
  return { ...hashes, saltLength, trailerField };
}

/** Parses RSAES-OAEP parameters; absent or NULL parameters mean all defaults. */
export function parseRsaOaepParams(node: Asn1Node | null, structure: string): RsaOaepParams {
  let label: Uint8Array = new Uint8Array(0);
  const hashes = parseHashChoices(node, structure, (field) => {
    if (!hasTag(field, 'context', 2)) return;
    const source = parseAlgorithmIdentifier(unwrapExplicit(field, 2, `${structure}.pSourceAlgorithm`), `${structure}.pSourceAlgorithm`);
    if (source.parameters) label = readOctetString(source.parameters, `${structure}.pSourceAlgorithm.parameters`);
  });
  return { ...hashes, label };
}

/** Reads fields [0] and [1], passing every field to `other` for the scheme's own ones. */
function parseHashChoices(node: Asn1Node | null, structure: string, other: (field: Asn1Node) => void): HashChoices {
  let hashOid = OID_SHA1;
  let maskGenOid = OID_MGF1;
  let maskGenHashOid: string | null = OID_SHA1;
  if (!node || hasTag(node, 'universal', TAG_NULL)) return { hashOid, maskGenOid, maskGenHashOid };

  for (const field of expectSequence(node, structure)) {
    if (hasTag(field, 'context', 0)) {
      hashOid = parseAlgorithmIdentifier(unwrapExplicit(field, 0, `${structure}.hashAlgorithm`), `${structure}.hashAlgorithm`).oid;
    } else if (hasTag(field, 'context', 1)) {
      const maskGen = parseAlgorithmIdentifier(unwrapExplicit(field, 1, `${structure}.maskGenAlgorithm`), `${structure}.maskGenAlgorithm`);
      maskGenOid = maskGen.oid;
      maskGenHashOid = maskGen.oid === OID_MGF1 && maskGen.parameters ? parseAlgorithmIdentifier(maskGen.parameters, `${structure}.maskGenAlgorithm.parameters`).oid : null;
    } else {
      other(field);
    }
  }
  return { hashOid, maskGenOid, maskGenHashOid };
}
