// Deriving the distribution type of a provisioning profile from its keys.

import type { ProvisioningProfileType } from './model.ts';
import { PLATFORM_MACOS } from './keys.ts';

export interface TypeEvidence {
  readonly provisionsAllDevices: boolean;
  /** `ProvisionedDevices` is present (even when empty). */
  readonly hasDeviceList: boolean;
  readonly deviceCount: number;
  readonly getTaskAllow: boolean;
  readonly platforms: readonly string[];
}

export interface DerivedType {
  readonly type: ProvisioningProfileType;
  readonly reason: string;
  readonly warnings: readonly string[];
}

/**
 * Derives the profile type. The profile has no type key, so the rule reads three keys, in order:
 *
 * 1. `ProvisionsAllDevices` true: the app runs on any device. That is a Developer ID profile when
 *    every `Platform` is `OSX`, and an enterprise (in-house) profile otherwise.
 * 2. `get-task-allow` true: only development signing lets a debugger attach, so development.
 * 3. `ProvisionedDevices` present: a device list without debugging is ad hoc.
 * 4. Otherwise, no devices at all: App Store (TestFlight uses the same profiles).
 *
 * Combinations that Apple does not issue still get a type, plus a warning.
 *
 * NOTE: macOS has no ad hoc distribution. A macOS development profile that lacks both
 * `get-task-allow` forms is reported as ad hoc; no such profile was available to check.
 */
export function deriveProfileType(evidence: TypeEvidence): DerivedType {
  const warnings: string[] = [];
  const devices = `${evidence.deviceCount} device${evidence.deviceCount === 1 ? '' : 's'}`;

  if (evidence.provisionsAllDevices) {
    if (evidence.hasDeviceList) warnings.push(`ProvisionsAllDevices is true but the profile also lists ${devices} in ProvisionedDevices`);
    const macOnly = evidence.platforms.length > 0 && evidence.platforms.every((platform) => platform === PLATFORM_MACOS);
    if (macOnly) return { type: 'developer-id', reason: 'ProvisionsAllDevices is true and the only platform is OSX', warnings };
    return { type: 'enterprise', reason: 'ProvisionsAllDevices is true', warnings };
  }

  if (evidence.getTaskAllow) {
    if (!evidence.hasDeviceList) warnings.push('get-task-allow is true but the profile has no ProvisionedDevices, which development profiles always carry');
    return { type: 'development', reason: `get-task-allow is true (${devices} listed)`, warnings };
  }

  if (evidence.hasDeviceList) return { type: 'ad-hoc', reason: `get-task-allow is false and ${devices} listed`, warnings };

  return { type: 'app-store', reason: 'no ProvisionedDevices and no ProvisionsAllDevices', warnings };
}
