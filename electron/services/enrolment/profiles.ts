// The profiles the server sends after phase 1: the identity profile with a SCEP payload
// (phase 2) and the default final profile (phase 3), plus the SCEP Subject plist form.

import { createHash, randomUUID } from 'node:crypto';

import { array, data, dict, dictGet, int, str, type PlistDict, type PlistValue } from '../../../shared/plist/model.ts';
import type { Certificate } from '../../../shared/x509/certificate.ts';
import { nameTypeOid, type NameEntry } from '../pki/names.ts';

/** Name types the SCEP payload's Subject may spell by short name; others are written as dotted OIDs. */
const SCEP_SHORT_NAMES = ['C', 'L', 'ST', 'O', 'OU', 'CN'];

/** Apple's Key Usage bits in a SCEP payload: 1 signing, 4 encryption. The identity does both. */
const SCEP_KEY_USAGE_SIGN_AND_ENCRYPT = 5;

/** Writes a subject as the SCEP payload wants it: an array of RDNs, each an array of [type, value] pairs. */
export function subjectToPlist(subject: readonly NameEntry[]): PlistValue {
  return array(subject.map(([type, value]) => array([array([str(SCEP_SHORT_NAMES.includes(type) ? type : nameTypeOid(type)), str(value)])])));
}

/** Reads a SCEP payload Subject back into entries; returns null when it is not an array of arrays of string pairs. */
export function subjectFromPlist(value: PlistValue): NameEntry[] | null {
  if (value.kind !== 'array') return null;
  const entries: NameEntry[] = [];
  for (const rdn of value.items) {
    if (rdn.kind !== 'array') return null;
    for (const pair of rdn.items) {
      if (pair.kind !== 'array' || pair.items.length !== 2) return null;
      const [type, text] = pair.items;
      if (type.kind !== 'string' || text.kind !== 'string') return null;
      entries.push([type.value, text.value]);
    }
  }
  return entries;
}

export interface IdentityProfileOptions {
  readonly scepUrl: string;
  readonly subject: readonly NameEntry[];
  /** The single-use SCEP challenge for this device. */
  readonly challenge: string;
  readonly keyBits: number;
  readonly caCertificate: Certificate;
  readonly identifierPrefix: string;
  readonly organization: string;
}

/**
 * Builds the phase-2 profile: one SCEP payload that makes the device create a key, request a
 * certificate from the workbench CA and keep the key on the device. CAFingerprint is the
 * SHA-1 digest of the CA certificate.
 * NOTE: no real device has checked this fingerprint here; the simulator accepts MD5, SHA-1
 * and SHA-256 fingerprints, distinguished by length.
 */
export function identityProfile(options: IdentityProfileOptions): PlistDict {
  const scep = dict([
    ['URL', str(options.scepUrl)],
    ['Name', str(options.caCertificate.subject.display)],
    ['Subject', subjectToPlist(options.subject)],
    ['Challenge', str(options.challenge)],
    ['Keysize', int(options.keyBits)],
    ['Key Type', str('RSA')],
    ['Key Usage', int(SCEP_KEY_USAGE_SIGN_AND_ENCRYPT)],
    ['CAFingerprint', data(new Uint8Array(createHash('sha1').update(options.caCertificate.raw).digest()))],
  ]);
  const payload = payloadDictionary('com.apple.security.scep', `${options.identifierPrefix}.identity.scep`, 'Device identity', scep);
  return configuration(`${options.identifierPrefix}.identity`, 'Device identity', `Creates this device's identity certificate, issued by ${options.organization}.`, options.organization, [payload]);
}

/** Builds the final profile sent when the administrator chose none: the workbench CA certificate as a certificate payload. */
export function defaultFinalProfile(caCertificate: Certificate, identifierPrefix: string, organization: string): PlistDict {
  const payload = dict([
    ['PayloadCertificateFileName', str('workbench-ca.cer')],
    ['PayloadContent', data(caCertificate.raw)],
    ['PayloadDisplayName', str('Workbench CA certificate')],
    ['PayloadIdentifier', str(`${identifierPrefix}.final.ca`)],
    ['PayloadType', str('com.apple.security.pkcs1')],
    ['PayloadUUID', str(randomUUID().toUpperCase())],
    ['PayloadVersion', int(1)],
  ]);
  return configuration(`${identifierPrefix}.final`, 'Enrolment complete', 'The profile the enrolment workbench sends once the device identity is verified.', organization, [payload]);
}

function payloadDictionary(type: string, identifier: string, displayName: string, content: PlistDict): PlistDict {
  return dict([
    ['PayloadContent', content],
    ['PayloadDisplayName', str(displayName)],
    ['PayloadIdentifier', str(identifier)],
    ['PayloadType', str(type)],
    ['PayloadUUID', str(randomUUID().toUpperCase())],
    ['PayloadVersion', int(1)],
  ]);
}

function configuration(identifier: string, displayName: string, description: string, organization: string, payloads: readonly PlistValue[]): PlistDict {
  return dict([
    ['PayloadContent', array(payloads)],
    ['PayloadDescription', str(description)],
    ['PayloadDisplayName', str(displayName)],
    ['PayloadIdentifier', str(identifier)],
    ['PayloadOrganization', str(organization)],
    ['PayloadType', str('Configuration')],
    ['PayloadUUID', str(randomUUID().toUpperCase())],
    ['PayloadVersion', int(1)],
  ]);
}

/** Returns the PayloadContent dictionary of the first payload of `type` in a configuration profile, or undefined. */
export function findPayloadContent(profile: PlistValue, type: string): PlistDict | undefined {
  if (profile.kind !== 'dict') return undefined;
  const payloads = dictGet(profile, 'PayloadContent');
  if (payloads?.kind !== 'array') return undefined;
  for (const payload of payloads.items) {
    if (payload.kind !== 'dict') continue;
    const payloadType = dictGet(payload, 'PayloadType');
    const content = dictGet(payload, 'PayloadContent');
    if (payloadType?.kind === 'string' && payloadType.value === type && content?.kind === 'dict') return content;
  }
  return undefined;
}
