// CMS EnvelopedData creation: a random content key, a CBC content cipher, and one
// KeyTransRecipientInfo per recipient (issuerAndSerialNumber, RSAES-PKCS1-v1_5 key transport,
// which is what Apple's CMS code unwraps).

import { constants, createCipheriv, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';

import { concatBytes } from '../../../shared/asn1/bytes.ts';
import { TAG_SET } from '../../../shared/asn1/tags.ts';
import { derExplicit, derInteger, derNull, derOctetString, derOid, derSequence, derTlv } from '../../../shared/asn1/writer.ts';
import { OID_DATA, OID_ENVELOPED_DATA, OID_RSA_ENCRYPTION } from '../../../shared/asn1/oids.ts';
import { CmsError } from '../../../shared/cms/errors.ts';
import { encodeIssuerAndSerialNumber } from '../../../shared/cms/identifier.ts';
import type { Certificate } from '../../../shared/x509/certificate.ts';
import { describePublicKeyAlgorithm } from '../../../shared/x509/public-key.ts';
import { CONTENT_CIPHERS, contentCipher, DEFAULT_CONTENT_CIPHER, type ContentCipherName } from './algorithms.ts';
import { parseCallerCertificate } from './input.ts';

export interface EncryptOptions {
  /** Default aes-256-cbc. */
  readonly cipher?: ContentCipherName;
}

/**
 * Encrypts `plaintext` to every certificate in `recipients` (DER) and returns the DER
 * ContentInfo holding the EnvelopedData. Raises CmsError when there is no recipient or a
 * recipient certificate has no RSA key.
 */
export function encrypt(plaintext: Uint8Array, recipients: readonly Uint8Array[], options: EncryptOptions = {}): Uint8Array {
  const cipherName = options.cipher ?? DEFAULT_CONTENT_CIPHER;
  if (!CONTENT_CIPHERS.includes(cipherName)) {
    throw new CmsError('invalid-argument', `content cipher "${String(cipherName)}" is not supported; use one of ${CONTENT_CIPHERS.join(', ')}`);
  }
  if (recipients.length === 0) {
    throw new CmsError('invalid-argument', 'no recipient certificate given; give at least one device certificate to encrypt to');
  }
  const certificates = recipients.map((der, index) => checkRecipient(parseCallerCertificate(der, `recipient certificate ${index + 1}`), index));

  // Content: a fresh random key and IV for every message.
  const cipher = contentCipher(cipherName);
  const key = randomBytes(cipher.keyLength);
  const iv = randomBytes(cipher.ivLength);
  const encipher = createCipheriv(cipher.name, key, iv);
  const ciphertext = concatBytes(encipher.update(plaintext), encipher.final());

  const recipientInfos = certificates.map((certificate) => keyTransRecipientInfo(certificate, key));
  const encryptedContentInfo = derSequence(
    derOid(OID_DATA),
    derSequence(derOid(cipher.oid), derOctetString(iv)),
    derTlv('context', false, 0, ciphertext),
  );

  // Version 0: only issuerAndSerialNumber key-transport recipients, no originator info (RFC 5652, section 6.1).
  // The recipient SET keeps the caller's order instead of DER sorting, so that files are predictable.
  const envelopedData = derSequence(derInteger(0n), derTlv('universal', true, TAG_SET, concatBytes(...recipientInfos)), encryptedContentInfo);
  return derSequence(derOid(OID_ENVELOPED_DATA), derExplicit(0, envelopedData));
}

function checkRecipient(certificate: Certificate, index: number): Certificate {
  if (certificate.publicKeyAlgorithm.kind !== 'rsa') {
    throw new CmsError(
      'unsupported-key',
      `recipient certificate ${index + 1} (${certificate.subject.display}) has an unsupported key (${describePublicKeyAlgorithm(certificate.publicKeyAlgorithm)}); encrypted profiles need RSA recipient certificates, because Apple devices unwrap the content key only with RSA (PKCS #1 v1.5) key transport`,
    );
  }
  return certificate;
}

function keyTransRecipientInfo(certificate: Certificate, contentKey: Uint8Array): Uint8Array {
  const publicKey = createPublicKey({ key: Buffer.from(certificate.publicKeyInfoRaw), format: 'der', type: 'spki' });
  const encryptedKey = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, contentKey);
  return derSequence(derInteger(0n), encodeIssuerAndSerialNumber(certificate), derSequence(derOid(OID_RSA_ENCRYPTION), derNull()), derOctetString(encryptedKey));
}
