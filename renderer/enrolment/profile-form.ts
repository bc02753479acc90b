// The "New enrolment profile" flow's fields, its steps, and the request built from them.

import type { EnrolmentProfileRequest } from '../../shared/enrolment/api.ts';
import { DEFAULT_DEVICE_ATTRIBUTES, DEVICE_ATTRIBUTE_NAMES } from '../../shared/enrolment/device-attributes.ts';
import type { ProvisioningType } from '../../shared/enrolment/provisioning.ts';

export interface ProfileDraft {
  readonly url: string;
  /** Checked attribute names, in the order of DEVICE_ATTRIBUTE_NAMES. */
  readonly attributes: readonly string[];
  readonly challenge: string;
  readonly identifier: string;
  readonly displayName: string;
  readonly description: string;
  readonly organization: string;
  /** Keystore identity to sign with; '' leaves the profile unsigned. */
  readonly signingIdentityId: string;
}

/** The server's Profile Service URL at the default port of the workbench screen. */
export const DEFAULT_ENROL_URL = 'http://127.0.0.1:8080/enrol';

export const PROFILE_STEPS = ['Provisioning type', 'Server URL and attributes', 'Challenge and texts', 'Signing and saving'] as const;

export function newProfileDraft(): ProfileDraft {
  return {
    url: DEFAULT_ENROL_URL,
    attributes: [...DEFAULT_DEVICE_ATTRIBUTES],
    challenge: '',
    identifier: 'com.example.enrolment',
    displayName: 'Device enrolment',
    description: '',
    organization: '',
    signingIdentityId: '',
  };
}

/** Returns `attributes` with `name` checked or unchecked, kept in the order of the known list. */
export function toggleAttribute(attributes: readonly string[], name: string, checked: boolean): string[] {
  const chosen = new Set(attributes);
  if (checked) chosen.add(name);
  else chosen.delete(name);
  return DEVICE_ATTRIBUTE_NAMES.filter((known) => chosen.has(known));
}

/**
 * Returns whether the flow writes a challenge into the file. Under custom provisioning the
 * server accepts only the single-use challenges it puts into each profile it serves, so a
 * fixed challenge in a saved file would be rejected.
 */
export function takesChallenge(provisioning: ProvisioningType): boolean {
  return provisioning !== 'custom';
}

/** Problems that keep a step from going on, in words for the screen; empty when the step is complete. */
export function stepProblems(draft: ProfileDraft, step: number): string[] {
  const problems: string[] = [];
  if (step === 1) {
    if (!/^https?:\/\/\S+$/i.test(draft.url.trim())) problems.push('Enter the URL devices post to, starting with http:// or https://.');
    if (draft.attributes.length === 0) problems.push('Check at least one device attribute.');
    else if (!draft.attributes.includes('UDID') && !draft.attributes.includes('SERIAL')) problems.push('Check UDID or SERIAL, so that the server can tell devices apart.');
  }
  if (step === 2 && draft.identifier.trim() === '') problems.push('Enter an identifier such as com.example.enrolment.');
  return problems;
}

/** Builds the request for enrolment.saveProfile; empty texts are left out, and so is the challenge where the type takes none. */
export function profileRequestOf(draft: ProfileDraft, provisioning: ProvisioningType): EnrolmentProfileRequest {
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const challenge = takesChallenge(provisioning) && draft.challenge !== '' ? draft.challenge : undefined;
  const fields = {
    challenge,
    identifier: text(draft.identifier),
    displayName: text(draft.displayName),
    description: text(draft.description),
    organization: text(draft.organization),
    signingIdentityId: draft.signingIdentityId === '' ? undefined : draft.signingIdentityId,
  };
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return { url: draft.url.trim(), attributes: [...draft.attributes], ...present };
}
