// Phase 1: the device's attributes, signed with its device certificate. The server checks
// what the provisioning type requires and responds with the identity profile (phase 2), or,
// under no provisioning, with the final profile at once.

import type { CustomRules } from '../../../../shared/enrolment/rules.ts';
import { checkDeviceRules } from '../../../../shared/enrolment/rules.ts';
import { writePlist } from '../../../../shared/plist/index.ts';
import { buildChain } from '../../cms/chain.ts';
import { encryptProfile } from '../../cms/profile-encryption.ts';
import { sign } from '../../cms/sign.ts';
import type { NameEntry } from '../../pki/names.ts';
import { identityProfile } from '../profiles.ts';
import { secretsEqual } from '../tokens.ts';
import { challengeLifetimeText, SCEP_PATH, type PhaseContext } from './context.ts';
import type { DeviceRequest } from './device-request.ts';
import { MEDIA_TYPE_PROFILE, rejected, served, type Outcome } from './outcome.ts';

export function acceptAttributes(context: PhaseContext, request: DeviceRequest): Outcome {
  const now = context.now();
  const { deviceId, response } = request;
  const registry = context.workspace.registry;

  // Whether the device certificate chains to a device CA the administrator supplied; null when none was.
  let deviceCaTrusted: boolean | null = null;
  if (context.deviceCas.length > 0 && request.signer && request.signedData) {
    deviceCaTrusted = buildChain(request.signer, request.signedData.certificates, context.deviceCas, now).trusted;
  }
  const caNote = deviceCaTrusted === null ? '' : deviceCaTrusted ? '; signer chains to a device CA' : '; signer does not chain to a device CA';

  if (context.provisioning === 'none') {
    registry.recordRequest(deviceId, { attributes: response.attributes, provisioning: 'none', status: 'enrolled', deviceCaTrusted }, now);
    const signed = sign(context.finalProfile, context.workspace.signer).der;
    return served('attributes', 'accepted', signed, MEDIA_TYPE_PROFILE, `no provisioning: device id taken as sent, nothing checked, final profile sent unencrypted${caNote}`, deviceId);
  }

  // Challenge: shared under auto (when set), single-use under custom.
  const challengeProblem = context.provisioning === 'custom' ? consumeChallenge(context, request, now) : sharedChallengeProblem(context, request);
  if (challengeProblem) return rejected(403, 'attributes', challengeProblem, deviceId);

  if (context.provisioning === 'custom') {
    const problem = customRuleProblem(context.rules, request, deviceCaTrusted, context);
    if (problem) return rejected(403, 'attributes', problem, deviceId);
  }

  // Phase 2: the identity profile, with a SCEP challenge bound to this device and its subject.
  const subject = certificateSubject(context.organization, deviceId, response.attributes);
  const ticket = registry.issueScepTicket(deviceId, subject, context.scepChallengeLifetimeMs, now);
  const keyBits = context.provisioning === 'custom' ? context.rules.minRsaBits : 2048;
  const profile = identityProfile({
    scepUrl: `${context.baseUrl}${SCEP_PATH}`,
    subject,
    challenge: ticket,
    keyBits,
    caCertificate: context.workspace.ca.certificate,
    identifierPrefix: context.identifierPrefix,
    organization: context.organization,
  });

  // The profile contains the SCEP challenge, so it is encrypted to the device certificate when that has an RSA key (Apple device certificates do).
  let bytes = writePlist(profile, 'xml');
  const encrypted = request.signer?.publicKeyAlgorithm.kind === 'rsa';
  if (encrypted && request.signer) bytes = encryptProfile(bytes, [request.signer.raw]);
  const signed = sign(bytes, context.workspace.signer).der;

  registry.recordRequest(deviceId, { attributes: response.attributes, provisioning: context.provisioning, status: 'attributes-received', deviceCaTrusted }, now);
  const how = encrypted ? 'encrypted to the device certificate' : 'not encrypted (the device certificate has no RSA key)';
  return served('attributes', 'accepted', signed, MEDIA_TYPE_PROFILE, `${context.provisioning} provisioning: attributes accepted, identity profile sent ${how}${caNote}`, deviceId);
}

/** The subject of the device identity: organization, the device id as common name, and the serial number when it is not the id. */
export function certificateSubject(organization: string, deviceId: string, attributes: Readonly<Record<string, string>>): NameEntry[] {
  const subject: NameEntry[] = [
    ['O', organization],
    ['CN', deviceId],
  ];
  if (attributes.SERIAL && attributes.SERIAL !== deviceId) subject.push(['serialNumber', attributes.SERIAL]);
  return subject;
}

function sharedChallengeProblem(context: PhaseContext, request: DeviceRequest): string | null {
  if (context.sharedChallenge === undefined) return null;
  if (request.response.challenge === undefined) return 'the request has no CHALLENGE, and this server requires one';
  return secretsEqual(request.response.challenge, context.sharedChallenge) ? null : 'the CHALLENGE does not match the one in the enrolment profile';
}

function consumeChallenge(context: PhaseContext, request: DeviceRequest, now: Date): string | null {
  if (request.response.challenge === undefined) return 'the request has no CHALLENGE; custom provisioning requires the single-use challenge from a downloaded enrolment profile';
  const check = context.workspace.registry.consumeChallenge(request.response.challenge, request.deviceId, now);
  if (check.ok) return null;
  switch (check.problem) {
    case 'unknown':
      return 'the CHALLENGE was not issued by this server; download a new enrolment profile';
    case 'used':
      return `the CHALLENGE was already used at ${check.usedAt}; challenges are single-use, download a new enrolment profile`;
    case 'expired':
      return `the CHALLENGE has expired (challenges are valid ${challengeLifetimeText(context.rules)}); download a new enrolment profile`;
    default:
      return assertNeverProblem(check.problem);
  }
}

function customRuleProblem(rules: CustomRules, request: DeviceRequest, deviceCaTrusted: boolean | null, context: PhaseContext): string | null {
  const device = context.workspace.registry.device(request.deviceId);
  if (device?.revokedAt) return `device ${request.deviceId} was revoked at ${device.revokedAt}`;

  const verdict = checkDeviceRules(rules, request.response.attributes);
  if (!verdict.allowed) return `rule ${verdict.rule}: ${verdict.reason}`;

  if (rules.requireDeviceCa && deviceCaTrusted !== true) {
    return deviceCaTrusted === null ? 'rule device-ca: the rules require a device CA, and the server was started without one' : 'rule device-ca: the device certificate does not chain to a device CA the administrator supplied';
  }
  return null;
}

function assertNeverProblem(value: never): never {
  throw new Error(`Unexpected challenge problem: ${String(value)}`);
}
