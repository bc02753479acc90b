// ContentInfo, the outer wrapper of every CMS message (RFC 5652, section 3).
//
//   ContentInfo ::= SEQUENCE {
//     contentType  ContentType,                        -- OBJECT IDENTIFIER
//     content      [0] EXPLICIT ANY DEFINED BY contentType }

import { type Asn1Node, childAt, expectSequence, parseAsn1, readOid, unwrapExplicit } from '../asn1/reader.ts';
import { describeOid } from '../asn1/oids.ts';
import { expectNoMoreFields } from './der-checks.ts';
import { CmsError } from './errors.ts';

export interface ContentInfo {
  readonly contentType: string;
  /** The element inside `[0]`. */
  readonly content: Asn1Node;
  /** The ContentInfo element itself. */
  readonly node: Asn1Node;
}

/** Parses a ContentInfo from BER/DER bytes or an already parsed element. */
export function parseContentInfo(input: Uint8Array | Asn1Node): ContentInfo {
  const node = input instanceof Uint8Array ? parseAsn1(input) : input;
  const fields = expectSequence(node, 'ContentInfo');
  const contentType = readOid(childAt(fields, 0, 'ContentInfo.contentType', node), 'ContentInfo.contentType');
  const content = unwrapExplicit(childAt(fields, 1, 'ContentInfo.content', node), 0, 'ContentInfo.content');
  expectNoMoreFields(fields, 2, 'ContentInfo');
  return { contentType, content, node };
}

/** Parses a ContentInfo and checks that its content type is `expected`. */
export function parseContentInfoOfType(input: Uint8Array | Asn1Node, expected: string): ContentInfo {
  const info = parseContentInfo(input);
  if (info.contentType !== expected) {
    throw new CmsError('unsupported-content-type', `CMS content type is ${describeOid(info.contentType)}, expected ${describeOid(expected)}`, {
      oid: info.contentType,
      field: 'ContentInfo.contentType',
    });
  }
  return info;
}
