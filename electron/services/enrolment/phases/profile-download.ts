// GET /enrol: the signed enrolment (Profile Service) profile. Under custom provisioning each
// download carries a fresh single-use challenge.

import { randomUUID } from 'node:crypto';

import { buildEnrolmentProfile } from '../../../../shared/enrolment/profile-service.ts';
import { writePlist } from '../../../../shared/plist/index.ts';
import { sign } from '../../cms/sign.ts';
import { challengeLifetimeText, ENROL_PATH, type PhaseContext } from './context.ts';
import { MEDIA_TYPE_PROFILE, served, type Outcome } from './outcome.ts';

export function serveEnrolmentProfile(context: PhaseContext): Outcome {
  let challenge: string | undefined;
  let reason = 'enrolment profile without a challenge';
  if (context.provisioning === 'custom') {
    // NOTE: anyone who can reach GET /enrol gets a valid challenge. Real deployments put the
    // download behind a user login, which the workbench does not have.
    challenge = context.workspace.registry.issueChallenge(context.rules.challengeLifetimeMinutes * 60_000, context.now());
    reason = `enrolment profile with a new single-use challenge, valid ${challengeLifetimeText(context.rules)}`;
  } else if (context.provisioning === 'auto' && context.sharedChallenge !== undefined) {
    challenge = context.sharedChallenge;
    reason = 'enrolment profile with the shared challenge';
  }

  const profile = buildEnrolmentProfile({
    url: `${context.baseUrl}${ENROL_PATH}`,
    attributes: context.attributes,
    ...(challenge !== undefined && { challenge }),
    identifier: `${context.identifierPrefix}.profile-service`,
    uuid: randomUUID(),
    displayName: `${context.organization} device enrolment`,
    description: `Sends this device's ${context.attributes.join(', ')} to ${context.organization}'s enrolment server.`,
    organization: context.organization,
  });
  const signed = sign(writePlist(profile, 'xml'), context.workspace.signer).der;
  return served('profile', 'served', signed, MEDIA_TYPE_PROFILE, reason);
}
