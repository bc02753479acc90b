// The folder report of `mobileconfig provisioning report --json` and of the app's provisioning
// table. Field names are part of the CLI's JSON contract; change them only together with the
// README.

import type { ProvisioningProfileFacts, ProvisioningProfileType } from '../../../shared/provisioning/model.ts';
import type { SignatureReport } from '../inspect/report.ts';

/** One provisioning profile found in the folder. */
export interface ProvisioningEntry {
  readonly file: string;
  readonly facts: ProvisioningProfileFacts;
  /** Not expired, but expiring within the report's `expiringWithinDays`. */
  readonly expiringSoon: boolean;
  readonly signed: boolean;
  /** The check of Apple's CMS signature; absent when the caller gave no verifier. */
  readonly signature?: SignatureReport;
  readonly warnings: readonly string[];
}

/** A file that should have been a provisioning profile (by its extension) but could not be read as one. */
export interface ProvisioningFailure {
  readonly file: string;
  /** The problem, without the file name. */
  readonly error: string;
}

/** A file or folder that was passed over, and why. */
export interface SkippedEntry {
  readonly file: string;
  readonly reason: string;
}

/** A profile as duplicate groups and device matches list it. */
export interface ProfileReference {
  readonly file: string;
  readonly name?: string;
  readonly uuid: string;
  readonly type: ProvisioningProfileType;
  readonly expirationDate: string;
  readonly expired: boolean;
}

/** Profiles that share one UUID or one App ID. */
export interface DuplicateGroup {
  /** The shared UUID or App ID. */
  readonly key: string;
  readonly profiles: readonly ProfileReference[];
}

export interface DeviceMatch extends ProfileReference {
  /** `listed`: the UDID is in ProvisionedDevices. `all-devices`: the profile has ProvisionsAllDevices. */
  readonly match: 'listed' | 'all-devices';
}

export interface DeviceLookup {
  /** The UDID as the caller gave it. */
  readonly udid: string;
  readonly profiles: readonly DeviceMatch[];
}

export interface ProvisioningSummary {
  readonly profiles: number;
  readonly expired: number;
  readonly expiringSoon: number;
  readonly allCertificatesExpired: number;
  readonly failed: number;
  readonly skipped: number;
}

export interface ProvisioningFolderReport {
  readonly folder: string;
  /** The time expiry was computed against, ISO-8601. */
  readonly asOf: string;
  readonly expiringWithinDays: number;
  readonly summary: ProvisioningSummary;
  /** Sorted by expiration date, earliest first, then by file. */
  readonly profiles: readonly ProvisioningEntry[];
  readonly duplicateUuids: readonly DuplicateGroup[];
  readonly duplicateAppIds: readonly DuplicateGroup[];
  /** Present when the caller asked which profiles include a device. */
  readonly device?: DeviceLookup;
  readonly failures: readonly ProvisioningFailure[];
  readonly skipped: readonly SkippedEntry[];
}
