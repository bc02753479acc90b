// The three provisioning types a workbench server runs with, and what each means in plain words.
//
// The texts are shown by the app's "New enrolment profile" screen, the CLI's help and the
// README, so that every place states the same thing about when a type is safe.

export type ProvisioningType = 'none' | 'auto' | 'custom';

export const PROVISIONING_TYPES: readonly ProvisioningType[] = ['none', 'auto', 'custom'];

export interface ProvisioningExplanation {
  readonly type: ProvisioningType;
  /** Short label for a choice list. */
  readonly title: string;
  /** What the server does, in one or two sentences. */
  readonly meaning: string;
  /** When the type is safe to use. */
  readonly safeWhen: string;
  /** True when the server issues a device identity certificate. */
  readonly issuesCertificate: boolean;
}

const EXPLANATIONS: Readonly<Record<ProvisioningType, ProvisioningExplanation>> = {
  none: {
    type: 'none',
    title: 'No provisioning',
    meaning:
      'The server accepts the device id as the device sends it and returns the final profile, signed but not encrypted. Nothing is checked (not even the signature) and no certificate is issued; every request is still logged.',
    safeWhen: 'Development only: any client can claim any device id.',
    issuesCertificate: false,
  },
  auto: {
    type: 'auto',
    title: 'Auto provisioning',
    meaning:
      'The server checks the signature on the device attributes (and the challenge, when one is set) and issues a device identity certificate, through SCEP, to any device that completes the flow. The certificate contains the attributes the device reported. The final profile is encrypted to that identity.',
    safeWhen: 'Only behind an app-authenticity or challenge check, because the server trusts whatever device completes the flow.',
    issuesCertificate: true,
  },
  custom: {
    type: 'custom',
    title: 'Custom provisioning',
    meaning:
      'Auto provisioning plus rules the administrator sets: a challenge that is required and single-use, allowed products and OS versions, the key type and minimum size of the certificate request. On every later request the device certificate must be issued by the workbench CA, within its validity and not revoked.',
    safeWhen: 'For production-like tests: each enrolment needs a fresh challenge, and a revoked device is turned away.',
    issuesCertificate: true,
  },
};

/** Returns the plain-language explanation of `type`. */
export function explainProvisioningType(type: ProvisioningType): ProvisioningExplanation {
  return EXPLANATIONS[type];
}

/** True when `value` names a provisioning type. */
export function isProvisioningType(value: string): value is ProvisioningType {
  return (PROVISIONING_TYPES as readonly string[]).includes(value);
}
