// CMS EnvelopedData decryption with a device identity: find the key-transport recipient that
// names the identity's certificate, unwrap the content key, decrypt the content.

import { constants, createDecipheriv, privateDecrypt, X509Certificate, type KeyObject } from 'node:crypto';

import { concatBytes } from '../../../shared/asn1/bytes.ts';
import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { describeOid, OID_MGF1, OID_RSA_ENCRYPTION, OID_RSAES_OAEP } from '../../../shared/asn1/oids.ts';
import { CmsError } from '../../../shared/cms/errors.ts';
import { parseEnvelopedDataContentInfo, type EnvelopedData } from '../../../shared/cms/enveloped-data.ts';
import { describeIdentifier, identifierMatches } from '../../../shared/cms/identifier.ts';
import { describeRecipientType, type KeyTransRecipientInfo, type RecipientInfo } from '../../../shared/cms/recipient-info.ts';
import type { Certificate } from '../../../shared/x509/certificate.ts';
import { parseRsaOaepParams } from '../../../shared/x509/rsa-params.ts';
import { contentCipherFromOid, digestFromOid, type ContentCipher } from './algorithms.ts';
import { cmsBytes, parseCallerCertificate, parseOrThrow } from './input.ts';
import { unwrapPkcs1v15 } from './rsa-pkcs1.ts';

export interface DecryptIdentity {
  /** The identity's certificate, DER. */
  readonly certificate: Uint8Array;
  readonly privateKey: KeyObject;
}

/**
 * Decrypts CMS EnvelopedData (DER, BER, PEM or base64) and returns the plaintext. Raises
 * CmsError: 'no-recipient' when the identity is not a recipient, 'bad-padding' when the content
 * does not decrypt with the unwrapped key, 'unsupported-algorithm' naming an OID it cannot use.
 */
export function decrypt(input: Uint8Array, identity: DecryptIdentity): Uint8Array {
  const certificate = parseCallerCertificate(identity.certificate, 'identity certificate');
  checkIdentityKey(identity, certificate);
  const enveloped = parseOrThrow('the CMS EnvelopedData', () => parseEnvelopedDataContentInfo(cmsBytes(input)));
  const recipient = findRecipient(enveloped.recipientInfos, certificate);

  // The cipher is known before the key is unwrapped, so PKCS #1 v1.5 can check the key length too.
  const info = enveloped.encryptedContentInfo;
  const cipher = contentCipherOf(enveloped);
  if (info.encryptedContent === null) {
    throw new CmsError('no-content', 'the EnvelopedData has no encrypted content (it is detached); the content is not in this file');
  }
  if (info.iv === null || info.iv.length !== cipher.ivLength) {
    throw new CmsError('malformed', `the ${cipher.name} parameters must be a ${cipher.ivLength}-byte IV; the file is damaged`, { oid: cipher.oid, field: 'EncryptedContentInfo.contentEncryptionAlgorithm.parameters' });
  }

  const unwrapped = unwrapContentKey(recipient, identity.privateKey, cipher);
  let plaintext: Uint8Array | null = null;
  try {
    const decipher = createDecipheriv(cipher.name, unwrapped.key, info.iv);
    plaintext = concatBytes(decipher.update(info.encryptedContent), decipher.final());
  } catch {
    plaintext = null;
  }

  // One error for a bad key-transport padding and a bad content padding: telling them apart would be a padding oracle.
  if (plaintext === null || unwrapped.valid !== 1) {
    throw new CmsError(
      'bad-padding',
      `the content did not decrypt with the key of ${certificate.subject.display}: the private key does not match the recipient entry, or the file is damaged`,
      { oid: cipher.oid },
    );
  }
  return plaintext;
}

function checkIdentityKey(identity: DecryptIdentity, certificate: Certificate): void {
  if (identity.privateKey.type !== 'private') {
    throw new CmsError('invalid-argument', `the decryption key is a ${identity.privateKey.type} key; give the private key of ${certificate.subject.display}`);
  }
  if (!new X509Certificate(identity.certificate).checkPrivateKey(identity.privateKey)) {
    throw new CmsError('invalid-argument', `the private key does not belong to the identity certificate ${certificate.subject.display}; give the key issued with this certificate`);
  }
}

function findRecipient(recipients: readonly RecipientInfo[], certificate: Certificate): KeyTransRecipientInfo {
  const match = recipients.find((recipient): recipient is KeyTransRecipientInfo => recipient.kind === 'keyTransport' && identifierMatches(recipient.rid, certificate));
  if (match) return match;

  const listed = recipients.map((recipient, index) => `${index + 1}) ${recipient.kind === 'keyTransport' ? describeIdentifier(recipient.rid) : `${describeRecipientType(recipient.type)}, not supported`}`);
  const unsupportedOnly = recipients.length > 0 && recipients.every((recipient) => recipient.kind === 'unsupported');
  throw new CmsError(
    unsupportedOnly ? 'unsupported-recipient' : 'no-recipient',
    `No recipient matches this identity (${certificate.subject.display}, issuer ${certificate.issuer.display}, serial ${certificate.serialNumber}). The file is encrypted to: ${listed.join('; ') || 'no recipients'}. Use the identity of one of these certificates.`,
  );
}

function contentCipherOf(enveloped: EnvelopedData): ContentCipher {
  const oid = enveloped.encryptedContentInfo.contentEncryptionAlgorithm.oid;
  const cipher = contentCipherFromOid(oid);
  if (!cipher) {
    throw new CmsError('unsupported-algorithm', `the content cipher ${describeOid(oid)} is not supported; AES-128/192/256-CBC and DES-EDE3-CBC are`, { oid, field: 'EncryptedContentInfo.contentEncryptionAlgorithm' });
  }
  return cipher;
}

function unwrapContentKey(recipient: KeyTransRecipientInfo, privateKey: KeyObject, cipher: ContentCipher): { key: Uint8Array; valid: 0 | 1 } {
  const algorithm = recipient.keyEncryptionAlgorithm;
  switch (algorithm.oid) {
    case OID_RSA_ENCRYPTION:
      return unwrapPkcs1v15(recipient.encryptedKey, privateKey, cipher.keyLength);
    case OID_RSAES_OAEP:
      return unwrapOaep(recipient, privateKey, cipher);
    default:
      throw new CmsError('unsupported-algorithm', `the key transport algorithm ${describeOid(algorithm.oid)} is not supported; rsaEncryption (PKCS #1 v1.5) and RSAES-OAEP are`, {
        oid: algorithm.oid,
        field: 'KeyTransRecipientInfo.keyEncryptionAlgorithm',
      });
  }
}

/** RSAES-OAEP: Node implements it in constant time itself. Only MGF1 with the OAEP hash and an empty label are supported. */
function unwrapOaep(recipient: KeyTransRecipientInfo, privateKey: KeyObject, cipher: ContentCipher): { key: Uint8Array; valid: 0 | 1 } {
  let params;
  try {
    params = parseRsaOaepParams(recipient.keyEncryptionAlgorithm.parameters, 'KeyTransRecipientInfo.keyEncryptionAlgorithm.parameters');
  } catch (error) {
    if (error instanceof Asn1Error) throw new CmsError('malformed', `RSAES-OAEP parameters are not valid: ${error.message}`, { oid: OID_RSAES_OAEP, cause: error });
    throw error;
  }
  const hash = digestFromOid(params.hashOid);
  if (!hash || params.maskGenOid !== OID_MGF1 || params.maskGenHashOid !== params.hashOid || params.label.length > 0) {
    throw new CmsError('unsupported-algorithm', `RSAES-OAEP with hash ${describeOid(params.hashOid)}, mask generation ${describeOid(params.maskGenOid)} and a ${params.label.length}-byte label is not supported; MGF1 with the OAEP hash and no label are`, {
      oid: OID_RSAES_OAEP,
    });
  }
  try {
    const key = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, recipient.encryptedKey);
    return key.length === cipher.keyLength ? { key, valid: 1 } : { key: new Uint8Array(cipher.keyLength), valid: 0 };
  } catch {
    return { key: new Uint8Array(cipher.keyLength), valid: 0 };
  }
}
