// SignerInfo (RFC 5652, section 5.3) and its signed attributes.
//
//   SignerInfo ::= SEQUENCE {
//     version             CMSVersion,                      -- 1 with issuerAndSerialNumber, 3 with subjectKeyIdentifier
//     sid                 SignerIdentifier,
//     digestAlgorithm     DigestAlgorithmIdentifier,
//     signedAttrs         [0] IMPLICIT SignedAttributes OPTIONAL,
//     signatureAlgorithm  SignatureAlgorithmIdentifier,
//     signature           SignatureValue,                  -- OCTET STRING
//     unsignedAttrs       [1] IMPLICIT UnsignedAttributes OPTIONAL }
//   SignedAttributes ::= SET SIZE (1..MAX) OF Attribute
//   Attribute ::= SEQUENCE { attrType OBJECT IDENTIFIER, attrValues SET OF AttributeValue }

import { Asn1Error } from '../asn1/errors.ts';
import { type Asn1Node, childAt, expectSequence, expectSet, hasTag, readOctetString, readOid, readTime } from '../asn1/reader.ts';
import { TAG_SET } from '../asn1/tags.ts';
import { derTlv } from '../asn1/writer.ts';
import { OID_CONTENT_TYPE, OID_MESSAGE_DIGEST, OID_SIGNING_TIME } from '../asn1/oids.ts';
import { type AlgorithmIdentifier, parseAlgorithmIdentifier } from '../x509/algorithm-identifier.ts';
import { checkAlgorithmParameters, expectNoMoreFields, readCmsVersion } from './der-checks.ts';
import { type CertificateIdentifier, parseCertificateIdentifier } from './identifier.ts';

export interface CmsAttribute {
  readonly type: string;
  readonly values: readonly Asn1Node[];
}

export interface SignerInfo {
  readonly version: number;
  readonly sid: CertificateIdentifier;
  readonly digestAlgorithm: AlgorithmIdentifier;
  /** Signed attributes in encoded order, or null when the signature is over the content itself. */
  readonly signedAttributes: readonly CmsAttribute[] | null;
  /**
   * The signed attributes encoded with the SET tag (0x31), the bytes the signature covers:
   * RFC 5652, section 5.4 replaces the IMPLICIT [0] tag with the SET OF tag for hashing.
   */
  readonly signedAttributesDer: Uint8Array | null;
  readonly signatureAlgorithm: AlgorithmIdentifier;
  readonly signature: Uint8Array;
  readonly unsignedAttributes: readonly CmsAttribute[];
  /** Value of the contentType signed attribute. */
  readonly contentType?: string;
  /** Value of the messageDigest signed attribute. */
  readonly messageDigest?: Uint8Array;
  /** Value of the signingTime signed attribute. */
  readonly signingTime?: Date;
}

/** Parses one SignerInfo; `structure` names it in messages (`SignedData.signerInfos[0]`). */
export function parseSignerInfo(node: Asn1Node, structure: string): SignerInfo {
  const fields = expectSequence(node, structure);
  const field = (index: number, name: string): Asn1Node => childAt(fields, index, `${structure}.${name}`, node);

  const version = readCmsVersion(field(0, 'version'), `${structure}.version`);
  const sid = parseCertificateIdentifier(field(1, 'sid'), `${structure}.sid`);
  const digestAlgorithm = parseAlgorithmIdentifier(field(2, 'digestAlgorithm'), `${structure}.digestAlgorithm`);
  checkAlgorithmParameters(digestAlgorithm, `${structure}.digestAlgorithm`);

  // Optional [0] signed attributes shift the remaining fields by one.
  let index = 3;
  let signedAttributes: CmsAttribute[] | null = null;
  let signedAttributesDer: Uint8Array | null = null;
  const maybeSigned = field(3, 'signatureAlgorithm');
  if (hasTag(maybeSigned, 'context', 0)) {
    signedAttributes = parseAttributes(maybeSigned, `${structure}.signedAttrs`);
    signedAttributesDer = reencodeAsSet(maybeSigned);
    index = 4;
  }

  const signatureAlgorithm = parseAlgorithmIdentifier(field(index, 'signatureAlgorithm'), `${structure}.signatureAlgorithm`);
  checkAlgorithmParameters(signatureAlgorithm, `${structure}.signatureAlgorithm`);
  const signature = readOctetString(field(index + 1, 'signature'), `${structure}.signature`);

  // Only the optional [1] unsigned attributes may follow the signature.
  const unsignedNode = fields[index + 2];
  const hasUnsigned = unsignedNode !== undefined && hasTag(unsignedNode, 'context', 1);
  const unsignedAttributes = hasUnsigned ? parseAttributes(unsignedNode, `${structure}.unsignedAttrs`) : [];
  expectNoMoreFields(fields, hasUnsigned ? index + 3 : index + 2, structure);

  return {
    version,
    sid,
    digestAlgorithm,
    signedAttributes,
    signedAttributesDer,
    signatureAlgorithm,
    signature,
    unsignedAttributes,
    ...(signedAttributes ? readWellKnownAttributes(signedAttributes, `${structure}.signedAttrs`) : {}),
  };
}

/** Parses `[n] IMPLICIT SET OF Attribute`. */
export function parseAttributes(node: Asn1Node, structure: string): CmsAttribute[] {
  if (!node.constructed) {
    throw new Asn1Error('attributes are primitive', { offset: node.offset, structure, expected: 'a constructed SET OF Attribute' });
  }
  return node.children.map((attributeNode, index) => {
    const itemStructure = `${structure}[${index}]`;
    const fields = expectSequence(attributeNode, itemStructure);
    const type = readOid(childAt(fields, 0, `${itemStructure}.attrType`, attributeNode), `${itemStructure}.attrType`);
    const values = expectSet(childAt(fields, 1, `${itemStructure}.attrValues`, attributeNode), `${itemStructure}.attrValues`);
    return { type, values };
  });
}

/**
 * Returns the signed attributes as the SET that was signed. A definite-length encoding keeps its
 * content octets; only the tag changes. NOTE: an indefinite-length [0] (BER, not allowed by
 * RFC 5652 but conceivable) is re-encoded with a definite length around the same contents,
 * which is right only when the attributes inside are DER.
 */
function reencodeAsSet(node: Asn1Node): Uint8Array {
  return derTlv('universal', true, TAG_SET, node.contents);
}

function readWellKnownAttributes(attributes: readonly CmsAttribute[], structure: string): Pick<SignerInfo, 'contentType' | 'messageDigest' | 'signingTime'> {
  const single = (type: string, name: string): Asn1Node | undefined => {
    const matches = attributes.filter((attribute) => attribute.type === type);
    if (matches.length === 0) return undefined;
    // RFC 5652, section 11: each of these attributes appears once, with exactly one value.
    if (matches.length > 1 || matches[0].values.length !== 1) {
      throw new Asn1Error(`${name} attribute must appear once with one value`, { structure: `${structure}.${name}`, expected: 'one attribute with one value' });
    }
    return matches[0].values[0];
  };

  const contentTypeNode = single(OID_CONTENT_TYPE, 'contentType');
  const messageDigestNode = single(OID_MESSAGE_DIGEST, 'messageDigest');
  const signingTimeNode = single(OID_SIGNING_TIME, 'signingTime');
  return {
    contentType: contentTypeNode ? readOid(contentTypeNode, `${structure}.contentType`) : undefined,
    messageDigest: messageDigestNode ? readOctetString(messageDigestNode, `${structure}.messageDigest`) : undefined,
    signingTime: signingTimeNode ? readTime(signingTimeNode, `${structure}.signingTime`) : undefined,
  };
}
