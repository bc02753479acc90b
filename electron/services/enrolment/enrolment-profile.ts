// The enrolment profile as a file: built, written as XML, and signed when an identity is given.

import { randomUUID } from 'node:crypto';

import type { EnrolmentProfileRequest, EnrolmentProfileResult } from '../../../shared/enrolment/api.ts';
import { buildEnrolmentProfile } from '../../../shared/enrolment/profile-service.ts';
import { writePlist } from '../../../shared/plist/index.ts';
import { sign, type SignerIdentity } from '../cms/sign.ts';

export const DEFAULT_PROFILE_IDENTIFIER = 'com.mobileconfig-studio.enrolment.profile-service';

/** Builds the Profile Service profile and signs it with `signer` when one is given. Raises EnrolmentError for invalid options. */
export function createEnrolmentProfile(request: Omit<EnrolmentProfileRequest, 'signingIdentityId'>, signer?: SignerIdentity): EnrolmentProfileResult {
  const profile = buildEnrolmentProfile({
    url: request.url,
    attributes: request.attributes,
    ...(request.challenge !== undefined && { challenge: request.challenge }),
    identifier: request.identifier ?? DEFAULT_PROFILE_IDENTIFIER,
    uuid: randomUUID(),
    ...(request.displayName !== undefined && { displayName: request.displayName }),
    ...(request.description !== undefined && { description: request.description }),
    ...(request.organization !== undefined && { organization: request.organization }),
  });
  const xmlBytes = writePlist(profile, 'xml');
  const xml = Buffer.from(xmlBytes).toString('utf8');
  if (!signer) return { xml, bytes: xmlBytes, signed: false };
  return { xml, bytes: sign(xmlBytes, signer).der, signed: true };
}
