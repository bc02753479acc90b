// SCEP pkiMessage (RFC 8894, section 3.2): a CMS SignedData whose content is the DER of a
// pkcsPKIEnvelope (an EnvelopedData), with the SCEP fields as signed attributes.
//
//   signed attributes: transactionID PrintableString, messageType PrintableString,
//     senderNonce OCTET STRING, and in a CertRep also pkiStatus, recipientNonce and failInfo.

import { Asn1Error } from '../../../../shared/asn1/errors.ts';
import { readOctetString, readString } from '../../../../shared/asn1/reader.ts';
import { derOctetString, derOid, derPrintableString, derSequence, derSet } from '../../../../shared/asn1/writer.ts';
import {
  OID_SCEP_FAIL_INFO,
  OID_SCEP_MESSAGE_TYPE,
  OID_SCEP_PKI_STATUS,
  OID_SCEP_RECIPIENT_NONCE,
  OID_SCEP_SENDER_NONCE,
  OID_SCEP_TRANSACTION_ID,
} from '../../../../shared/asn1/oids.ts';
import { CmsError } from '../../../../shared/cms/errors.ts';
import { identifierMatches } from '../../../../shared/cms/identifier.ts';
import { parseSignedDataContentInfo, type SignedData } from '../../../../shared/cms/signed-data.ts';
import type { CmsAttribute, SignerInfo } from '../../../../shared/cms/signer-info.ts';
import type { Certificate } from '../../../../shared/x509/certificate.ts';
import { sign, type SignerIdentity } from '../../cms/sign.ts';
import { checkSignerSignature } from '../../cms/signature-check.ts';
import { failInfoCode, failInfoFromCode, pkiStatusCode, pkiStatusFromCode, type FailInfo, type PkiStatus } from './message-types.ts';

export interface PkiMessageFields {
  readonly messageType: string;
  readonly transactionId: string;
  readonly senderNonce: Uint8Array;
  readonly recipientNonce?: Uint8Array;
  readonly pkiStatus?: PkiStatus;
  readonly failInfo?: FailInfo;
}

/**
 * Builds a pkiMessage signed by `signer`. `envelope` is the DER of the pkcsPKIEnvelope, or
 * null for a reply that carries none (a failure), in which case the SignedData has no content.
 */
export function buildPkiMessage(fields: PkiMessageFields, envelope: Uint8Array | null, signer: SignerIdentity): Uint8Array {
  const attributes = [
    attribute(OID_SCEP_TRANSACTION_ID, derPrintableString(fields.transactionId)),
    attribute(OID_SCEP_MESSAGE_TYPE, derPrintableString(fields.messageType)),
    attribute(OID_SCEP_SENDER_NONCE, derOctetString(fields.senderNonce)),
  ];
  if (fields.recipientNonce) attributes.push(attribute(OID_SCEP_RECIPIENT_NONCE, derOctetString(fields.recipientNonce)));
  if (fields.pkiStatus) attributes.push(attribute(OID_SCEP_PKI_STATUS, derPrintableString(pkiStatusCode(fields.pkiStatus))));
  if (fields.failInfo) attributes.push(attribute(OID_SCEP_FAIL_INFO, derPrintableString(failInfoCode(fields.failInfo))));

  return sign(envelope ?? new Uint8Array(0), signer, { extraSignedAttributes: attributes, omitContent: envelope === null }).der;
}

function attribute(type: string, value: Uint8Array): Uint8Array {
  return derSequence(derOid(type), derSet(value));
}

export interface ParsedPkiMessage extends PkiMessageFields {
  readonly signedData: SignedData;
  readonly signerInfo: SignerInfo;
  /** The signer's certificate from the message's certificate set. */
  readonly signerCertificate: Certificate;
  /** The pkcsPKIEnvelope DER, or null when the message has no content. */
  readonly envelope: Uint8Array | null;
}

/** Raised when a pkiMessage cannot be read at all, so no SCEP reply can be made to it. */
export class ScepMessageError extends Error {
  override readonly name = 'ScepMessageError';
}

/**
 * Parses a pkiMessage and finds its signer certificate in `extraCertificates` or in the
 * message itself. Raises ScepMessageError naming what is missing or malformed; the signature
 * is checked separately with `signatureVerifies`.
 */
export function parsePkiMessage(der: Uint8Array, extraCertificates: readonly Certificate[] = []): ParsedPkiMessage {
  let signedData: SignedData;
  try {
    signedData = parseSignedDataContentInfo(der);
  } catch (error) {
    if (error instanceof Asn1Error || error instanceof CmsError) throw new ScepMessageError(`the SCEP message is not a CMS SignedData: ${error.message}`, { cause: error });
    throw error;
  }
  if (signedData.signerInfos.length !== 1) throw new ScepMessageError(`the SCEP message has ${signedData.signerInfos.length} signers, expected one`);
  const signerInfo = signedData.signerInfos[0];
  const signerCertificate = [...extraCertificates, ...signedData.certificates].find((certificate) => identifierMatches(signerInfo.sid, certificate));
  if (!signerCertificate) throw new ScepMessageError('the SCEP message does not contain its signer certificate');
  if (!signerInfo.signedAttributes) throw new ScepMessageError('the SCEP message has no signed attributes, so it carries no SCEP fields');

  try {
    const text = (oid: string): string | undefined => {
      const value = single(signerInfo.signedAttributes ?? [], oid);
      return value ? readString(value, oid) : undefined;
    };
    const octets = (oid: string): Uint8Array | undefined => {
      const value = single(signerInfo.signedAttributes ?? [], oid);
      return value ? readOctetString(value, oid) : undefined;
    };

    const messageType = text(OID_SCEP_MESSAGE_TYPE);
    const transactionId = text(OID_SCEP_TRANSACTION_ID);
    const senderNonce = octets(OID_SCEP_SENDER_NONCE);
    if (messageType === undefined || transactionId === undefined || senderNonce === undefined) {
      throw new ScepMessageError('the SCEP message lacks messageType, transactionID or senderNonce');
    }
    const statusText = text(OID_SCEP_PKI_STATUS);
    const failText = text(OID_SCEP_FAIL_INFO);
    const recipientNonce = octets(OID_SCEP_RECIPIENT_NONCE);
    return {
      signedData,
      signerInfo,
      signerCertificate,
      envelope: signedData.content,
      messageType,
      transactionId,
      senderNonce,
      ...(recipientNonce && { recipientNonce }),
      ...(statusText !== undefined && { pkiStatus: pkiStatusFromCode(statusText) }),
      ...(failText !== undefined && { failInfo: failInfoFromCode(failText) }),
    };
  } catch (error) {
    if (error instanceof Asn1Error) throw new ScepMessageError(`a SCEP attribute is malformed: ${error.message}`, { cause: error });
    throw error;
  }
}

function single(attributes: readonly CmsAttribute[], oid: string): CmsAttribute['values'][number] | undefined {
  const matches = attributes.filter((attribute) => attribute.type === oid);
  if (matches.length > 1 || (matches.length === 1 && matches[0].values.length !== 1)) {
    throw new ScepMessageError(`the SCEP attribute ${oid} must appear once with one value`);
  }
  return matches[0]?.values[0];
}

/** True when the message's messageDigest matches its content and the signature verifies with the signer certificate. */
export function signatureVerifies(message: ParsedPkiMessage): boolean {
  try {
    const check = checkSignerSignature(message.signerInfo, message.signerCertificate, message.envelope ?? new Uint8Array(0), message.signedData.contentType);
    return check.digestMatches && check.signatureVerifies;
  } catch (error) {
    if (error instanceof CmsError) return false;
    throw error;
  }
}
