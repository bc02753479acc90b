// RecipientInfo (RFC 5652, section 6.2). Only key transport is decrypted; the other kinds are
// listed by type so that messages can name them.
//
//   RecipientInfo ::= CHOICE {
//     ktri   KeyTransRecipientInfo,
//     kari   [1] KeyAgreeRecipientInfo,
//     kekri  [2] KEKRecipientInfo,
//     pwri   [3] PasswordRecipientInfo,
//     ori    [4] OtherRecipientInfo }
//   KeyTransRecipientInfo ::= SEQUENCE {
//     version                 CMSVersion,              -- 0 with issuerAndSerialNumber, 2 with subjectKeyIdentifier
//     rid                     RecipientIdentifier,
//     keyEncryptionAlgorithm  KeyEncryptionAlgorithmIdentifier,
//     encryptedKey            EncryptedKey }           -- OCTET STRING

import { Asn1Error } from '../asn1/errors.ts';
import { type Asn1Node, childAt, describeNode, expectSequence, hasTag, readOctetString, readSmallInteger } from '../asn1/reader.ts';
import { TAG_SEQUENCE } from '../asn1/tags.ts';
import { type AlgorithmIdentifier, parseAlgorithmIdentifier } from '../x509/algorithm-identifier.ts';
import { type CertificateIdentifier, parseCertificateIdentifier } from './identifier.ts';

export interface KeyTransRecipientInfo {
  readonly kind: 'keyTransport';
  readonly version: number;
  readonly rid: CertificateIdentifier;
  readonly keyEncryptionAlgorithm: AlgorithmIdentifier;
  readonly encryptedKey: Uint8Array;
}

export type UnsupportedRecipientType = 'keyAgreement' | 'kek' | 'password' | 'other';

export interface UnsupportedRecipientInfo {
  readonly kind: 'unsupported';
  readonly type: UnsupportedRecipientType;
}

export type RecipientInfo = KeyTransRecipientInfo | UnsupportedRecipientInfo;

const UNSUPPORTED_TYPES: Readonly<Record<number, UnsupportedRecipientType>> = { 1: 'keyAgreement', 2: 'kek', 3: 'password', 4: 'other' };

/** Parses one RecipientInfo; `structure` names it in messages (`EnvelopedData.recipientInfos[1]`). */
export function parseRecipientInfo(node: Asn1Node, structure: string): RecipientInfo {
  if (hasTag(node, 'universal', TAG_SEQUENCE)) return parseKeyTransRecipientInfo(node, structure);
  const type = node.tagClass === 'context' ? UNSUPPORTED_TYPES[node.tag] : undefined;
  if (type) return { kind: 'unsupported', type };
  throw new Asn1Error(`found ${describeNode(node)}`, { offset: node.offset, structure, expected: 'KeyTransRecipientInfo SEQUENCE or a tagged recipient kind [1] to [4]' });
}

function parseKeyTransRecipientInfo(node: Asn1Node, structure: string): KeyTransRecipientInfo {
  const fields = expectSequence(node, structure);
  const field = (index: number, name: string): Asn1Node => childAt(fields, index, `${structure}.${name}`, node);
  return {
    kind: 'keyTransport',
    version: readSmallInteger(field(0, 'version'), `${structure}.version`),
    rid: parseCertificateIdentifier(field(1, 'rid'), `${structure}.rid`),
    keyEncryptionAlgorithm: parseAlgorithmIdentifier(field(2, 'keyEncryptionAlgorithm'), `${structure}.keyEncryptionAlgorithm`),
    encryptedKey: readOctetString(field(3, 'encryptedKey'), `${structure}.encryptedKey`),
  };
}

/** Names a recipient kind for messages. */
export function describeRecipientType(type: UnsupportedRecipientType): string {
  switch (type) {
    case 'keyAgreement':
      return 'key agreement (KeyAgreeRecipientInfo)';
    case 'kek':
      return 'key-encryption key (KEKRecipientInfo)';
    case 'password':
      return 'password (PasswordRecipientInfo)';
    case 'other':
      return 'other (OtherRecipientInfo)';
    default:
      return assertNeverType(type);
  }
}

function assertNeverType(value: never): never {
  throw new Error(`Unexpected recipient type: ${String(value)}`);
}
