// Telling a configuration profile, an iOS profile stub, an app provisioning profile and any
// other plist apart by content.

import { dictGet, dictGetString, type PlistDict, type PlistValue } from '../plist/model.ts';
import { isProvisioningProfile } from '../provisioning/detect.ts';
import { CONFIGURATION_TYPE, PROFILE_SERVICE_TYPE, STUB_FACT_KEYS } from './keys.ts';

export type DocumentKind = 'profile' | 'stub' | 'provisioning' | 'plist';

/**
 * Classifies a plist root. A stub is recognised by its installation facts (checked first, since
 * a stub also carries the profile's own keys). A profile is a dictionary whose `PayloadType` is
 * `Configuration` or `Profile Service` (an over-the-air enrolment profile is that payload at the
 * root), or one that has `PayloadIdentifier` and either payload content or a `PayloadType`.
 * Profiles with a wrong root type or wrongly cased keys are still profiles, so that the
 * validator can report what is wrong with them. An app provisioning profile has none of the
 * `Payload` keys; `isProvisioningProfile` states the keys it is recognised by.
 */
export function classifyPlist(root: PlistValue): DocumentKind {
  if (root.kind !== 'dict') return 'plist';
  if (isStub(root)) return 'stub';
  if (isProfile(root)) return 'profile';
  if (isProvisioningProfile(root)) return 'provisioning';
  return 'plist';
}

export function isStub(root: PlistDict): boolean {
  return STUB_FACT_KEYS.some((key) => dictGet(root, key) !== undefined);
}

export function isProfile(root: PlistDict): boolean {
  const rootType = dictGetString(root, 'PayloadType');
  if (rootType === CONFIGURATION_TYPE || rootType === PROFILE_SERVICE_TYPE) return true;

  const keys = new Set(root.entries.map((entry) => entry.key.toLowerCase()));
  const hasPayloads = keys.has('payloadcontent') || keys.has('encryptedpayloadcontent') || keys.has('payloadtype');
  return hasPayloads && keys.has('payloadidentifier');
}
