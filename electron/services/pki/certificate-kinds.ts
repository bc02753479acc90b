// The kinds of certificate the workbench issues, and the extensions each one gets.

import { OID_KP_CLIENT_AUTH, OID_KP_CODE_SIGNING, OID_KP_EMAIL_PROTECTION } from '../../../shared/asn1/oids.ts';
import type { KeyUsage } from '../../../shared/x509/extensions.ts';

export type CertificateKind =
  /** A device identity (from SCEP), or a simulated device certificate: signs requests and receives encrypted profiles. */
  | 'device-identity'
  /** The server's profile signer. */
  | 'profile-signer';

export interface KindExtensions {
  readonly keyUsage: readonly KeyUsage[];
  readonly extendedKeyUsage: readonly string[];
}

/**
 * Extensions per kind. emailProtection is there because `openssl cms -verify` checks the
 * S/MIME signing purpose by default, and both kinds sign CMS messages.
 */
export function kindExtensions(kind: CertificateKind): KindExtensions {
  switch (kind) {
    case 'device-identity':
      return { keyUsage: ['digitalSignature', 'keyEncipherment'], extendedKeyUsage: [OID_KP_CLIENT_AUTH, OID_KP_EMAIL_PROTECTION] };
    case 'profile-signer':
      return { keyUsage: ['digitalSignature'], extendedKeyUsage: [OID_KP_EMAIL_PROTECTION, OID_KP_CODE_SIGNING] };
    default:
      return assertNeverKind(kind);
  }
}

function assertNeverKind(value: never): never {
  throw new Error(`Unexpected certificate kind: ${String(value)}`);
}
