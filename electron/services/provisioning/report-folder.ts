// The provisioning report of one folder: every profile with its expiry flags, duplicates and a device lookup.

import { expiresWithin } from '../../../shared/provisioning/expiry.ts';
import { compareText, findDuplicates, lookUpDevice } from './references.ts';
import type { ProvisioningEntry, ProvisioningFolderReport } from './report.ts';
import { scanProvisioningFolder, type FolderScanOptions } from './scan-folder.ts';

/** The window, in days, within which a profile counts as expiring soon unless the caller sets one. */
export const DEFAULT_EXPIRING_WITHIN_DAYS = 30;

export interface ProvisioningReportOptions extends FolderScanOptions {
  /** Profiles expiring within this many days of `now` are flagged; default DEFAULT_EXPIRING_WITHIN_DAYS. */
  readonly expiringWithinDays?: number;
  /** A device UDID: the report then lists the profiles that include it. */
  readonly device?: string;
}

/** Scans `folder` and builds its report. Raises ProvisioningFolderError when the folder cannot be listed. */
export async function reportProvisioningFolder(folder: string, options: ProvisioningReportOptions): Promise<ProvisioningFolderReport> {
  const within = options.expiringWithinDays ?? DEFAULT_EXPIRING_WITHIN_DAYS;
  const now = options.now.getTime();
  const scan = await scanProvisioningFolder(folder, options);

  // Entries, soonest expiry first.
  const profiles: ProvisioningEntry[] = scan.profiles
    .map((scanned) => ({ ...scanned, expiringSoon: expiresWithin(Date.parse(scanned.facts.expirationDate), now, within) }))
    .sort((a, b) => compareText(a.facts.expirationDate, b.facts.expirationDate) || compareText(a.file, b.file));

  return {
    folder,
    asOf: options.now.toISOString(),
    expiringWithinDays: within,
    summary: {
      profiles: profiles.length,
      expired: profiles.filter((entry) => entry.facts.expired).length,
      expiringSoon: profiles.filter((entry) => entry.expiringSoon).length,
      allCertificatesExpired: profiles.filter((entry) => entry.facts.allCertificatesExpired).length,
      failed: scan.failures.length,
      skipped: scan.skipped.length,
    },
    profiles,
    duplicateUuids: findDuplicates(profiles, (entry) => entry.facts.uuid),
    duplicateAppIds: findDuplicates(profiles, (entry) => entry.facts.appId),
    device: options.device === undefined ? undefined : lookUpDevice(profiles, options.device),
    failures: scan.failures,
    skipped: scan.skipped,
  };
}
