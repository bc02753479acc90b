// Grouping scanned profiles: duplicates by UUID and App ID, and the profiles that include a device.

import type { DeviceLookup, DeviceMatch, DuplicateGroup, ProfileReference, ProvisioningEntry } from './report.ts';

export function referenceOf(entry: ProvisioningEntry): ProfileReference {
  const { facts } = entry;
  return { file: entry.file, name: facts.name, uuid: facts.uuid, type: facts.type, expirationDate: facts.expirationDate, expired: facts.expired };
}

/**
 * Returns the groups of two or more profiles with the same key, sorted by key. Profiles without
 * a key (no App ID) are left out. A UUID shared by two files is the same profile downloaded
 * twice. An App ID shared by several profiles is normal (development, ad hoc, App Store), but it
 * is also how stale copies pile up, so the report lists both kinds.
 */
export function findDuplicates(entries: readonly ProvisioningEntry[], keyOf: (entry: ProvisioningEntry) => string | undefined): DuplicateGroup[] {
  const groups = new Map<string, ProvisioningEntry[]>();
  for (const entry of entries) {
    const key = keyOf(entry);
    if (key === undefined) continue;
    const group = groups.get(key) ?? [];
    group.push(entry);
    groups.set(key, group);
  }

  return [...groups.entries()]
    .filter(([, group]) => group.length > 1)
    .sort(([a], [b]) => compareText(a, b))
    .map(([key, group]) => ({ key, profiles: group.map(referenceOf) }));
}

/**
 * Lists the profiles an app signed with them would run on `udid`: those that list it in
 * ProvisionedDevices, compared without regard to case because tools print UDIDs in either case,
 * and those with ProvisionsAllDevices.
 */
export function lookUpDevice(entries: readonly ProvisioningEntry[], udid: string): DeviceLookup {
  const requested = udid.trim().toLowerCase();
  const profiles: DeviceMatch[] = [];
  for (const entry of entries) {
    if (entry.facts.devices.some((device) => device.toLowerCase() === requested)) profiles.push({ ...referenceOf(entry), match: 'listed' });
    else if (entry.facts.provisionsAllDevices) profiles.push({ ...referenceOf(entry), match: 'all-devices' });
  }
  return { udid, profiles };
}

/** Orders text by code unit, so that output does not depend on the machine's locale. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
