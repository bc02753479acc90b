// Reading the facts of an app provisioning profile from its plist root.

import type { PlistDict } from '../plist/model.ts';
import { formatPlistDate, plistToJson, type JsonValue } from '../profile/json-value.ts';
import { describeDeveloperCertificates } from './certificates.ts';
import { isProvisioningProfile } from './detect.ts';
import { notProvisioningProfile } from './errors.ts';
import { daysUntil, profileHasExpired } from './expiry.ts';
import {
  ENTITLEMENT_APPLICATION_IDENTIFIER,
  ENTITLEMENT_GET_TASK_ALLOW,
  ENTITLEMENT_MACOS_APPLICATION_IDENTIFIER,
  ENTITLEMENT_MACOS_GET_TASK_ALLOW,
  KEY_APP_ID_NAME,
  KEY_APPLICATION_IDENTIFIER_PREFIX,
  KEY_CREATION_DATE,
  KEY_DER_ENCODED_PROFILE,
  KEY_DEVELOPER_CERTIFICATES,
  KEY_ENTITLEMENTS,
  KEY_EXPIRATION_DATE,
  KEY_IS_XCODE_MANAGED,
  KEY_NAME,
  KEY_PLATFORM,
  KEY_PROVISIONED_DEVICES,
  KEY_PROVISIONS_ALL_DEVICES,
  KEY_TEAM_IDENTIFIER,
  KEY_TEAM_NAME,
  KEY_TIME_TO_LIVE,
  KEY_UUID,
  KEY_VERSION,
} from './keys.ts';
import type { ParsedProvisioningProfile } from './model.ts';
import { deriveProfileType } from './profile-type.ts';
import { readArray, readBoolean, readData, readDate, readDict, readInteger, readString, readStringArray } from './read-keys.ts';

export interface ParseProvisioningOptions {
  /** The time expiry is computed against. Callers pass the clock's time; tests pass a fixed one. */
  readonly now: Date;
  /** Named in the error when the root is not a provisioning profile. */
  readonly file?: string;
}

/**
 * Reads the facts of a provisioning profile. Raises ProvisioningError when `root` lacks the keys
 * that `isProvisioningProfile` checks. Every other problem, such as a key of the wrong type or an
 * unreadable certificate, becomes a warning, and the fact is left out.
 */
export function parseProvisioningProfile(root: PlistDict, options: ParseProvisioningOptions): ParsedProvisioningProfile {
  if (!isProvisioningProfile(root)) throw notProvisioningProfile('plist', options.file);
  const now = options.now.getTime();
  const warnings: string[] = [];

  // Identity: the detection above guarantees UUID and ExpirationDate.
  const uuid = readString(root, KEY_UUID, warnings) ?? '';
  const expiration = readDate(root, KEY_EXPIRATION_DATE, warnings) ?? now;
  const creation = readDate(root, KEY_CREATION_DATE, warnings);
  if (creation !== undefined && creation > expiration) warnings.push(`CreationDate ${formatPlistDate(creation)} is after ExpirationDate ${formatPlistDate(expiration)}`);

  // App and team.
  const entitlementsDict = readDict(root, KEY_ENTITLEMENTS, warnings);
  if (!entitlementsDict) warnings.push('the profile has no Entitlements dictionary, so its App ID is unknown');
  const entitlements = entitlementsDict ? (plistToJson(entitlementsDict) as Record<string, JsonValue>) : {};
  const appId = entitlementsDict
    ? (readString(entitlementsDict, ENTITLEMENT_APPLICATION_IDENTIFIER, warnings, `Entitlements.${ENTITLEMENT_APPLICATION_IDENTIFIER}`) ??
      readString(entitlementsDict, ENTITLEMENT_MACOS_APPLICATION_IDENTIFIER, warnings, `Entitlements.${ENTITLEMENT_MACOS_APPLICATION_IDENTIFIER}`))
    : undefined;
  const prefixes = readStringArray(root, KEY_APPLICATION_IDENTIFIER_PREFIX, warnings) ?? [];
  const getTaskAllow = entitlementsDict
    ? (readBoolean(entitlementsDict, ENTITLEMENT_GET_TASK_ALLOW, warnings, `Entitlements.${ENTITLEMENT_GET_TASK_ALLOW}`) ??
      readBoolean(entitlementsDict, ENTITLEMENT_MACOS_GET_TASK_ALLOW, warnings, `Entitlements.${ENTITLEMENT_MACOS_GET_TASK_ALLOW}`) ??
      false)
    : false;

  // Devices and type.
  const deviceList = readStringArray(root, KEY_PROVISIONED_DEVICES, warnings);
  const provisionsAllDevices = readBoolean(root, KEY_PROVISIONS_ALL_DEVICES, warnings) ?? false;
  const platforms = readStringArray(root, KEY_PLATFORM, warnings) ?? [];
  const derived = deriveProfileType({ provisionsAllDevices, hasDeviceList: deviceList !== undefined, deviceCount: deviceList?.length ?? 0, getTaskAllow, platforms });
  warnings.push(...derived.warnings);

  // Certificates.
  const certificateItems = readArray(root, KEY_DEVELOPER_CERTIFICATES, warnings) ?? [];
  if (certificateItems.length === 0) warnings.push('DeveloperCertificates is empty: nobody can sign an app with this profile');
  const certificates = describeDeveloperCertificates(certificateItems, now, warnings);

  // TODO: DER-Encoded-Profile is the copy current systems trust (Apple TN3125), but only its size is
  // reported. Decoding it would let the report flag a plist that disagrees with it.
  const derProfile = readData(root, KEY_DER_ENCODED_PROFILE, warnings);
  const facts = {
    asOf: options.now.toISOString(),
    name: readString(root, KEY_NAME, warnings),
    uuid,
    appIdName: readString(root, KEY_APP_ID_NAME, warnings),
    appId,
    bundleId: appId === undefined ? undefined : stripPrefix(appId, prefixes),
    wildcardAppId: appId?.endsWith('*') ?? false,
    applicationIdentifierPrefixes: prefixes,
    teamIdentifiers: readStringArray(root, KEY_TEAM_IDENTIFIER, warnings) ?? [],
    teamName: readString(root, KEY_TEAM_NAME, warnings),
    platforms,
    type: derived.type,
    typeReason: derived.reason,
    creationDate: creation === undefined ? undefined : formatPlistDate(creation),
    expirationDate: formatPlistDate(expiration),
    daysLeft: daysUntil(expiration, now),
    expired: profileHasExpired(expiration, now),
    timeToLive: readInteger(root, KEY_TIME_TO_LIVE, warnings),
    version: readInteger(root, KEY_VERSION, warnings),
    xcodeManaged: readBoolean(root, KEY_IS_XCODE_MANAGED, warnings),
    getTaskAllow,
    provisionsAllDevices,
    devices: deviceList ?? [],
    entitlements,
    certificates,
    allCertificatesExpired: certificates.length > 0 && certificates.every((certificate) => certificate.expired),
    derEncodedProfileBytes: derProfile?.length,
  };
  return { facts, warnings };
}

/** Returns the App ID without its prefix: the bundle ID, or a pattern such as `com.example.*`. */
function stripPrefix(appId: string, prefixes: readonly string[]): string {
  const known = prefixes.find((prefix) => appId.startsWith(`${prefix}.`));
  if (known !== undefined) return appId.slice(known.length + 1);

  // Prefixes are ten characters without dots, so the first dot ends one even when the key is missing.
  const dot = appId.indexOf('.');
  return dot < 0 ? appId : appId.slice(dot + 1);
}
