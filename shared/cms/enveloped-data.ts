// EnvelopedData (RFC 5652, section 6).
//
//   EnvelopedData ::= SEQUENCE {
//     version               CMSVersion,
//     originatorInfo        [0] IMPLICIT OriginatorInfo OPTIONAL,
//     recipientInfos        RecipientInfos,            -- SET OF RecipientInfo
//     encryptedContentInfo  EncryptedContentInfo,
//     unprotectedAttrs      [1] IMPLICIT UnprotectedAttributes OPTIONAL }
//   EncryptedContentInfo ::= SEQUENCE {
//     contentType                 ContentType,
//     contentEncryptionAlgorithm  ContentEncryptionAlgorithmIdentifier,
//     encryptedContent            [0] IMPLICIT OCTET STRING OPTIONAL }   -- constructed in BER

import { type Asn1Node, childAt, expectSequence, expectSet, hasTag, readOctetString, readOid, readSmallInteger } from '../asn1/reader.ts';
import { concatSegments } from '../asn1/values.ts';
import { TAG_OCTET_STRING } from '../asn1/tags.ts';
import { OID_ENVELOPED_DATA } from '../asn1/oids.ts';
import { type AlgorithmIdentifier, parseAlgorithmIdentifier } from '../x509/algorithm-identifier.ts';
import { parseContentInfoOfType } from './content-info.ts';
import { parseRecipientInfo, type RecipientInfo } from './recipient-info.ts';

export interface EncryptedContentInfo {
  readonly contentType: string;
  readonly contentEncryptionAlgorithm: AlgorithmIdentifier;
  /** The IV, when the algorithm parameters are an OCTET STRING (the CBC ciphers); null otherwise. */
  readonly iv: Uint8Array | null;
  /** The ciphertext, segments joined; null when absent (content carried elsewhere). */
  readonly encryptedContent: Uint8Array | null;
}

export interface EnvelopedData {
  readonly version: number;
  readonly recipientInfos: readonly RecipientInfo[];
  readonly encryptedContentInfo: EncryptedContentInfo;
  /** True when originatorInfo is present; its certificates are not read. */
  readonly hasOriginatorInfo: boolean;
}

/** Parses a ContentInfo holding EnvelopedData. Raises CmsError for another content type, Asn1Error for malformed input. */
export function parseEnvelopedDataContentInfo(input: Uint8Array | Asn1Node): EnvelopedData {
  return parseEnvelopedData(parseContentInfoOfType(input, OID_ENVELOPED_DATA).content);
}

/** Parses the EnvelopedData element (the content of its ContentInfo). */
export function parseEnvelopedData(node: Asn1Node): EnvelopedData {
  const fields = expectSequence(node, 'EnvelopedData');
  const version = readSmallInteger(childAt(fields, 0, 'EnvelopedData.version', node), 'EnvelopedData.version');

  let index = 1;
  const hasOriginatorInfo = fields[index] !== undefined && hasTag(fields[index], 'context', 0);
  if (hasOriginatorInfo) index++;

  const recipientInfos = expectSet(childAt(fields, index, 'EnvelopedData.recipientInfos', node), 'EnvelopedData.recipientInfos').map((recipient, recipientIndex) =>
    parseRecipientInfo(recipient, `EnvelopedData.recipientInfos[${recipientIndex}]`),
  );
  const encryptedContentInfo = parseEncryptedContentInfo(childAt(fields, index + 1, 'EnvelopedData.encryptedContentInfo', node));
  return { version, recipientInfos, encryptedContentInfo, hasOriginatorInfo };
}

function parseEncryptedContentInfo(node: Asn1Node): EncryptedContentInfo {
  const structure = 'EncryptedContentInfo';
  const fields = expectSequence(node, structure);
  const contentType = readOid(childAt(fields, 0, `${structure}.contentType`, node), `${structure}.contentType`);
  const contentEncryptionAlgorithm = parseAlgorithmIdentifier(childAt(fields, 1, `${structure}.contentEncryptionAlgorithm`, node), `${structure}.contentEncryptionAlgorithm`);

  const parameters = contentEncryptionAlgorithm.parameters;
  const iv = parameters && hasTag(parameters, 'universal', TAG_OCTET_STRING) ? readOctetString(parameters, `${structure}.contentEncryptionAlgorithm.parameters`) : null;

  // [0] IMPLICIT OCTET STRING: a primitive one contains the ciphertext, a constructed one contains OCTET STRING segments.
  const contentNode = fields.slice(2).find((field) => hasTag(field, 'context', 0));
  let encryptedContent: Uint8Array | null = null;
  if (contentNode) {
    encryptedContent = contentNode.constructed ? concatSegments(contentNode, TAG_OCTET_STRING, `${structure}.encryptedContent`) : contentNode.contents;
  }
  return { contentType, contentEncryptionAlgorithm, iv, encryptedContent };
}
