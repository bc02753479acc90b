// App provisioning profiles made for tests, with an OpenSSL-made stand-in for Apple's signing chain.
//
// Each profile's plist is written by Python's plistlib from a spec (so the plist bytes do not
// come from the project's own writer), then signed with `openssl cms -sign -binary -nodetach
// -outform DER` by the throw-away PKI of openssl-pki.ts, as Apple signs real profiles. The
// developer certificates are issued by the same stand-in intermediate with fixed validity dates,
// so that every expiry fact is checked against FIXED_NOW and never against the wall clock.

import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pki } from './openssl-pki.ts';

/** The time every provisioning test computes expiry against. */
export const FIXED_NOW = new Date('2026-03-01T12:00:00Z');

const DAY_MS = 86_400_000;

/** `FIXED_NOW` moved by `days` days (negative for the past). */
export function daysFromNow(days: number): Date {
  return new Date(FIXED_NOW.getTime() + days * DAY_MS);
}

export const TEAM_ID = 'TEAM123456';
export const TEAM_NAME = 'Example Corp';

export interface DeveloperCertificate {
  readonly name: string;
  readonly certPath: string;
  readonly derPath: string;
  readonly der: Uint8Array;
}

/** Developer certificates issued by the stand-in intermediate, as Apple's WWDR CA issues them. */
export interface DeveloperCertificates {
  /** Valid 2025-06-01 to 2027-06-01: valid at FIXED_NOW. */
  readonly development: DeveloperCertificate;
  /** Valid 2025-09-01 to 2026-09-01: valid at FIXED_NOW. */
  readonly distribution: DeveloperCertificate;
  /** Valid 2024-01-01 to 2025-01-01: expired at FIXED_NOW. */
  readonly expired: DeveloperCertificate;
}

export interface ProfileSpec {
  /** File name inside the folder given to `writeProfile`. */
  readonly fileName: string;
  readonly name: string;
  readonly uuid: string;
  readonly appIdName: string;
  /** Bundle ID without the team prefix; `com.example.*` for a wildcard App ID. */
  readonly bundleId: string;
  readonly platforms?: readonly string[];
  readonly creationDate: Date;
  readonly expirationDate: Date;
  readonly timeToLive: number;
  readonly getTaskAllow: boolean;
  /** `ProvisionedDevices`; left out of the plist when undefined. */
  readonly devices?: readonly string[];
  /** `ProvisionsAllDevices`; left out of the plist when undefined. */
  readonly provisionsAllDevices?: boolean;
  /** The developer certificates, in order. */
  readonly certificates: readonly DeveloperCertificate[];
  /** Use the macOS entitlement names (`com.apple.application-identifier`). */
  readonly macos?: boolean;
  /** Further entitlements, JSON values (strings, booleans, arrays). */
  readonly entitlements?: Readonly<Record<string, unknown>>;
  /** Put a `DER-Encoded-Profile` of this many bytes in the plist. */
  readonly derEncodedProfileBytes?: number;
  /** Write the plist only, without the CMS signature. */
  readonly unsigned?: boolean;
}

/** Issues the three developer certificates. Call once after `makePki()`. */
export function makeDeveloperCertificates(pki: Pki): DeveloperCertificates {
  return {
    development: issueDeveloperCertificate(pki, 'dev-jane', `/UID=JANE000001/CN=Apple Development: Jane Doe (JANE000001)/OU=${TEAM_ID}/O=${TEAM_NAME}/C=US`, '20250601000000Z', '20270601000000Z'),
    distribution: issueDeveloperCertificate(pki, 'dist-team', `/UID=${TEAM_ID}/CN=Apple Distribution: ${TEAM_NAME} (${TEAM_ID})/OU=${TEAM_ID}/O=${TEAM_NAME}/C=US`, '20250901000000Z', '20260901000000Z'),
    expired: issueDeveloperCertificate(pki, 'dev-old', `/UID=OLD0000001/CN=Apple Development: Old Key (OLD0000001)/OU=${TEAM_ID}/O=${TEAM_NAME}/C=US`, '20240101000000Z', '20250101000000Z'),
  };
}

function issueDeveloperCertificate(pki: Pki, name: string, subject: string, start: string, end: string): DeveloperCertificate {
  // `openssl ca` is how OpenSSL 3.0 sets explicit validity dates; -preserveDN keeps UID, OU, O and C.
  pki.openssl(['req', '-new', '-utf8', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-subj', subject, '-out', `${name}.csr`]);
  pki.openssl(['ca', '-batch', '-config', 'ca.cnf', '-cert', 'intermediate.pem', '-keyfile', 'intermediate.key', '-in', `${name}.csr`, '-out', `${name}.pem`, '-startdate', start, '-enddate', end, '-notext', '-preserveDN']);
  pki.openssl(['x509', '-in', `${name}.pem`, '-outform', 'DER', '-out', `${name}.der`]);
  const derPath = path.join(pki.dir, `${name}.der`);
  return { name, certPath: path.join(pki.dir, `${name}.pem`), derPath, der: new Uint8Array(readFileSync(derPath)) };
}

// plistlib writes the plist; dates arrive as epoch seconds and become naive UTC datetimes, which
// plistlib writes with a Z suffix.
const PLIST_WRITER = `
import json, plistlib, sys
from datetime import datetime, timezone

spec = json.load(sys.stdin)

def utc(seconds):
    return datetime.fromtimestamp(seconds, timezone.utc).replace(tzinfo=None)

def der(der_path):
    with open(der_path, 'rb') as f:
        return f.read()

team = spec['teamId']
app_id = team + '.' + spec['bundleId']
if spec.get('macos'):
    entitlements = {
        'com.apple.application-identifier': app_id,
        'com.apple.developer.team-identifier': team,
        'keychain-access-groups': [team + '.*'],
    }
else:
    entitlements = {
        'application-identifier': app_id,
        'com.apple.developer.team-identifier': team,
        'get-task-allow': spec['getTaskAllow'],
        'keychain-access-groups': [team + '.*'],
    }
entitlements.update(spec.get('entitlements') or {})

root = {
    'AppIDName': spec['appIdName'],
    'ApplicationIdentifierPrefix': [team],
    'CreationDate': utc(spec['creationDate']),
    'DeveloperCertificates': [der(p) for p in spec['certificates']],
    'Entitlements': entitlements,
    'ExpirationDate': utc(spec['expirationDate']),
    'IsXcodeManaged': False,
    'Name': spec['name'],
    'TeamIdentifier': [team],
    'TeamName': spec['teamName'],
    'TimeToLive': spec['timeToLive'],
    'UUID': spec['uuid'],
    'Version': 1,
}
if spec.get('platforms') is not None:
    root['Platform'] = spec['platforms']
if spec.get('devices') is not None:
    root['ProvisionedDevices'] = spec['devices']
if spec.get('provisionsAllDevices') is not None:
    root['ProvisionsAllDevices'] = spec['provisionsAllDevices']
if spec.get('derEncodedProfileBytes'):
    root['DER-Encoded-Profile'] = bytes(i % 251 for i in range(spec['derEncodedProfileBytes']))

sys.stdout.buffer.write(plistlib.dumps(root, fmt=plistlib.FMT_XML))
`;

/** Returns the XML plist that plistlib writes for `spec`. */
export function writePlistXml(spec: ProfileSpec): Buffer {
  const input = JSON.stringify({
    ...spec,
    certificates: spec.certificates.map((certificate) => certificate.derPath),
    teamId: TEAM_ID,
    teamName: TEAM_NAME,
    creationDate: spec.creationDate.getTime() / 1000,
    expirationDate: spec.expirationDate.getTime() / 1000,
  });
  return execFileSync('python3', ['-c', PLIST_WRITER], { input, maxBuffer: 16 * 1024 * 1024 });
}

/** Writes the profile of `spec` into `folder`, signed by the PKI's RSA leaf unless `spec.unsigned`, and returns its path. */
export function writeProfile(pki: Pki, folder: string, spec: ProfileSpec): string {
  const plist = writePlistXml(spec);
  const plistPath = pki.write(`${spec.fileName}.plist`, plist);
  const target = path.join(folder, spec.fileName);
  if (spec.unsigned) {
    copyFileSync(plistPath, target);
    return target;
  }
  pki.openssl(['cms', '-sign', '-binary', '-nodetach', '-outform', 'DER', '-md', 'sha256', '-in', plistPath, '-signer', pki.leafRsa.certPath, '-inkey', pki.leafRsa.keyPath, '-certfile', pki.intermediate.certPath, '-out', target]);
  return target;
}

/** A certificate's facts as `openssl x509` prints them, in the report's formats. */
export interface OpensslCertificateFacts {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly sha1: string;
  readonly sha256: string;
}

export function opensslCertificateFacts(pki: Pki, certPath: string): OpensslCertificateFacts {
  const print = (...options: string[]): string => pki.openssl(['x509', '-in', certPath, '-noout', ...options, '-nameopt', 'RFC2253']).toString().trim();
  const afterEquals = (line: string): string => line.slice(line.indexOf('=') + 1);
  const fingerprint = (line: string): string => afterEquals(line).replace(/:/g, '').toLowerCase();
  return {
    subject: afterEquals(print('-subject')),
    issuer: afterEquals(print('-issuer')),
    serialNumber: afterEquals(print('-serial')).toLowerCase(),
    notBefore: new Date(afterEquals(print('-startdate'))).toISOString(),
    notAfter: new Date(afterEquals(print('-enddate'))).toISOString(),
    sha1: fingerprint(print('-fingerprint', '-sha1')),
    sha256: fingerprint(print('-fingerprint', '-sha256')),
  };
}

/** Device UDIDs: three in the current `8-16` form and one in the older 40-hex form. */
export const DEVICES = {
  a: '00008030-001544522E60802E',
  b: '00008101-000A1B2C3D4E5F60',
  c: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  d: '00008110-0011223344556677',
} as const;

export type StandardRole = 'development' | 'developmentCopy' | 'adHoc' | 'appStore' | 'enterprise' | 'expired' | 'expiring' | 'oldCertificate' | 'developerId';

/**
 * One profile for each combination of keys the report must tell apart. `developmentCopy` has
 * the UUID of `development`; development, its copy, ad hoc and App Store share one App ID.
 */
export function standardProfileSpecs(certificates: DeveloperCertificates): Record<StandardRole, ProfileSpec> {
  const common = { platforms: ['iOS'], creationDate: daysFromNow(-30), timeToLive: 365 };
  const development: ProfileSpec = {
    ...common,
    fileName: 'development.mobileprovision',
    name: 'Example App Development',
    uuid: '6F1A2B3C-0001-4D5E-8F90-A1B2C3D4E5F6',
    appIdName: 'Example App',
    bundleId: 'com.example.app',
    expirationDate: daysFromNow(300),
    getTaskAllow: true,
    devices: [DEVICES.a, DEVICES.b, DEVICES.c],
    certificates: [certificates.development, certificates.expired],
    entitlements: { 'aps-environment': 'development' },
  };
  return {
    development,
    developmentCopy: { ...development, fileName: 'development-copy.mobileprovision' },
    adHoc: {
      ...common,
      fileName: 'adhoc.mobileprovision',
      name: 'Example App Ad Hoc',
      uuid: '6F1A2B3C-0002-4D5E-8F90-A1B2C3D4E5F6',
      appIdName: 'Example App',
      bundleId: 'com.example.app',
      expirationDate: daysFromNow(120),
      getTaskAllow: false,
      devices: [DEVICES.a, DEVICES.d],
      certificates: [certificates.distribution],
    },
    appStore: {
      ...common,
      fileName: 'appstore.mobileprovision',
      name: 'Example App Store',
      uuid: '6F1A2B3C-0003-4D5E-8F90-A1B2C3D4E5F6',
      appIdName: 'Example App',
      bundleId: 'com.example.app',
      expirationDate: daysFromNow(200),
      getTaskAllow: false,
      certificates: [certificates.distribution],
      entitlements: { 'aps-environment': 'production', 'beta-reports-active': true },
      derEncodedProfileBytes: 300,
    },
    enterprise: {
      ...common,
      fileName: 'enterprise.mobileprovision',
      name: 'Example In-House',
      uuid: '6F1A2B3C-0004-4D5E-8F90-A1B2C3D4E5F6',
      appIdName: 'Example In-House',
      bundleId: 'com.example.inhouse',
      expirationDate: daysFromNow(250),
      getTaskAllow: false,
      provisionsAllDevices: true,
      certificates: [certificates.distribution],
    },
    expired: {
      ...common,
      fileName: 'expired.mobileprovision',
      name: 'Legacy Development',
      uuid: '6F1A2B3C-0005-4D5E-8F90-A1B2C3D4E5F6',
      appIdName: 'Legacy',
      bundleId: 'com.example.legacy',
      creationDate: daysFromNow(-370),
      expirationDate: daysFromNow(-5),
      getTaskAllow: true,
      devices: [DEVICES.b],
      certificates: [certificates.development],
    },
    expiring: {
      ...common,
      fileName: 'expiring.mobileprovision',
      name: 'Beta Ad Hoc',
      uuid: '6F1A2B3C-0006-4D5E-8F90-A1B2C3D4E5F6',
      appIdName: 'Beta',
      bundleId: 'com.example.beta',
      expirationDate: daysFromNow(10),
      getTaskAllow: false,
      devices: [DEVICES.c],
      certificates: [certificates.distribution],
    },
    oldCertificate: {
      ...common,
      fileName: 'old-certificate.mobileprovision',
      name: 'Tools Wildcard Development',
      uuid: '6F1A2B3C-0007-4D5E-8F90-A1B2C3D4E5F6',
      appIdName: 'Tools Wildcard',
      bundleId: 'com.example.*',
      expirationDate: daysFromNow(100),
      getTaskAllow: true,
      devices: [DEVICES.d],
      certificates: [certificates.expired],
    },
    developerId: {
      ...common,
      fileName: 'mac-app.provisionprofile',
      name: 'Mac App Developer ID',
      uuid: '6F1A2B3C-0008-4D5E-8F90-A1B2C3D4E5F6',
      appIdName: 'Mac App',
      bundleId: 'com.example.mac',
      platforms: ['OSX'],
      expirationDate: daysFromNow(6000),
      getTaskAllow: false,
      provisionsAllDevices: true,
      certificates: [certificates.distribution],
      macos: true,
    },
  };
}

/** Writes every standard profile into `folder` and returns the paths by role. */
export function writeStandardProfiles(pki: Pki, folder: string, specs: Record<StandardRole, ProfileSpec>): Record<StandardRole, string> {
  const paths = {} as Record<StandardRole, string>;
  for (const [role, spec] of Object.entries(specs) as [StandardRole, ProfileSpec][]) paths[role] = writeProfile(pki, folder, spec);
  return paths;
}
