// /scep: the minimal SCEP endpoint (RFC 8894) through which devices obtain their identity in
// phase 2: GetCACaps, GetCACert and PKIOperation with a PKCSReq.

import { parseAsn1 } from '../../../../shared/asn1/reader.ts';
import { checkKeyRules } from '../../../../shared/enrolment/rules.ts';
import { parseName } from '../../../../shared/x509/name.ts';
import { encodeName } from '../../pki/names.ts';
import { CA_CAPABILITIES, SCEP_MEDIA_TYPES } from '../scep/message-types.ts';
import { ScepMessageError } from '../scep/pki-message.ts';
import { respondToPkiOperation, type ScepDecision, type ScepPolicy, type VerifiedScepRequest } from '../scep/responder.ts';
import type { PhaseContext } from './context.ts';
import { rejected, served, type Outcome } from './outcome.ts';

const PKI_MESSAGE_MEDIA_TYPES: readonly string[] = [SCEP_MEDIA_TYPES.pkiMessage, 'application/octet-stream'];

export async function handleScep(context: PhaseContext, method: string, query: URLSearchParams, body: Uint8Array, mediaType: string): Promise<Outcome> {
  const operation = query.get('operation');
  switch (operation) {
    case 'GetCACaps':
      return served('scep-caps', 'served', Buffer.from(`${CA_CAPABILITIES.join('\n')}\n`), SCEP_MEDIA_TYPES.text, 'CA capabilities');
    case 'GetCACert':
      return served('scep-ca-cert', 'served', context.workspace.ca.certificateDer, SCEP_MEDIA_TYPES.caCertificate, 'CA certificate');
    case 'PKIOperation':
      return pkiOperation(context, method, query, body, mediaType);
    default:
      return rejected(400, 'unknown', `SCEP operation "${operation ?? ''}" is not supported; use GetCACaps, GetCACert or PKIOperation`);
  }
}

async function pkiOperation(context: PhaseContext, method: string, query: URLSearchParams, body: Uint8Array, mediaType: string): Promise<Outcome> {
  let message = body;
  if (method === 'GET') {
    // RFC 8894 allows the message base64-encoded in the query for clients that cannot POST.
    message = new Uint8Array(Buffer.from(query.get('message') ?? '', 'base64'));
  } else if (!PKI_MESSAGE_MEDIA_TYPES.includes(mediaType)) {
    return rejected(415, 'scep-request', `content type "${mediaType || 'missing'}" is not accepted; send the pkiMessage as ${SCEP_MEDIA_TYPES.pkiMessage}`);
  }
  if (message.length === 0) return rejected(400, 'scep-request', 'the PKIOperation carries no message');

  try {
    const reply = await respondToPkiOperation(message, context.workspace.ca, scepPolicy(context));
    const decision = reply.decision;
    if (decision.kind === 'issued') return served('scep-request', 'accepted', reply.body, SCEP_MEDIA_TYPES.pkiMessage, decision.reason, decision.deviceId);
    // A rejection is still a well-formed CertRep (pkiStatus FAILURE) with HTTP 200, as SCEP clients expect; the header carries the reason for people.
    return served('scep-request', 'rejected', reply.body, SCEP_MEDIA_TYPES.pkiMessage, decision.reason, decision.deviceId, { 'x-enrolment-reason': headerSafe(decision.reason) });
  } catch (error) {
    if (error instanceof ScepMessageError) return rejected(400, 'scep-request', error.message);
    throw error;
  }
}

/** The enrolment policy for certificate requests: the SCEP challenge from phase 2, the key rules, the subject. */
function scepPolicy(context: PhaseContext): ScepPolicy {
  return async (request: VerifiedScepRequest): Promise<ScepDecision> => {
    const reject = (reason: string, deviceId: string | null = null, failInfo: 'badRequest' | 'badAlg' = 'badRequest'): ScepDecision => ({ kind: 'rejected', failInfo, deviceId, reason });
    if (context.provisioning === 'none') return reject('no provisioning issues no certificates');

    const now = context.now();
    const registry = context.workspace.registry;
    const password = request.csr.challengePassword;
    if (password === undefined) return reject('the certificate request has no challengePassword; use the SCEP challenge from the identity profile');
    const ticket = registry.consumeScepTicket(password, now);
    if (!ticket.ok) {
      const reasons = { unknown: 'the SCEP challenge was not issued by this server', used: `the SCEP challenge was already used at ${ticket.usedAt ?? ''}`, expired: 'the SCEP challenge has expired; enrol again from phase 1' };
      return reject(reasons[ticket.problem]);
    }
    const { deviceId, subject } = ticket.value;

    // Key: RSA always (the reply is encrypted to it); under custom provisioning also the minimum size and the subject from phase 1.
    const key = request.csr.publicKeyInfo.algorithm;
    const keyFacts = key.kind === 'rsa' ? { kind: 'rsa', bits: key.bits } : { kind: key.kind };
    const verdict = checkKeyRules(context.provisioning === 'custom' ? context.rules : { ...context.rules, minRsaBits: 1024 }, keyFacts);
    if (!verdict.allowed) return reject(`rule ${verdict.rule}: ${verdict.reason}`, deviceId, verdict.rule === 'key-type' ? 'badAlg' : 'badRequest');
    const expected = parseName(parseAsn1(encodeName(subject)), 'subject').display;
    if (context.provisioning === 'custom' && request.csr.subject.display !== expected) {
      return reject(`rule subject: the request subject ${request.csr.subject.display || '(empty)'} differs from ${expected}, the subject in the identity profile`, deviceId);
    }
    if (context.provisioning === 'custom' && registry.device(deviceId)?.revokedAt) return reject(`device ${deviceId} is revoked`, deviceId);

    // Issue with the subject from phase 1, whatever the request asked for, so the certificate names what the device reported.
    const issued = context.workspace.ca.issue({ subject, publicKeyInfo: request.csr.publicKeyInfo.raw, kind: 'device-identity', validityDays: context.identityValidityDays, now });
    registry.recordRequest(deviceId, {
      provisioning: context.provisioning,
      status: 'identity-issued',
      certificate: { serial: issued.certificate.serialNumber, subject: issued.certificate.subject.display, notAfter: issued.certificate.notAfter.toISOString() },
    }, now);
    return { kind: 'issued', issued, deviceId, reason: `identity issued, serial ${issued.certificate.serialNumber}, ${expected}` };
  };
}

/** Returns the text with characters outside printable ASCII replaced, so it can travel as an HTTP header value. */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?');
}
