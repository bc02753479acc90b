// The enrolment profile: a profile whose root PayloadType is `Profile Service`. Installing it
// makes the device post the requested attributes, signed with its device certificate, to URL.
//
//   PayloadType: "Profile Service", PayloadVersion: 1, PayloadIdentifier, PayloadUUID,
//   PayloadDisplayName, PayloadDescription, PayloadOrganization,
//   PayloadContent: { URL, DeviceAttributes: [names], Challenge: string or data (optional) }

import { PROFILE_SERVICE_TYPE } from '../profile/keys.ts';
import { array, data, dict, dictGet, int, str, type PlistDict, type PlistValue } from '../plist/model.ts';
import { DEFAULT_DEVICE_ATTRIBUTES, DEVICE_ATTRIBUTE_NAMES } from './device-attributes.ts';
import { describePlistKind, EnrolmentError } from './errors.ts';

export interface EnrolmentProfileOptions {
  /** Where the device posts its attributes; http or https. */
  readonly url: string;
  /** Attribute names from DEVICE_ATTRIBUTE_NAMES; default UDID, VERSION, PRODUCT, SERIAL. */
  readonly attributes?: readonly string[];
  /** Token the device sends back as CHALLENGE; omitted when undefined. */
  readonly challenge?: string | Uint8Array;
  /** Reverse-DNS identifier of the enrolment profile. */
  readonly identifier: string;
  /** UUID of the enrolment profile; the caller makes it, because this module has no random source. */
  readonly uuid: string;
  readonly displayName?: string;
  readonly description?: string;
  readonly organization?: string;
}

const URL_PATTERN = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;
const IDENTIFIER_PATTERN = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;
const UUID_PATTERN = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i;

/** Builds the Profile Service profile. Raises EnrolmentError naming the option that is invalid. */
export function buildEnrolmentProfile(options: EnrolmentProfileOptions): PlistDict {
  const url = options.url.trim();
  if (!URL_PATTERN.test(url)) {
    throw new EnrolmentError('invalid-option', `URL "${options.url}" is not an http or https URL; give the address the device posts to, such as http://127.0.0.1:8080/enrol`, { field: 'URL' });
  }
  if (!IDENTIFIER_PATTERN.test(options.identifier)) {
    throw new EnrolmentError('invalid-option', `identifier "${options.identifier}" is not a reverse-DNS name such as com.example.enrolment`, { field: 'PayloadIdentifier' });
  }
  if (!UUID_PATTERN.test(options.uuid)) {
    throw new EnrolmentError('invalid-option', `"${options.uuid}" is not a UUID such as 0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0`, { field: 'PayloadUUID' });
  }
  const attributes = checkAttributes(options.attributes ?? DEFAULT_DEVICE_ATTRIBUTES);

  // Request content: URL, attribute names and the optional challenge, in the order Apple's examples use.
  const content: [string, PlistValue][] = [
    ['URL', str(url)],
    ['DeviceAttributes', array(attributes.map(str))],
  ];
  if (options.challenge !== undefined) content.push(['Challenge', challengeValue(options.challenge)]);

  const entries: [string, PlistValue][] = [['PayloadContent', dict(content)]];
  if (options.organization) entries.push(['PayloadOrganization', str(options.organization)]);
  entries.push(['PayloadDisplayName', str(options.displayName || 'Device enrolment')]);
  if (options.description) entries.push(['PayloadDescription', str(options.description)]);
  entries.push(['PayloadVersion', int(1)], ['PayloadUUID', str(options.uuid.toUpperCase())], ['PayloadIdentifier', str(options.identifier)], ['PayloadType', str(PROFILE_SERVICE_TYPE)]);
  return dict(entries);
}

function checkAttributes(attributes: readonly string[]): string[] {
  if (attributes.length === 0) {
    throw new EnrolmentError('invalid-option', `DeviceAttributes is empty; request at least one of ${DEVICE_ATTRIBUTE_NAMES.join(', ')}`, { field: 'DeviceAttributes' });
  }
  const seen = new Set<string>();
  attributes.forEach((name, index) => {
    if (!DEVICE_ATTRIBUTE_NAMES.includes(name)) {
      throw new EnrolmentError('invalid-option', `device attribute "${name}" is not one of ${DEVICE_ATTRIBUTE_NAMES.join(', ')}`, { field: `DeviceAttributes[${index}]` });
    }
    if (seen.has(name)) {
      throw new EnrolmentError('invalid-option', `device attribute "${name}" is listed twice`, { field: `DeviceAttributes[${index}]` });
    }
    seen.add(name);
  });
  return [...attributes];
}

function challengeValue(challenge: string | Uint8Array): PlistValue {
  if (challenge.length === 0) {
    throw new EnrolmentError('invalid-option', 'the challenge is empty; leave it out or give a non-empty token', { field: 'Challenge' });
  }
  return typeof challenge === 'string' ? str(challenge) : data(challenge);
}

/** What a device reads from an enrolment profile. */
export interface EnrolmentRequest {
  readonly url: string;
  readonly attributes: readonly string[];
  readonly challenge?: string | Uint8Array;
  readonly displayName?: string;
}

/**
 * Reads URL, DeviceAttributes and Challenge from a Profile Service profile, as a device does.
 * Raises EnrolmentError 'invalid-response' naming the key that is missing or of the wrong type.
 */
export function readEnrolmentProfile(value: PlistValue, file?: string): EnrolmentRequest {
  const fail = (message: string, field: string): never => {
    throw new EnrolmentError('invalid-response', message, { field, file });
  };
  if (value.kind !== 'dict') return fail(`the profile root is ${describePlistKind(value.kind)}, expected a dictionary`, 'root');

  const type = dictGet(value, 'PayloadType');
  if (type?.kind !== 'string' || type.value !== PROFILE_SERVICE_TYPE) {
    return fail(`PayloadType is ${type?.kind === 'string' ? `"${type.value}"` : 'missing'}, expected "${PROFILE_SERVICE_TYPE}"`, 'PayloadType');
  }
  const content = dictGet(value, 'PayloadContent');
  if (content?.kind !== 'dict') return fail('PayloadContent is missing or not a dictionary', 'PayloadContent');

  const url = dictGet(content, 'URL');
  if (url?.kind !== 'string') return fail('PayloadContent.URL is missing or not a string', 'PayloadContent.URL');
  const names = dictGet(content, 'DeviceAttributes');
  if (names?.kind !== 'array' || names.items.some((item) => item.kind !== 'string')) {
    return fail('PayloadContent.DeviceAttributes is missing or not an array of strings', 'PayloadContent.DeviceAttributes');
  }
  const challenge = dictGet(content, 'Challenge');
  if (challenge !== undefined && challenge.kind !== 'string' && challenge.kind !== 'data') {
    return fail(`PayloadContent.Challenge is ${describePlistKind(challenge.kind)}, expected a string or data`, 'PayloadContent.Challenge');
  }

  const displayName = dictGet(value, 'PayloadDisplayName');
  return {
    url: url.value,
    attributes: names.items.map((item) => (item.kind === 'string' ? item.value : '')),
    ...(challenge !== undefined && { challenge: challenge.value }),
    ...(displayName?.kind === 'string' && { displayName: displayName.value }),
  };
}
