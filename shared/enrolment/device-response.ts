// The device's attribute response: the plist a device signs and posts to the Profile Service
// URL, in phase 1 with its device certificate and in phase 3 with the identity it enrolled.
//
//   { UDID: "…", VERSION: "…", PRODUCT: "…", SERIAL: "…", …, CHALLENGE: string or data }
//
// Every attribute is a string; only CHALLENGE may be data, because the profile's Challenge may be.

import { data, dict, str, type PlistDict, type PlistValue } from '../plist/model.ts';
import { CHALLENGE_RESPONSE_KEY, deviceAttributeInfo, deviceIdOf } from './device-attributes.ts';
import { describePlistKind, EnrolmentError } from './errors.ts';

export interface DeviceAttributesResponse {
  /** Every string entry except CHALLENGE, known names and others alike. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly challenge?: string | Uint8Array;
  /** Keys that are not known attribute names, in document order. */
  readonly unknownKeys: readonly string[];
}

/** Most entries accepted in one response: the known list has 11 names, so 64 leaves room and bounds the work. */
const MAX_ENTRIES = 64;

/** Maximum attribute value length accepted, in characters. Real values (UDID, IMEI, names) are far shorter. */
const MAX_VALUE_LENGTH = 1024;

/**
 * Reads a device's attribute response. Raises EnrolmentError 'invalid-response' naming the key
 * when the root is not a dictionary, a value is not a string, or the response is too large.
 */
export function parseDeviceAttributes(value: PlistValue, file?: string): DeviceAttributesResponse {
  const fail = (message: string, field: string): never => {
    throw new EnrolmentError('invalid-response', message, { field, file });
  };
  if (value.kind !== 'dict') return fail(`the attribute response is ${describePlistKind(value.kind)}, expected a dictionary of device attributes`, 'root');
  if (value.entries.length > MAX_ENTRIES) return fail(`the attribute response has ${value.entries.length} entries, more than the ${MAX_ENTRIES} accepted`, 'root');

  const attributes: Record<string, string> = {};
  const unknownKeys: string[] = [];
  let challenge: string | Uint8Array | undefined;
  for (const { key, value: entry } of value.entries) {
    if (key === CHALLENGE_RESPONSE_KEY) {
      if (entry.kind !== 'string' && entry.kind !== 'data') return fail(`${key} is ${describePlistKind(entry.kind)}, expected a string or data`, key);
      challenge = entry.value;
      continue;
    }
    if (entry.kind !== 'string') return fail(`attribute ${key} is ${describePlistKind(entry.kind)}, expected a string`, key);
    if (entry.value.length > MAX_VALUE_LENGTH) return fail(`attribute ${key} is ${entry.value.length} characters long, more than the ${MAX_VALUE_LENGTH} accepted`, key);
    attributes[key] = entry.value;
    if (!deviceAttributeInfo(key)) unknownKeys.push(key);
  }
  return { attributes, ...(challenge !== undefined && { challenge }), unknownKeys };
}

/** Builds the response plist a device posts: the attributes in the order given, then CHALLENGE. */
export function buildDeviceAttributes(attributes: Readonly<Record<string, string>>, challenge?: string | Uint8Array): PlistDict {
  const entries: [string, PlistValue][] = Object.entries(attributes).map(([key, value]) => [key, str(value)]);
  if (challenge !== undefined) entries.push([CHALLENGE_RESPONSE_KEY, typeof challenge === 'string' ? str(challenge) : data(challenge)]);
  return dict(entries);
}

export interface DescribedAttribute {
  readonly name: string;
  /** What the attribute is, or null for a name outside the known list. */
  readonly label: string | null;
  readonly value: string;
}

/** What the inspector shows for a device attribute response. The challenge value is never included, because it is a secret. */
export interface DeviceAttributesDescription {
  readonly kind: 'device-attributes';
  readonly title: string;
  /** UDID, else SERIAL, IMEI or MEID; null when none is present. */
  readonly deviceId: string | null;
  readonly attributes: readonly DescribedAttribute[];
  /** Whether CHALLENGE is present, and in which plist type. */
  readonly challenge: 'absent' | 'string' | 'data';
  readonly unknownKeys: readonly string[];
}

/** Keys one of which a response must contain to be recognised. */
const IDENTIFYING_KEYS = ['UDID', 'SERIAL', 'IMEI', 'MEID', 'PRODUCT', 'VERSION'];

/**
 * Recognises a device's attribute response (a plist dropped as a file, or the content of a
 * signed one) and describes it; returns null for anything else. It must be a dictionary
 * without PayloadType whose keys are upper-case names, at least one of them identifying
 * (UDID, SERIAL, IMEI, MEID, PRODUCT, VERSION), with string values and an optional CHALLENGE.
 * The signer is not part of the plist: the inspector takes it from the CMS wrapper.
 */
export function describeDeviceAttributesResponse(value: PlistValue): DeviceAttributesDescription | null {
  if (value.kind !== 'dict' || value.entries.length === 0) return null;
  if (!value.entries.every((entry) => /^[A-Z][A-Z0-9_]*$/.test(entry.key))) return null;
  if (!value.entries.some((entry) => IDENTIFYING_KEYS.includes(entry.key))) return null;

  let response: DeviceAttributesResponse;
  try {
    response = parseDeviceAttributes(value);
  } catch (error) {
    if (error instanceof EnrolmentError) return null;
    throw error;
  }

  const attributes = Object.entries(response.attributes).map(([name, attributeValue]) => ({ name, label: deviceAttributeInfo(name)?.label ?? null, value: attributeValue }));
  let challenge: DeviceAttributesDescription['challenge'] = 'absent';
  if (response.challenge !== undefined) challenge = typeof response.challenge === 'string' ? 'string' : 'data';
  return {
    kind: 'device-attributes',
    title: 'Device attribute response (over-the-air enrolment)',
    deviceId: deviceIdOf(response.attributes) ?? null,
    attributes,
    challenge,
    unknownKeys: response.unknownKeys,
  };
}
