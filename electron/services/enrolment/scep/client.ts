// The device side of SCEP, for the simulator: GetCACaps, GetCACert, then a PKCSReq with a
// fresh key, signed by a temporary self-signed certificate for that key (RFC 8894, 3.3.1).

import { createHash, randomBytes, type KeyObject } from 'node:crypto';

import { bytesEqual, bytesToHex } from '../../../../shared/asn1/bytes.ts';
import { parseCertificate, type Certificate } from '../../../../shared/x509/certificate.ts';
import { decrypt } from '../../cms/decrypt.ts';
import { encrypt } from '../../cms/encrypt.ts';
import { selfSignedCertificate } from '../../pki/ca.ts';
import { buildCsr } from '../../pki/csr.ts';
import { generateKeys, publicKeyInfoDer, type KeyPair } from '../../pki/keys.ts';
import { encodeName, type NameEntry } from '../../pki/names.ts';
import { checkLoopbackUrl, httpRequest, type HttpReply } from '../http-client.ts';
import { SimulatorError } from '../simulator-errors.ts';
import { readCertificatesOnly } from './certs-only.ts';
import { MESSAGE_TYPE, SCEP_MEDIA_TYPES } from './message-types.ts';
import { buildPkiMessage, parsePkiMessage, ScepMessageError, signatureVerifies } from './pki-message.ts';

export interface ScepClientOptions {
  /** The SCEP URL from the payload. */
  readonly url: string;
  readonly subject: readonly NameEntry[];
  readonly challenge?: string;
  /** RSA size for the new key; default 2048. */
  readonly keyBits?: number;
  /** CAFingerprint from the payload: MD5, SHA-1 or SHA-256 of the CA certificate, distinguished by length. */
  readonly caFingerprint?: Uint8Array;
  /** A key to use instead of a new RSA key, so tests can send an EC or weak key. */
  readonly keys?: KeyPair;
  /** Called after every HTTP exchange. */
  readonly onExchange?: (exchange: ScepExchange) => void;
}

export interface ScepExchange {
  readonly operation: 'GetCACaps' | 'GetCACert' | 'PKIOperation';
  readonly status: number;
}

export interface ScepEnrolment {
  readonly certificate: Certificate;
  readonly privateKey: KeyObject;
  readonly caCertificate: Certificate;
  readonly capabilities: readonly string[];
  /** The certificate request sent, DER. */
  readonly csr: Uint8Array;
  /** The PKCSReq pkiMessage sent, DER. */
  readonly request: Uint8Array;
  /** The CertRep received, DER. */
  readonly reply: Uint8Array;
}

/** Enrols for a certificate. Raises SimulatorError (phase 'scep-*') naming the step and the server's reason. */
export async function enrolWithScep(options: ScepClientOptions): Promise<ScepEnrolment> {
  const base = checkLoopbackUrl(options.url, 'scep-request');
  const operationUrl = (operation: string): URL => {
    const url = new URL(base);
    url.searchParams.set('operation', operation);
    return url;
  };

  // GetCACaps: what the server supports. Only the reply's success matters here.
  const caps = await httpRequest(operationUrl('GetCACaps'), 'scep-caps', { method: 'GET' });
  options.onExchange?.({ operation: 'GetCACaps', status: caps.status });
  expectOk(caps, 'scep-caps');
  const capabilities = Buffer.from(caps.body).toString('utf8').split(/\r?\n/).filter(Boolean);

  // GetCACert: the CA certificate the request is encrypted to, checked against the payload's fingerprint.
  const caReply = await httpRequest(operationUrl('GetCACert'), 'scep-ca-cert', { method: 'GET' });
  options.onExchange?.({ operation: 'GetCACert', status: caReply.status });
  expectOk(caReply, 'scep-ca-cert');
  const caCertificate = readCaCertificate(caReply);
  if (options.caFingerprint) checkFingerprint(caCertificate, options.caFingerprint);

  // PKCSReq: a new key, its request with the challenge, enveloped to the CA and signed by a temporary certificate.
  const keys = options.keys ?? (await generateKeys({ type: 'rsa', bits: options.keyBits ?? 2048 }));
  const csr = buildCsr({ subjectName: encodeName(options.subject), privateKey: keys.privateKey, ...(options.challenge !== undefined && { challengePassword: options.challenge }) });
  const temporary = selfSignedCertificate(keys.privateKey, options.subject, 1);
  const transactionId = bytesToHex(createHash('sha256').update(publicKeyInfoDer(keys.publicKey)).digest());
  const senderNonce = new Uint8Array(randomBytes(16));
  const request = buildPkiMessage(
    { messageType: MESSAGE_TYPE.pkcsReq, transactionId, senderNonce },
    encrypt(csr, [caCertificate.raw]),
    { certificate: temporary.der, privateKey: keys.privateKey, chain: [] },
  );

  const usePost = capabilities.includes('POSTPKIOperation');
  const pkiUrl = operationUrl('PKIOperation');
  if (!usePost) pkiUrl.searchParams.set('message', Buffer.from(request).toString('base64'));
  const reply = await httpRequest(pkiUrl, 'scep-request', usePost ? { method: 'POST', body: request, contentType: SCEP_MEDIA_TYPES.pkiMessage } : { method: 'GET' });
  options.onExchange?.({ operation: 'PKIOperation', status: reply.status });
  expectOk(reply, 'scep-request');

  const certificate = readCertRep(reply, caCertificate, { transactionId, senderNonce, keys, temporary: temporary.der });
  return { certificate, privateKey: keys.privateKey, caCertificate, capabilities, csr, request, reply: reply.body };
}

function expectOk(reply: HttpReply, phase: 'scep-caps' | 'scep-ca-cert' | 'scep-request'): void {
  if (reply.status === 200) return;
  throw new SimulatorError(phase, Buffer.from(reply.body).toString('utf8').trim() || 'no reason given', { status: reply.status });
}

function readCaCertificate(reply: HttpReply): Certificate {
  try {
    // A single CA comes as a DER certificate; a CA with an RA as a certificates-only SignedData.
    if (String(reply.headers['content-type']).startsWith(SCEP_MEDIA_TYPES.caCertificate)) return parseCertificate(reply.body);
    const certificates = readCertificatesOnly(reply.body);
    const ca = certificates.find((certificate) => certificate.basicConstraints?.ca);
    if (!ca) throw new SimulatorError('scep-ca-cert', 'the GetCACert reply has no CA certificate');
    return ca;
  } catch (error) {
    if (error instanceof SimulatorError) throw error;
    throw new SimulatorError('scep-ca-cert', `the GetCACert reply is not a certificate: ${(error as Error).message}`, { cause: error });
  }
}

function checkFingerprint(certificate: Certificate, fingerprint: Uint8Array): void {
  const algorithm = { 16: 'md5', 20: 'sha1', 32: 'sha256' }[fingerprint.length];
  if (!algorithm) throw new SimulatorError('scep-ca-cert', `CAFingerprint has ${fingerprint.length} bytes; expected an MD5 (16), SHA-1 (20) or SHA-256 (32) digest`);
  const actual = createHash(algorithm).update(certificate.raw).digest();
  if (!bytesEqual(actual, fingerprint)) {
    throw new SimulatorError('scep-ca-cert', `the CA certificate ${certificate.subject.display} does not match the CAFingerprint in the profile; the server sent another CA`);
  }
}

interface PendingRequest {
  readonly transactionId: string;
  readonly senderNonce: Uint8Array;
  readonly keys: KeyPair;
  readonly temporary: Uint8Array;
}

function readCertRep(reply: HttpReply, ca: Certificate, pending: PendingRequest): Certificate {
  const reason = reply.headers['x-enrolment-reason'];
  let message;
  try {
    message = parsePkiMessage(reply.body, [ca]);
  } catch (error) {
    if (error instanceof ScepMessageError) throw new SimulatorError('scep-request', `the CertRep cannot be read: ${error.message}`, { cause: error });
    throw error;
  }

  // The reply must come from the CA, belong to this transaction and echo this request's nonce.
  if (message.signerCertificate.sha256 !== ca.sha256 || !signatureVerifies(message)) throw new SimulatorError('scep-request', 'the CertRep is not signed by the CA certificate from GetCACert');
  if (message.messageType !== MESSAGE_TYPE.certRep) throw new SimulatorError('scep-request', `the reply has messageType ${message.messageType}, expected CertRep (3)`);
  if (message.transactionId !== pending.transactionId) throw new SimulatorError('scep-request', 'the CertRep belongs to another transaction');
  if (!message.recipientNonce || !bytesEqual(message.recipientNonce, pending.senderNonce)) throw new SimulatorError('scep-request', 'the CertRep recipientNonce does not echo the request senderNonce');

  if (message.pkiStatus !== 'success') {
    const why = typeof reason === 'string' ? reason : 'no reason given';
    throw new SimulatorError('scep-request', `the CA rejected the request (pkiStatus ${message.pkiStatus ?? 'missing'}, failInfo ${message.failInfo ?? 'none'}): ${why}`);
  }
  if (!message.envelope) throw new SimulatorError('scep-request', 'the successful CertRep carries no envelope');

  const certificates = readCertificatesOnly(decrypt(message.envelope, { certificate: pending.temporary, privateKey: pending.keys.privateKey }));
  const spki = publicKeyInfoDer(pending.keys.publicKey);
  const issued = certificates.find((certificate) => bytesEqual(certificate.publicKeyInfoRaw, spki));
  if (!issued) throw new SimulatorError('scep-request', 'the CertRep has no certificate for the requested key');
  return issued;
}
