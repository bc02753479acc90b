// The test server panel's fields and the start request built from them.

import { DEFAULT_CUSTOM_RULES, type CustomRules } from '../../shared/enrolment/rules.ts';
import type { ProvisioningType } from '../../shared/enrolment/provisioning.ts';
import type { ChosenDeviceCa, ChosenEnrolmentFile, EnrolmentServerRequest, FinalProfileChoice } from '../../shared/ipc/enrolment-contract.ts';

export interface RulesDraft {
  /** PRODUCT patterns separated by commas or spaces, such as `iPhone*, iPad*`. */
  readonly products: string;
  readonly minVersion: string;
  readonly maxVersion: string;
  readonly minRsaBits: number;
  readonly requireDeviceCa: boolean;
  readonly challengeLifetimeMinutes: string;
}

export type FinalProfileSource = FinalProfileChoice['source'];

export interface ServerDraft {
  readonly host: string;
  readonly port: string;
  readonly rules: RulesDraft;
  readonly finalProfile: FinalProfileSource;
  readonly finalFile: ChosenEnrolmentFile | null;
  readonly deviceCa: ChosenDeviceCa | null;
  readonly organization: string;
  /** Keystore identity that signs the server's profiles; '' uses the workbench's own signer. */
  readonly signingIdentityId: string;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = '8080';

export function newServerDraft(): ServerDraft {
  return {
    host: DEFAULT_HOST,
    port: DEFAULT_PORT,
    rules: {
      products: DEFAULT_CUSTOM_RULES.products.join(', '),
      minVersion: DEFAULT_CUSTOM_RULES.minVersion ?? '',
      maxVersion: DEFAULT_CUSTOM_RULES.maxVersion ?? '',
      minRsaBits: DEFAULT_CUSTOM_RULES.minRsaBits,
      requireDeviceCa: DEFAULT_CUSTOM_RULES.requireDeviceCa,
      challengeLifetimeMinutes: String(DEFAULT_CUSTOM_RULES.challengeLifetimeMinutes),
    },
    finalProfile: 'default',
    finalFile: null,
    deviceCa: null,
    organization: '',
    signingIdentityId: '',
  };
}

/** True for addresses only this computer reaches: 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(host: string): boolean {
  const trimmed = host.trim().toLowerCase();
  return trimmed === 'localhost' || trimmed === '::1' || /^127(?:\.\d{1,3}){3}$/.test(trimmed);
}

/** Choices of the profile flow that the start request uses too. */
export interface SharedChoices {
  readonly provisioning: ProvisioningType;
  readonly attributes: readonly string[];
  /** The flow's challenge; under auto provisioning the server requires it back. */
  readonly challenge: string;
  /** The editor's document, for the "open document" final profile; null when none is open. */
  readonly editorDocument: { readonly text: string; readonly name: string } | null;
}

export type StartRequestResult = { readonly ok: true; readonly request: EnrolmentServerRequest } | { readonly ok: false; readonly problems: readonly string[] };

/** Builds the request for enrolment.startServer, or lists what to fix first. */
export function serverRequestOf(draft: ServerDraft, shared: SharedChoices): StartRequestResult {
  const problems: string[] = [];

  const host = draft.host.trim();
  if (host === '') problems.push('Enter the address to listen on, such as 127.0.0.1.');
  const port = Number(draft.port.trim());
  if (draft.port.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) problems.push('Enter a port from 0 to 65535 (0 picks a free port).');

  const finalProfile = finalProfileOf(draft, shared, problems);
  const rules = shared.provisioning === 'custom' ? rulesOf(draft.rules, problems) : undefined;
  if (rules?.requireDeviceCa && !draft.deviceCa) problems.push('Choose the device CA file, or clear "Require a device CA": without one every device would be rejected.');
  if (problems.length > 0) return { ok: false, problems };

  const request: EnrolmentServerRequest = {
    host,
    port,
    provisioning: shared.provisioning,
    attributes: [...shared.attributes],
    finalProfile,
    ...(rules && { rules }),
    ...(shared.provisioning === 'auto' && shared.challenge !== '' && { sharedChallenge: shared.challenge }),
    ...(draft.deviceCa && { deviceCaFileId: draft.deviceCa.fileId }),
    ...(draft.organization.trim() !== '' && { organization: draft.organization.trim() }),
    ...(draft.signingIdentityId !== '' && { signingIdentityId: draft.signingIdentityId }),
  };
  return { ok: true, request };
}

function finalProfileOf(draft: ServerDraft, shared: SharedChoices, problems: string[]): FinalProfileChoice {
  switch (draft.finalProfile) {
    case 'default':
      return { source: 'default' };
    case 'editor':
      if (!shared.editorDocument) problems.push('No document is open in the editor; choose another final profile.');
      return { source: 'editor', text: shared.editorDocument?.text ?? '', name: shared.editorDocument?.name ?? '' };
    case 'file':
      if (!draft.finalFile) problems.push('Choose the final profile file, or pick another final profile.');
      return { source: 'file', fileId: draft.finalFile?.fileId ?? '' };
    default: {
      const unknown: never = draft.finalProfile;
      throw new Error(`Unknown final profile source ${String(unknown)}.`);
    }
  }
}

function rulesOf(draft: RulesDraft, problems: string[]): CustomRules {
  const lifetime = Number(draft.challengeLifetimeMinutes.trim());
  if (!Number.isInteger(lifetime) || lifetime < 1) problems.push('Enter the challenge lifetime as a whole number of minutes.');
  const products = draft.products.split(/[\s,]+/).filter((pattern) => pattern !== '');
  return {
    products,
    ...(draft.minVersion.trim() !== '' && { minVersion: draft.minVersion.trim() }),
    ...(draft.maxVersion.trim() !== '' && { maxVersion: draft.maxVersion.trim() }),
    minRsaBits: draft.minRsaBits,
    requireDeviceCa: draft.requireDeviceCa,
    challengeLifetimeMinutes: lifetime,
  };
}
