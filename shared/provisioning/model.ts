// The facts read from an app provisioning profile, in the JSON-ready form that
// `mobileconfig inspect --json` and `mobileconfig provisioning report --json` print.

import type { JsonValue } from '../profile/json-value.ts';

/**
 * The distribution method of a profile. `deriveProfileType` in profile-type.ts states the rule
 * that picks one from `ProvisionsAllDevices`, `ProvisionedDevices` and `get-task-allow`.
 */
export type ProvisioningProfileType = 'development' | 'ad-hoc' | 'app-store' | 'enterprise' | 'developer-id';

/** One certificate of `DeveloperCertificates`: a certificate whose holder may sign the app. */
export interface DeveloperCertificateFacts {
  /** Position in `DeveloperCertificates`. */
  readonly index: number;
  /** RFC 4514 string, `CN=Apple Development: Jane Doe (A1B2C3D4E5),OU=TEAMID1234,...`. */
  readonly subject: string;
  readonly commonName?: string;
  /** The team identifier Apple puts in the subject's organizational unit (`OU`). */
  readonly team?: string;
  readonly issuer: string;
  /** Lower-case hex, as `openssl x509 -serial` prints it (lower-cased). */
  readonly serialNumber: string;
  /** ISO-8601, UTC. */
  readonly notBefore: string;
  readonly notAfter: string;
  /** Lower-case hex SHA-1 of the DER certificate: the identity hash `security find-identity` and Xcode show. */
  readonly sha1: string;
  /** Lower-case hex SHA-256 of the DER certificate. */
  readonly sha256: string;
  /** True when `asOf` is past notAfter. */
  readonly expired: boolean;
  /** Whole days from `asOf` to notAfter; negative once expired. */
  readonly daysLeft: number;
}

export interface ProvisioningProfileFacts {
  /** The time expiry was computed against, ISO-8601. */
  readonly asOf: string;
  readonly name?: string;
  readonly uuid: string;
  readonly appIdName?: string;
  /** `TEAMID.bundle.id` from the `application-identifier` entitlement (`com.apple.application-identifier` on macOS). */
  readonly appId?: string;
  /** `appId` without its prefix; ends in `*` for a wildcard App ID. */
  readonly bundleId?: string;
  readonly wildcardAppId: boolean;
  readonly applicationIdentifierPrefixes: readonly string[];
  readonly teamIdentifiers: readonly string[];
  readonly teamName?: string;
  /** `Platform` values as the profile spells them: `iOS`, `OSX`, `tvOS`, `xrOS`, `visionOS`. Empty when absent. */
  readonly platforms: readonly string[];
  readonly type: ProvisioningProfileType;
  /** The keys that decided `type`, in words. */
  readonly typeReason: string;
  /** ISO-8601, UTC. */
  readonly creationDate?: string;
  readonly expirationDate: string;
  /** Whole days from `asOf` to `expirationDate`, rounded down; negative once expired. */
  readonly daysLeft: number;
  readonly expired: boolean;
  /** `TimeToLive`: the validity Apple granted, in days. */
  readonly timeToLive?: number;
  readonly version?: number;
  readonly xcodeManaged?: boolean;
  /** `get-task-allow` (or its macOS form) is true: a debugger may attach. */
  readonly getTaskAllow: boolean;
  readonly provisionsAllDevices: boolean;
  /** `ProvisionedDevices` in file order; empty when absent. */
  readonly devices: readonly string[];
  readonly entitlements: Readonly<Record<string, JsonValue>>;
  readonly certificates: readonly DeveloperCertificateFacts[];
  /** True when the profile lists certificates and every readable one has expired, so no one can sign an app with it. */
  readonly allCertificatesExpired: boolean;
  /** Size of `DER-Encoded-Profile`, the binary copy of the profile that current systems read; absent in older profiles. */
  readonly derEncodedProfileBytes?: number;
}

/** The facts and the problems that did not stop the read (wrong types, unreadable certificates). */
export interface ParsedProvisioningProfile {
  readonly facts: ProvisioningProfileFacts;
  readonly warnings: readonly string[];
}
