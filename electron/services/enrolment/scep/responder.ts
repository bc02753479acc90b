// The CA side of a SCEP PKIOperation (RFC 8894, section 3.3): verify the PKCSReq, decrypt the
// certificate request, let the enrolment policy decide, and reply with a CertRep signed by
// the CA. A request that can be read gets a CertRep even when it is rejected (pkiStatus
// FAILURE with a failInfo), as SCEP clients expect; one that cannot be read raises
// ScepMessageError, which the server turns into HTTP 400.

import { randomBytes } from 'node:crypto';

import { bytesEqual } from '../../../../shared/asn1/bytes.ts';
import { CmsError } from '../../../../shared/cms/errors.ts';
import type { Certificate } from '../../../../shared/x509/certificate.ts';
import { decrypt } from '../../cms/decrypt.ts';
import { encrypt } from '../../cms/encrypt.ts';
import type { SignerIdentity } from '../../cms/sign.ts';
import type { CertificateAuthority, IssuedCertificate } from '../../pki/ca.ts';
import { parseCsr, verifyCsrSignature, type CertificateRequest } from '../../pki/csr.ts';
import { PkiError } from '../../pki/errors.ts';
import { buildCertificatesOnly } from './certs-only.ts';
import { MESSAGE_TYPE, type FailInfo } from './message-types.ts';
import { buildPkiMessage, parsePkiMessage, signatureVerifies, type ParsedPkiMessage } from './pki-message.ts';

/** A PKCSReq whose signature, envelope and request signature have been checked. */
export interface VerifiedScepRequest {
  readonly csr: CertificateRequest;
  /** The requester's signer certificate: the device's temporary self-signed one. */
  readonly signerCertificate: Certificate;
  readonly transactionId: string;
}

export type ScepDecision =
  | { readonly kind: 'issued'; readonly issued: IssuedCertificate; readonly deviceId: string; readonly reason: string }
  | { readonly kind: 'rejected'; readonly failInfo: FailInfo; readonly deviceId: string | null; readonly reason: string };

/** The enrolment policy: decides on a verified request and issues the certificate when it allows it. */
export type ScepPolicy = (request: VerifiedScepRequest) => Promise<ScepDecision>;

export interface ScepReply {
  /** The CertRep pkiMessage, DER. */
  readonly body: Uint8Array;
  readonly decision: ScepDecision;
}

/**
 * Handles a PKIOperation body. Raises ScepMessageError when the message cannot be read well
 * enough to reply to it (not SignedData, no signer certificate, no SCEP attributes).
 */
export async function respondToPkiOperation(body: Uint8Array, ca: CertificateAuthority, policy: ScepPolicy): Promise<ScepReply> {
  const message = parsePkiMessage(body);
  const decision = await decide(message, ca, policy);
  return { body: certRep(message, decision, ca), decision };
}

async function decide(message: ParsedPkiMessage, ca: CertificateAuthority, policy: ScepPolicy): Promise<ScepDecision> {
  const reject = (failInfo: FailInfo, reason: string): ScepDecision => ({ kind: 'rejected', failInfo, deviceId: null, reason });

  if (!signatureVerifies(message)) return reject('badMessageCheck', 'the SCEP message signature does not verify with its signer certificate');
  if (message.messageType !== MESSAGE_TYPE.pkcsReq) return reject('badRequest', `SCEP messageType ${message.messageType} is not supported; only PKCSReq (19) is`);
  if (message.envelope === null) return reject('badRequest', 'the PKCSReq carries no envelope');
  if (message.signerCertificate.publicKeyAlgorithm.kind !== 'rsa') {
    return reject('badAlg', 'the requester certificate has no RSA key, so the issued certificate cannot be encrypted back to it');
  }

  // The envelope is encrypted to the CA certificate and contains the PKCS #10 request.
  let csrDer: Uint8Array;
  try {
    csrDer = decrypt(message.envelope, { certificate: ca.certificateDer, privateKey: ca.privateKey });
  } catch (error) {
    if (error instanceof CmsError) return reject('badMessageCheck', `the PKCSReq envelope does not decrypt with the CA key: ${error.message}`);
    throw error;
  }

  let csr: CertificateRequest;
  try {
    csr = parseCsr(csrDer);
  } catch (error) {
    if (error instanceof PkiError) return reject('badRequest', error.message);
    throw error;
  }
  if (!verifyCsrSignature(csr)) return reject('badMessageCheck', 'the certificate request signature does not verify with its own key');
  if (!bytesEqual(csr.publicKeyInfo.raw, message.signerCertificate.publicKeyInfoRaw)) {
    return reject('badRequest', 'the certificate request key differs from the key of the certificate that signed the PKCSReq');
  }

  return policy({ csr, signerCertificate: message.signerCertificate, transactionId: message.transactionId });
}

/** Builds the CertRep: SUCCESS with the issued certificate enveloped to the requester, or FAILURE with no envelope. */
function certRep(request: ParsedPkiMessage, decision: ScepDecision, ca: CertificateAuthority): Uint8Array {
  const signer: SignerIdentity = { certificate: ca.certificateDer, privateKey: ca.privateKey, chain: [] };
  const common = { messageType: MESSAGE_TYPE.certRep, transactionId: request.transactionId, senderNonce: new Uint8Array(randomBytes(16)), recipientNonce: request.senderNonce };

  if (decision.kind === 'rejected') return buildPkiMessage({ ...common, pkiStatus: 'failure', failInfo: decision.failInfo }, null, signer);

  const certificates = buildCertificatesOnly([decision.issued.der, ca.certificateDer]);
  const envelope = encrypt(certificates, [request.signerCertificate.raw]);
  return buildPkiMessage({ ...common, pkiStatus: 'success' }, envelope, signer);
}
