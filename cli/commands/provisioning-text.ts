// The readable (non-JSON) forms of provisioning-profile facts: the folder report and the
// section `mobileconfig inspect` prints for one profile.

import path from 'node:path';
import type { ProvisioningEntry, ProvisioningFolderReport, ProfileReference } from '../../electron/services/provisioning/report.ts';
import { DAY_MS } from '../../shared/provisioning/expiry.ts';
import type { DeveloperCertificateFacts, ProvisioningProfileFacts, ProvisioningProfileType } from '../../shared/provisioning/model.ts';

export function typeLabel(type: ProvisioningProfileType): string {
  switch (type) {
    case 'development':
      return 'development';
    case 'ad-hoc':
      return 'ad hoc';
    case 'app-store':
      return 'App Store';
    case 'enterprise':
      return 'enterprise';
    case 'developer-id':
      return 'Developer ID';
    default:
      return assertNeverType(type);
  }
}

function assertNeverType(type: never): never {
  throw new Error(`unknown provisioning profile type ${String(type)}`);
}

/** Returns `300 days left`, `expires within a day` or `expired 5 days ago`, in whole days rounded down. */
export function describeExpiry(expiry: string, asOf: string): string {
  const remaining = Date.parse(expiry) - Date.parse(asOf);
  const days = Math.floor(Math.abs(remaining) / DAY_MS);
  const plural = days === 1 ? '' : 's';
  if (remaining <= 0) return days === 0 ? 'expired less than a day ago' : `expired ${days} day${plural} ago`;
  return days === 0 ? 'expires within a day' : `${days} day${plural} left`;
}

/** Lines for one profile, indented under an inspect report's file name. */
export function formatProvisioningFacts(facts: ProvisioningProfileFacts, indent = '  '): string[] {
  const lines: string[] = [];
  const add = (label: string, value: string): void => {
    lines.push(`${indent}${`${label}:`.padEnd(14)}${value}`);
  };

  add('name', facts.name ?? '(no Name)');
  add('UUID', facts.uuid);
  add('app ID', `${facts.appId ?? '(unknown)'}${facts.appIdName !== undefined ? ` (${facts.appIdName})` : ''}${facts.wildcardAppId ? ', wildcard' : ''}`);
  add('team', `${facts.teamName ?? '(no TeamName)'} (${facts.teamIdentifiers.join(', ') || 'no TeamIdentifier'})`);
  add('platforms', facts.platforms.join(', ') || '(not stated)');
  add('type', `${typeLabel(facts.type)}: ${facts.typeReason}`);
  add('created', facts.creationDate ?? '(no CreationDate)');
  add('expires', `${facts.expirationDate}, ${describeExpiry(facts.expirationDate, facts.asOf)} (as of ${facts.asOf})`);

  if (facts.provisionsAllDevices) add('devices', 'all (ProvisionsAllDevices)');
  else add('devices', String(facts.devices.length));
  for (const device of facts.devices) lines.push(`${indent}  ${device}`);

  lines.push(`${indent}entitlements:`);
  for (const [key, value] of Object.entries(facts.entitlements)) lines.push(`${indent}  ${key}: ${JSON.stringify(value)}`);

  const expiredCount = facts.certificates.filter((certificate) => certificate.expired).length;
  lines.push(`${indent}developer certificates: ${facts.certificates.length}${expiredCount > 0 ? `, ${expiredCount} expired` : ''}${facts.allCertificatesExpired ? ' (all expired: no one can sign with this profile)' : ''}`);
  for (const certificate of facts.certificates) lines.push(...formatDeveloperCertificate(certificate, facts.asOf, `${indent}  `));
  return lines;
}

function formatDeveloperCertificate(certificate: DeveloperCertificateFacts, asOf: string, indent: string): string[] {
  const state = certificate.expired ? `EXPIRED, ${describeExpiry(certificate.notAfter, asOf)}` : describeExpiry(certificate.notAfter, asOf);
  return [
    `${indent}[${certificate.index}] ${certificate.subject}`,
    `${indent}    team ${certificate.team ?? '(no OU)'}; serial ${certificate.serialNumber}; issuer ${certificate.issuer}`,
    `${indent}    valid ${certificate.notBefore} to ${certificate.notAfter}: ${state}`,
    `${indent}    SHA-1 ${certificate.sha1}`,
    `${indent}    SHA-256 ${certificate.sha256}`,
  ];
}

/** Formats the folder report: a table sorted by expiry, then duplicates, the device lookup, warnings and a summary line. */
export function formatProvisioningReport(report: ProvisioningFolderReport): string {
  const lines: string[] = [`Provisioning profiles in ${report.folder}, as of ${report.asOf} (expiring soon: within ${report.expiringWithinDays} days)`, ''];

  // The table.
  const header = ['EXPIRES', 'DAYS', 'TYPE', 'NAME', 'APP ID', 'FILE', 'FLAGS'];
  const rows = report.profiles.map((entry) => [
    entry.facts.expirationDate.slice(0, 10),
    String(entry.facts.daysLeft),
    typeLabel(entry.facts.type),
    entry.facts.name ?? '',
    entry.facts.appId ?? '',
    path.basename(entry.file),
    flagsOf(entry).join(', '),
  ]);
  if (rows.length === 0) lines.push('No provisioning profiles found.');
  else lines.push(...formatTable(header, rows));

  // Groups and lookup.
  if (report.duplicateUuids.length > 0) {
    lines.push('', 'Same UUID in several files (one profile saved more than once):');
    for (const group of report.duplicateUuids) lines.push(`  ${group.key}: ${group.profiles.map(describeReference).join('; ')}`);
  }
  if (report.duplicateAppIds.length > 0) {
    lines.push('', 'Several profiles for one App ID:');
    for (const group of report.duplicateAppIds) lines.push(`  ${group.key}: ${group.profiles.map(describeReference).join('; ')}`);
  }
  if (report.device) {
    lines.push('', `Profiles that include device ${report.device.udid}:`);
    if (report.device.profiles.length === 0) lines.push('  none');
    for (const match of report.device.profiles) lines.push(`  ${describeReference(match)}, ${match.match === 'listed' ? 'listed in ProvisionedDevices' : 'all devices (ProvisionsAllDevices)'}`);
  }

  // Problems that did not stop a file, then what was passed over.
  const warnings = report.profiles.flatMap((entry) => entry.warnings.map((warning) => `  ${path.basename(entry.file)}: ${warning}`));
  if (warnings.length > 0) lines.push('', 'Warnings:', ...warnings);
  if (report.skipped.length > 0) {
    lines.push('', 'Skipped:');
    for (const skipped of report.skipped) lines.push(`  ${path.basename(skipped.file)}: ${skipped.reason}`);
  }

  const s = report.summary;
  lines.push('', `${s.profiles} profile${s.profiles === 1 ? '' : 's'}: ${s.expired} expired, ${s.expiringSoon} expiring within ${report.expiringWithinDays} days, ${s.allCertificatesExpired} with every developer certificate expired; ${s.failed} failed, ${s.skipped} skipped.`);
  return `${lines.join('\n')}\n`;
}

function flagsOf(entry: ProvisioningEntry): string[] {
  const flags: string[] = [];
  if (entry.facts.expired) flags.push('EXPIRED');
  if (entry.expiringSoon) flags.push('expiring soon');
  if (entry.facts.allCertificatesExpired) flags.push('all certificates expired');
  if (!entry.signed) flags.push('unsigned');
  if (entry.signature && !entry.signature.signatureValid) flags.push('signature invalid');
  return flags;
}

function describeReference(reference: ProfileReference): string {
  const state = reference.expired ? 'expired' : 'expires';
  return `${path.basename(reference.file)} (${typeLabel(reference.type)}, ${state} ${reference.expirationDate.slice(0, 10)})`;
}

/** Pads columns to their widest cell; the days column is right-aligned, the last column is not padded. */
function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const render = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => {
        if (column === cells.length - 1) return cell;
        return column === 1 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]);
      })
      .join('  ')
      .trimEnd();
  return [render(header), ...rows.map(render)];
}
