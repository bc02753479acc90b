// The tables of a folder result: one row per file, and one row per provisioning profile with
// the expiry and duplicate flags of `mobileconfig provisioning report`.

import { formatCsv } from '../../../shared/report/csv.ts';
import type { FolderRow, ProvisioningRow } from '../../../shared/ipc/screens.ts';
import { expiresWithin } from '../../../shared/provisioning/expiry.ts';
import type { InspectReport } from '../../../shared/report/inspect-report.ts';
import { findDuplicates, type ProvisioningEntry } from '../../services/provisioning/index.ts';
import { compareText } from '../../services/provisioning/references.ts';

/** Returns the table row of one file; the columns are those of `folderReportCsv`. */
export function folderRow(report: InspectReport): FolderRow {
  const signer = report.signers?.[0];
  return {
    file: report.file,
    ok: report.ok,
    kind: report.kind ?? '',
    container: report.container ?? '',
    signed: report.signed ?? null,
    signatureStatus: report.signature?.status ?? '',
    signer: signer?.subject ?? '',
    signerExpires: signer?.notAfter ?? '',
    encrypted: report.encrypted ?? null,
    identifier: stringOrEmpty(report.top?.PayloadIdentifier),
    displayName: stringOrEmpty(report.top?.PayloadDisplayName),
    payloads: report.payloads?.length ?? null,
    error: report.error ?? '',
    warnings: report.warnings.join('; '),
  };
}

/** Returns the provisioning profiles among `reports`, soonest expiry first, with expiry and duplicate flags. */
export function provisioningRows(reports: readonly InspectReport[], now: Date, expiringWithinDays: number): ProvisioningRow[] {
  const entries: ProvisioningEntry[] = reports.flatMap((report) =>
    report.provisioning
      ? [
          {
            file: report.file,
            facts: report.provisioning,
            expiringSoon: expiresWithin(Date.parse(report.provisioning.expirationDate), now.getTime(), expiringWithinDays),
            signed: report.signed ?? false,
            signature: report.signature,
            warnings: report.warnings,
          },
        ]
      : [],
  );

  const sharedUuid = filesIn(findDuplicates(entries, (entry) => entry.facts.uuid));
  const sharedAppId = filesIn(findDuplicates(entries, (entry) => entry.facts.appId));
  return entries
    .map((entry) => ({
      file: entry.file,
      name: entry.facts.name ?? '',
      uuid: entry.facts.uuid,
      appId: entry.facts.appId ?? '',
      team: [entry.facts.teamName, ...entry.facts.teamIdentifiers].filter(Boolean).join(' '),
      type: entry.facts.type,
      expirationDate: entry.facts.expirationDate,
      daysLeft: entry.facts.daysLeft,
      expired: entry.facts.expired,
      expiringSoon: entry.expiringSoon,
      devices: entry.facts.provisionsAllDevices ? null : entry.facts.devices.length,
      allCertificatesExpired: entry.facts.allCertificatesExpired,
      duplicateUuid: sharedUuid.has(entry.file),
      duplicateAppId: sharedAppId.has(entry.file),
      signatureStatus: entry.signature?.status ?? (entry.signed ? 'not checked' : 'unsigned'),
    }))
    .sort((a, b) => compareText(a.expirationDate, b.expirationDate) || compareText(a.file, b.file));
}

/** Formats provisioning rows as CSV, one column per field. */
export function provisioningCsv(rows: readonly ProvisioningRow[]): string {
  const header = ['file', 'name', 'uuid', 'app id', 'team', 'type', 'expires', 'days left', 'expired', 'expiring soon', 'devices', 'all certificates expired', 'duplicate uuid', 'duplicate app id', 'signature status'];
  return formatCsv(
    header,
    rows.map((row) => [
      row.file,
      row.name,
      row.uuid,
      row.appId,
      row.team,
      row.type,
      row.expirationDate,
      row.daysLeft,
      row.expired,
      row.expiringSoon,
      row.devices ?? 'all',
      row.allCertificatesExpired,
      row.duplicateUuid,
      row.duplicateAppId,
      row.signatureStatus,
    ]),
  );
}

function filesIn(groups: readonly { readonly profiles: readonly { readonly file: string }[] }[]): Set<string> {
  return new Set(groups.flatMap((group) => group.profiles.map((profile) => profile.file)));
}

function stringOrEmpty(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}
