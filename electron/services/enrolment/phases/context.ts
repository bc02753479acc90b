// What every phase handler gets: the resolved settings, the state folder's contents and the
// profiles chosen at start.

import type { CustomRules } from '../../../../shared/enrolment/rules.ts';
import type { ProvisioningType } from '../../../../shared/enrolment/provisioning.ts';
import type { Certificate } from '../../../../shared/x509/certificate.ts';
import type { Workspace } from '../workspace.ts';

export interface PhaseContext {
  readonly provisioning: ProvisioningType;
  readonly rules: CustomRules;
  readonly workspace: Workspace;
  /** The URL the profiles name, without a trailing slash: `http://127.0.0.1:8080`. */
  readonly baseUrl: string;
  /** The challenge written into every enrolment profile under auto provisioning, when one is set. */
  readonly sharedChallenge?: string;
  /** Attributes the enrolment profile requests. */
  readonly attributes: readonly string[];
  /** The final profile (an unsigned plist), sent after phase 3. */
  readonly finalProfile: Uint8Array;
  /** Device CA certificates the phase-1 signer is checked against. */
  readonly deviceCas: readonly Certificate[];
  readonly organization: string;
  readonly identifierPrefix: string;
  readonly identityValidityDays: number;
  /** Lifetime of SCEP challenges handed out in phase 2. */
  readonly scepChallengeLifetimeMs: number;
  readonly now: () => Date;
}

/** Paths the server serves. */
export const ENROL_PATH = '/enrol';
export const SCEP_PATH = '/scep';

/** Returns the lifetime of the challenges in downloaded enrolment profiles as text: `1 minute`, `60 minutes`. */
export function challengeLifetimeText(rules: CustomRules): string {
  const minutes = rules.challengeLifetimeMinutes;
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
