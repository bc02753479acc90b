// The device simulator: plays a device through over-the-air enrolment against the workbench
// server on loopback, phase by phase, and keeps every message it sent and received so that
// tests can check them with openssl.

import type { KeyObject } from 'node:crypto';

import { CmsError } from '../../../shared/cms/errors.ts';
import { buildDeviceAttributes } from '../../../shared/enrolment/device-response.ts';
import { EnrolmentError } from '../../../shared/enrolment/errors.ts';
import { readEnrolmentProfile, type EnrolmentRequest } from '../../../shared/enrolment/profile-service.ts';
import { PlistError, readPlist, writePlist } from '../../../shared/plist/index.ts';
import { dictGet, type PlistValue } from '../../../shared/plist/model.ts';
import { decryptProfile } from '../cms/profile-encryption.ts';
import { sign, type SignerIdentity } from '../cms/sign.ts';
import { verify } from '../cms/verify.ts';
import { selfSignedCertificate } from '../pki/ca.ts';
import { generateKeys, type KeyPair } from '../pki/keys.ts';
import { checkLoopbackUrl, httpRequest, type HttpReply } from './http-client.ts';
import { findPayloadContent, subjectFromPlist } from './profiles.ts';
import { enrolWithScep, type ScepEnrolment } from './scep/client.ts';
import { deviceAttributeValues, type SimulatedDevice } from './simulated-device.ts';
import { SimulatorError } from './simulator-errors.ts';
import type { EnrolmentPhase } from '../../../shared/enrolment/log-entry.ts';

export interface SimulatorOptions {
  /** The enrolment URL: the simulator downloads the enrolment profile from it. */
  readonly url: string;
  readonly device?: SimulatedDevice;
  /** A challenge to send instead of the one in the enrolment profile. */
  readonly challenge?: string;
  /** CA certificates (DER) the server's profile signatures are checked against; without them the trust is reported as not checked. */
  readonly trustAnchors?: readonly Uint8Array[];
  /** A device certificate and key to sign phase 1 with, instead of a throwaway self-signed one. */
  readonly deviceIdentity?: SignerIdentity;
  /** Key type of the throwaway device certificate; default ec (P-256). */
  readonly deviceKeyType?: 'ec' | 'rsa';
  /** RSA size of the identity key instead of the profile's Keysize. */
  readonly identityKeyBits?: number;
  /** A ready key pair for the identity (tests send EC or weak keys with it). */
  readonly identityKeys?: KeyPair;
  /** Called after each phase. */
  readonly onPhase?: (report: PhaseReport) => void;
}

export interface PhaseReport {
  readonly phase: EnrolmentPhase;
  /** One line for people. */
  readonly summary: string;
}

export interface SimulationResult {
  readonly deviceId: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly phases: readonly PhaseReport[];
  /** HTTP requests made, for checking the server log. */
  readonly requestCount: number;
  /** The signed enrolment profile as downloaded. */
  readonly enrolmentProfile: Uint8Array;
  readonly deviceIdentity: SignerIdentity;
  /** The signed phase-1 request. */
  readonly attributesRequest: Uint8Array;
  /** The signed phase-1 reply: the identity profile, or the final profile under no provisioning. */
  readonly attributesReply: Uint8Array;
  /** The SCEP exchange; absent under no provisioning. */
  readonly scep?: ScepEnrolment;
  /** The signed phase-3 request. */
  readonly finalRequest?: Uint8Array;
  /** The signed (and encrypted) final profile as received. */
  readonly finalReply?: Uint8Array;
  /** The final profile as the device reads it: decrypted, unsigned. */
  readonly finalProfile: Uint8Array;
}

const SIGNED_ATTRIBUTES_TYPE = 'application/pkcs7-signature';

/** Runs an enrolment. Raises SimulatorError naming the phase and the server's reason when a phase fails. */
export async function simulateEnrolment(options: SimulatorOptions): Promise<SimulationResult> {
  const phases: PhaseReport[] = [];
  const report = (phase: EnrolmentPhase, summary: string): void => {
    const entry = { phase, summary };
    phases.push(entry);
    options.onPhase?.(entry);
  };
  let requestCount = 0;
  const exchange = async (url: URL, phase: EnrolmentPhase, body?: Uint8Array): Promise<HttpReply> => {
    requestCount++;
    const reply = await httpRequest(url, phase, body ? { method: 'POST', body, contentType: SIGNED_ATTRIBUTES_TYPE } : { method: 'GET' });
    if (reply.status !== 200) throw new SimulatorError(phase, Buffer.from(reply.body).toString('utf8').trim() || 'no reason given', { status: reply.status });
    return reply;
  };

  // Enrolment profile: download, check its signature, read what it requests.
  const profileUrl = checkLoopbackUrl(options.url, 'connect');
  const enrolmentProfile = (await exchange(profileUrl, 'profile')).body;
  const profileContent = checkSignedReply(enrolmentProfile, 'profile', options.trustAnchors);
  const request = readRequest(profileContent.content);
  const postUrl = checkLoopbackUrl(request.url, 'attributes');
  report('profile', `GET ${profileUrl.pathname}: Profile Service profile ${profileContent.signerNote}; requests ${request.attributes.join(', ')}; ${request.challenge === undefined ? 'no challenge' : 'challenge present'}`);

  // Phase 1: the requested attributes and the challenge, signed with the device certificate.
  const values = deviceAttributeValues(options.device ?? {});
  const attributes = Object.fromEntries(request.attributes.filter((name) => values[name] !== undefined).map((name) => [name, values[name]]));
  const deviceId = attributes.UDID ?? attributes.SERIAL ?? values.UDID;
  const challenge = options.challenge ?? request.challenge;
  const responsePlist = writePlist(buildDeviceAttributes(attributes, challenge), 'xml');
  const deviceIdentity = options.deviceIdentity ?? (await throwawayDeviceIdentity(options.deviceKeyType ?? 'ec', deviceId));
  const attributesRequest = sign(responsePlist, deviceIdentity).der;
  const attributesReply = (await exchange(postUrl, 'attributes', attributesRequest)).body;
  const phaseTwo = checkSignedReply(attributesReply, 'attributes', options.trustAnchors);
  const phaseTwoProfile = openProfile(phaseTwo.content, deviceIdentity, 'attributes');

  const scepPayload = findPayloadContent(phaseTwoProfile.value, 'com.apple.security.scep');
  if (!scepPayload) {
    report('attributes', `POST ${postUrl.pathname} signed by the device certificate: final profile received ${phaseTwo.signerNote}, ${phaseTwoProfile.encrypted ? 'encrypted' : 'not encrypted'}; ${describePayloads(phaseTwoProfile.value)}`);
    return { deviceId, attributes, phases, requestCount, enrolmentProfile, deviceIdentity, attributesRequest, attributesReply, finalProfile: phaseTwoProfile.bytes };
  }
  report('attributes', `POST ${postUrl.pathname} signed by the device certificate: identity profile received ${phaseTwo.signerNote}, ${phaseTwoProfile.encrypted ? 'encrypted to the device certificate' : 'not encrypted'}`);

  // Phase 2: SCEP with the payload's settings.
  const scepSettings = readScepPayload(scepPayload);
  const scep = await enrolWithScep({
    ...scepSettings,
    ...(options.identityKeyBits !== undefined && { keyBits: options.identityKeyBits }),
    ...(options.identityKeys && { keys: options.identityKeys }),
    onExchange: () => requestCount++,
  });
  const identity: SignerIdentity = { certificate: scep.certificate.raw, privateKey: scep.privateKey, chain: [] };
  report('scep-request', `SCEP at ${new URL(scepSettings.url).pathname}: identity issued by ${scep.caCertificate.subject.display}, serial ${scep.certificate.serialNumber}, subject ${scep.certificate.subject.display}`);

  // Phase 3: the attributes again, signed with the new identity; the reply is encrypted to it.
  const finalRequest = sign(responsePlist, identity).der;
  const finalReply = (await exchange(postUrl, 'final', finalRequest)).body;
  const finalSigned = checkSignedReply(finalReply, 'final', options.trustAnchors);
  const final = openProfile(finalSigned.content, identity, 'final');
  report('final', `POST ${postUrl.pathname} signed by the identity: final profile ${finalSigned.signerNote}, ${final.encrypted ? 'decrypted with the identity' : 'not encrypted'}; ${describePayloads(final.value)}`);

  return { deviceId, attributes, phases, requestCount, enrolmentProfile, deviceIdentity, attributesRequest, attributesReply, scep, finalRequest, finalReply, finalProfile: final.bytes };
}

async function throwawayDeviceIdentity(keyType: 'ec' | 'rsa', deviceId: string): Promise<SignerIdentity> {
  const keys = await generateKeys(keyType === 'ec' ? { type: 'ec', curve: 'P-256' } : { type: 'rsa', bits: 2048 });
  const certificate = selfSignedCertificate(keys.privateKey, [['CN', `Simulated device ${deviceId}`]], 1);
  return { certificate: certificate.der, privateKey: keys.privateKey, chain: [] };
}

/** Checks a signed reply and returns its content with a note on the signer; raises SimulatorError when the signature does not verify. */
function checkSignedReply(bytes: Uint8Array, phase: EnrolmentPhase, anchors: readonly Uint8Array[] | undefined): { content: Uint8Array; signerNote: string } {
  const result = verify(bytes, { anchors: anchors ?? [], systemRoots: false });
  if (!result.signed || !result.signatureValid || result.content === null) throw new SimulatorError(phase, `the reply is not a valid signed profile: ${result.message}`);
  const signer = result.signers[0]?.subject ?? 'an unknown signer';
  const trust = anchors === undefined ? 'trust not checked' : result.chainTrusted ? 'trusted' : 'NOT trusted by the given CA';
  return { content: result.content, signerNote: `signed by ${signer} (${trust})` };
}

function readRequest(content: Uint8Array): EnrolmentRequest {
  try {
    return readEnrolmentProfile(readPlist(content).value);
  } catch (error) {
    if (error instanceof PlistError || error instanceof EnrolmentError) throw new SimulatorError('profile', `the enrolment profile is not usable: ${error.message}`, { cause: error });
    throw error;
  }
}

/** Reads a profile, decrypting its payloads with `identity` when they are encrypted. */
function openProfile(bytes: Uint8Array, identity: { certificate: Uint8Array; privateKey: KeyObject }, phase: EnrolmentPhase): { value: PlistValue; bytes: Uint8Array; encrypted: boolean } {
  try {
    const value = readPlist(bytes).value;
    const encrypted = value.kind === 'dict' && dictGet(value, 'EncryptedPayloadContent') !== undefined;
    if (!encrypted) return { value, bytes, encrypted };
    const decrypted = decryptProfile(bytes, identity);
    return { value: readPlist(decrypted).value, bytes: decrypted, encrypted };
  } catch (error) {
    if (error instanceof PlistError || error instanceof CmsError) throw new SimulatorError(phase, `the profile cannot be read: ${error.message}`, { cause: error });
    throw error;
  }
}

function readScepPayload(payload: ReturnType<typeof findPayloadContent> & object): { url: string; subject: [string, string][]; challenge?: string; keyBits: number; caFingerprint?: Uint8Array } {
  const url = dictGet(payload, 'URL');
  if (url?.kind !== 'string') throw new SimulatorError('scep-request', 'the SCEP payload has no URL');
  const subjectValue = dictGet(payload, 'Subject');
  const subject = subjectValue ? subjectFromPlist(subjectValue) : [];
  if (!subject) throw new SimulatorError('scep-request', 'the SCEP payload Subject is not an array of [type, value] pairs');
  const challenge = dictGet(payload, 'Challenge');
  const keySize = dictGet(payload, 'Keysize');
  const fingerprint = dictGet(payload, 'CAFingerprint');
  return {
    url: url.value,
    subject: subject.map(([type, value]) => [type, value]),
    ...(challenge?.kind === 'string' && { challenge: challenge.value }),
    // Apple documents 1024 as the default Keysize.
    keyBits: keySize?.kind === 'integer' ? Number(keySize.value) : 1024,
    ...(fingerprint?.kind === 'data' && { caFingerprint: fingerprint.value }),
  };
}

function describePayloads(profile: PlistValue): string {
  const payloads = profile.kind === 'dict' ? dictGet(profile, 'PayloadContent') : undefined;
  if (payloads?.kind !== 'array') return 'no payloads';
  const types = payloads.items.map((item) => (item.kind === 'dict' ? dictGet(item, 'PayloadType') : undefined)).map((type) => (type?.kind === 'string' ? type.value : '?'));
  return `${types.length} payload${types.length === 1 ? '' : 's'} (${types.join(', ')})`;
}
