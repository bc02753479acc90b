// An editable copy of a DER element, for tests that change one field of a CMS file and
// encode it again with correct lengths.

import { concatBytes } from '../../shared/asn1/bytes.ts';
import { type Asn1Node, parseAsn1 } from '../../shared/asn1/reader.ts';
import type { Asn1TagClass } from '../../shared/asn1/tags.ts';
import { derTlv } from '../../shared/asn1/writer.ts';

export interface DerTree {
  tagClass: Asn1TagClass;
  constructed: boolean;
  tag: number;
  /** Content octets of a primitive element; ignored for a constructed one. */
  contents: Uint8Array;
  children: DerTree[];
}

/** Parses DER (or BER, which the encoding turns into definite lengths) into a tree. */
export function parseDerTree(der: Uint8Array): DerTree {
  return toTree(parseAsn1(der));
}

function toTree(node: Asn1Node): DerTree {
  return { tagClass: node.tagClass, constructed: node.constructed, tag: node.tag, contents: node.contents, children: node.children.map(toTree) };
}

export function encodeDerTree(tree: DerTree): Uint8Array {
  const contents = tree.constructed ? concatBytes(...tree.children.map(encodeDerTree)) : tree.contents;
  return derTlv(tree.tagClass, tree.constructed, tree.tag, contents);
}

/** Returns a primitive universal element. */
export function derLeaf(tag: number, octets: readonly number[]): DerTree {
  return { tagClass: 'universal', constructed: false, tag, contents: new Uint8Array(octets), children: [] };
}

/** The SignedData fields of a ContentInfo tree: version, digestAlgorithms, encapContentInfo, then [0] certificates and signerInfos when present. */
export function signedDataFields(contentInfo: DerTree): DerTree[] {
  return contentInfo.children[1].children[0].children;
}
