// Platform and OS-version checks for payloads and keys.

import type { SourcePosition } from '../plist/model.ts';
import type { PlatformSupport, SupportedOS } from '../schema/model.ts';
import { DIAGNOSTIC_CODES } from './codes.ts';
import type { PathNode, ValidationContext } from './context.ts';

/** Parses `14.2.1` into [14, 2, 1]; returns undefined for anything else. */
export function parseOsVersion(text: string): number[] | undefined {
  if (!/^\d+(\.\d+)*$/.test(text.trim())) return undefined;
  return text.trim().split('.').map(Number);
}

/** Compares two versions component by component; missing components count as 0. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export interface PlatformSubject {
  /** `payload com.apple.dock` or `key allowCamera`, for messages. */
  readonly label: string;
  readonly path: PathNode | undefined;
  readonly pos: SourcePosition | undefined;
}

/**
 * Reports the facts `supportedOS` states about the chosen platform and version for `subject`.
 * Returns false when the subject is unavailable there, so that callers skip checks inside it.
 * Does nothing when no platform was chosen or `supportedOS` does not list the platform.
 */
export function checkPlatformSupport(context: ValidationContext, supportedOS: SupportedOS | undefined, subject: PlatformSubject, isPayload: boolean): boolean {
  const platform = context.settings.platform;
  if (!platform || !supportedOS) return true;
  const support: PlatformSupport | undefined = supportedOS[platform];
  if (!support) return true;
  const { label, path, pos } = subject;

  if (support.unavailable) {
    context.report('warning', DIAGNOSTIC_CODES.unsupportedPlatform, `${label} is not supported on ${platform}; remove it or choose another target platform.`, path, pos);
    return false;
  }

  const version = context.settings.osVersion;
  if (version) {
    const wanted = version.join('.');
    const introduced = support.introduced ? parseOsVersion(support.introduced) : undefined;
    if (introduced && compareVersions(version, introduced) < 0) {
      context.report('warning', DIAGNOSTIC_CODES.notYetAvailable, `${label} needs ${platform} ${support.introduced} or later; devices on ${platform} ${wanted} ignore it.`, path, pos);
    }
    const removed = support.removed ? parseOsVersion(support.removed) : undefined;
    const deprecated = support.deprecated ? parseOsVersion(support.deprecated) : undefined;
    if (removed && compareVersions(version, removed) >= 0) {
      context.report('warning', DIAGNOSTIC_CODES.removedInVersion, `${label} was removed in ${platform} ${support.removed}; devices on ${platform} ${wanted} ignore it.`, path, pos);
    } else if (deprecated && compareVersions(version, deprecated) >= 0) {
      context.report('warning', DIAGNOSTIC_CODES.deprecatedInVersion, `${label} is deprecated since ${platform} ${support.deprecated}; plan to replace it.`, path, pos);
    }
  }

  // TODO: support.userEnrollment and support.sharedIpad are not checked, because the options
  // carry no enrollment type (User Enrollment, Shared iPad) to check them against.
  if (support.supervised) {
    context.report('info', DIAGNOSTIC_CODES.requiresSupervision, `${label} takes effect only on supervised ${platform} devices.`, path, pos);
  }
  if (isPayload && support.allowManualInstall === false) {
    context.report('info', DIAGNOSTIC_CODES.manualInstallNotAllowed, `${label} installs on ${platform} only through MDM; opening the profile on the device will not apply it.`, path, pos);
  }
  return true;
}
