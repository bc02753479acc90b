// AlgorithmIdentifier, shared by certificates and CMS.
//
//   AlgorithmIdentifier ::= SEQUENCE {
//     algorithm   OBJECT IDENTIFIER,
//     parameters  ANY DEFINED BY algorithm OPTIONAL }

import { Asn1Error } from '../asn1/errors.ts';
import { type Asn1Node, childAt, expectSequence, readOid } from '../asn1/reader.ts';

export interface AlgorithmIdentifier {
  /** Dotted OID of the algorithm. */
  readonly oid: string;
  /** The parameters element, or null when absent. A NULL element is kept as a node. */
  readonly parameters: Asn1Node | null;
}

/** Parses an AlgorithmIdentifier; `structure` names the field in messages. */
export function parseAlgorithmIdentifier(node: Asn1Node, structure: string): AlgorithmIdentifier {
  const fields = expectSequence(node, structure);
  const oid = readOid(childAt(fields, 0, `${structure}.algorithm`, node), `${structure}.algorithm`);
  if (fields.length > 2) {
    throw new Asn1Error(`AlgorithmIdentifier has ${fields.length} elements`, { offset: node.offset, structure, expected: 'an OID and at most one parameters element' });
  }
  return { oid, parameters: fields[1] ?? null };
}
