// The outer layers of a PKCS#12 file (RFC 7292 sections 4 and 5.1).
//
//   PFX ::= SEQUENCE { version INTEGER {v3(3)}, authSafe ContentInfo, macData MacData OPTIONAL }
//   MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }
//   DigestInfo ::= SEQUENCE { digestAlgorithm AlgorithmIdentifier, digest OCTET STRING }
//   AuthenticatedSafe ::= SEQUENCE OF ContentInfo   -- data, encryptedData or envelopedData
//   EncryptedData ::= SEQUENCE { version INTEGER, encryptedContentInfo EncryptedContentInfo }
//   EncryptedContentInfo ::= SEQUENCE { contentType OID, contentEncryptionAlgorithm AlgorithmIdentifier,
//                                       encryptedContent [0] IMPLICIT OCTET STRING OPTIONAL }

import { parseAsn1, type Asn1Node } from '../asn1/reader.ts';
import { childAt, concatSegments, expectSequence, readOctetString, readOid, readSmallInteger, unwrapExplicit, expectContext } from '../asn1/values.ts';
import { TAG_OCTET_STRING } from '../asn1/tags.ts';
import { OID_DATA, OID_ENCRYPTED_DATA, OID_ENVELOPED_DATA, OID_PBMAC1, OID_SHA1, OID_SHA224, OID_SHA256, OID_SHA384, OID_SHA512, OID_SIGNED_DATA, describeOid } from '../asn1/oids.ts';
import { parseEncryptionScheme, readIterations, type PasswordEncryptionScheme } from './encryption-scheme.ts';
import { Pkcs12Error } from './errors.ts';
import type { Pkcs12HashName } from './kdf.ts';

/** The password integrity MAC of a PFX: HMAC keyed by the PKCS#12 KDF (purpose 'mac'). */
export interface PfxMac {
  readonly hash: Pkcs12HashName;
  readonly digest: Uint8Array;
  readonly salt: Uint8Array;
  readonly iterations: number;
}

export interface Pfx {
  /** The DER AuthenticatedSafe, which is also the input of the MAC. */
  readonly authenticatedSafe: Uint8Array;
  /** Null when the file has no MacData (`openssl pkcs12 -nomac`). */
  readonly mac: PfxMac | null;
}

/** One ContentInfo of the AuthenticatedSafe. */
export type SafeContentsInfo =
  /** A plaintext SafeContents (DER). */
  | { readonly kind: 'plain'; readonly safeContents: Uint8Array }
  /** A SafeContents encrypted with a password. */
  | { readonly kind: 'encrypted'; readonly scheme: PasswordEncryptionScheme; readonly encryptedContent: Uint8Array };

const MAC_HASHES: ReadonlyMap<string, Pkcs12HashName> = new Map([
  [OID_SHA1, 'sha1'],
  [OID_SHA224, 'sha224'],
  [OID_SHA256, 'sha256'],
  [OID_SHA384, 'sha384'],
  [OID_SHA512, 'sha512'],
]);

/**
 * Parses the PFX wrapper of a .p12/.pfx file. Raises Asn1Error for bytes that are not BER,
 * and Pkcs12Error for a version other than 3, public-key integrity mode, or a MAC algorithm
 * other than HMAC with SHA-1 or SHA-2.
 */
export function parsePfx(bytes: Uint8Array): Pfx {
  const root = parseAsn1(bytes);
  const fields = expectSequence(root, 'PFX');
  const version = readSmallInteger(childAt(fields, 0, 'PFX.version', root), 'PFX.version');
  if (version !== 3) throw new Pkcs12Error('unsupported-version', `version is ${version}, expected 3`, { structure: 'PFX.version' });

  // Only password integrity mode is read: the authSafe is plain data, covered by the MAC.
  const authSafe = expectSequence(childAt(fields, 1, 'PFX.authSafe', root), 'PFX.authSafe');
  const contentType = readOid(childAt(authSafe, 0, 'PFX.authSafe.contentType'), 'PFX.authSafe.contentType');
  if (contentType === OID_SIGNED_DATA) {
    throw new Pkcs12Error('unsupported-algorithm', 'the file uses public-key integrity mode (signedData), which is not supported. Export it with a password instead', { structure: 'PFX.authSafe', oid: contentType });
  }
  if (contentType !== OID_DATA) throw new Pkcs12Error('malformed', `content type is ${describeOid(contentType)}, expected data`, { structure: 'PFX.authSafe.contentType' });
  const content = unwrapExplicit(childAt(authSafe, 1, 'PFX.authSafe.content'), 0, 'PFX.authSafe.content');
  const authenticatedSafe = readOctetString(content, 'PFX.authSafe.content');

  const macNode = fields[2];
  return { authenticatedSafe, mac: macNode === undefined ? null : parseMacData(macNode) };
}

function parseMacData(node: Asn1Node): PfxMac {
  const fields = expectSequence(node, 'MacData');
  const digestInfo = expectSequence(childAt(fields, 0, 'MacData.mac', node), 'MacData.mac');
  const algorithm = expectSequence(childAt(digestInfo, 0, 'MacData.mac.digestAlgorithm'), 'MacData.mac.digestAlgorithm');
  const oid = readOid(childAt(algorithm, 0, 'MacData.mac.digestAlgorithm.algorithm'), 'MacData.mac.digestAlgorithm.algorithm');
  const hash = MAC_HASHES.get(oid);
  if (hash === undefined) {
    // TODO: PBMAC1 (RFC 9579, written by OpenSSL 3.4 and later with -pbmac1_pbkdf2) is not read yet.
    const hint = oid === OID_PBMAC1 ? '. Export the file again without -pbmac1_pbkdf2' : '';
    throw new Pkcs12Error('unsupported-algorithm', `MAC algorithm ${describeOid(oid)} is not supported${hint}`, { structure: 'MacData.mac.digestAlgorithm', oid });
  }
  const digest = readOctetString(childAt(digestInfo, 1, 'MacData.mac.digest'), 'MacData.mac.digest');
  const salt = readOctetString(childAt(fields, 1, 'MacData.macSalt', node), 'MacData.macSalt');
  const iterations = fields[2] === undefined ? 1 : readIterations(fields[2], 'MacData.iterations');
  return { hash, digest, salt, iterations };
}

/**
 * Splits the AuthenticatedSafe into its SafeContents, plain or password-encrypted. Raises
 * Pkcs12Error 'unsupported-algorithm' for public-key privacy mode (envelopedData).
 */
export function parseAuthenticatedSafe(bytes: Uint8Array): SafeContentsInfo[] {
  const root = parseAsn1(bytes);
  return expectSequence(root, 'AuthenticatedSafe').map((info, index) => parseSafeContentsInfo(info, `AuthenticatedSafe[${index}]`));
}

function parseSafeContentsInfo(node: Asn1Node, structure: string): SafeContentsInfo {
  const fields = expectSequence(node, structure);
  const contentType = readOid(childAt(fields, 0, `${structure}.contentType`, node), `${structure}.contentType`);
  const content = unwrapExplicit(childAt(fields, 1, `${structure}.content`, node), 0, `${structure}.content`);

  switch (contentType) {
    case OID_DATA:
      return { kind: 'plain', safeContents: readOctetString(content, `${structure}.content`) };
    case OID_ENCRYPTED_DATA:
      return parseEncryptedData(content, `${structure}.content`);
    case OID_ENVELOPED_DATA:
      throw new Pkcs12Error('unsupported-algorithm', 'part of the file is encrypted to a certificate (public-key privacy mode), which is not supported', { structure, oid: contentType });
    default:
      throw new Pkcs12Error('malformed', `content type ${describeOid(contentType)} is not allowed in an AuthenticatedSafe`, { structure: `${structure}.contentType`, oid: contentType });
  }
}

function parseEncryptedData(node: Asn1Node, structure: string): SafeContentsInfo {
  const fields = expectSequence(node, structure);
  readSmallInteger(childAt(fields, 0, `${structure}.version`, node), `${structure}.version`);
  const infoStructure = `${structure}.encryptedContentInfo`;
  const info = expectSequence(childAt(fields, 1, infoStructure, node), infoStructure);
  const scheme = parseEncryptionScheme(childAt(info, 1, `${infoStructure}.contentEncryptionAlgorithm`), `${infoStructure}.contentEncryptionAlgorithm`);

  // [0] IMPLICIT OCTET STRING: primitive, or constructed from OCTET STRING segments in BER.
  const encryptedNode = info[2];
  if (encryptedNode === undefined) throw new Pkcs12Error('malformed', 'encryptedContent is missing', { structure: infoStructure });
  expectContext(encryptedNode, 0, `${infoStructure}.encryptedContent`);
  const encryptedContent = encryptedNode.constructed ? concatSegments(encryptedNode, TAG_OCTET_STRING, `${infoStructure}.encryptedContent`) : encryptedNode.contents;
  return { kind: 'encrypted', scheme, encryptedContent };
}
