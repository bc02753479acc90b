// The registry of devices that used an enrolment server, and its CSV export: the "how many
// devices use this server" report.

import { formatCsv } from '../report/csv.ts';
import { DEVICE_ATTRIBUTE_NAMES } from './device-attributes.ts';
import type { ProvisioningType } from './provisioning.ts';

export type DeviceStatus =
  /** Phase 1 accepted; the device has not obtained its identity yet. */
  | 'attributes-received'
  /** The CA issued the device identity (phase 2). */
  | 'identity-issued'
  /** The device fetched the final profile (phase 3, or phase 1 under no provisioning). */
  | 'enrolled'
  /** The administrator revoked the identity; custom provisioning turns the device away. */
  | 'revoked';

export interface EnrolledDevice {
  readonly deviceId: string;
  /** The attributes of the latest accepted request. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly provisioning: ProvisioningType;
  readonly status: DeviceStatus;
  /** Serial number of the identity certificate, lower-case hex; null until one is issued. */
  readonly certificateSerial: string | null;
  /** RFC 4514 subject of the identity certificate. */
  readonly certificateSubject: string | null;
  /** ISO-8601 end of the identity's validity. */
  readonly certificateNotAfter: string | null;
  /** ISO-8601 time the identity was issued. */
  readonly issuedAt: string | null;
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** Requests the device made that were accepted. */
  readonly requestCount: number;
  /** Whether the phase-1 signer chained to a device CA the administrator supplied; null when none was supplied. */
  readonly deviceCaTrusted: boolean | null;
  readonly revokedAt: string | null;
}

const LEADING_COLUMNS = ['deviceId', 'status', 'provisioning'] as const;
const TRAILING_COLUMNS = ['certificateSerial', 'certificateSubject', 'certificateNotAfter', 'issuedAt', 'firstSeen', 'lastSeen', 'requestCount', 'deviceCaTrusted', 'revokedAt'] as const;

/**
 * Formats devices as CSV (RFC 4180: CRLF line ends, fields quoted when needed). Each attribute
 * that any device reported gets a column, known names first in their usual order. A value
 * that starts with =, +, -, @, tab or CR gets a leading apostrophe, so that a spreadsheet
 * shows a device-supplied value as text instead of running it as a formula.
 */
export function devicesToCsv(devices: readonly EnrolledDevice[]): string {
  const reported = new Set(devices.flatMap((device) => Object.keys(device.attributes)));
  const known = DEVICE_ATTRIBUTE_NAMES.filter((name) => reported.has(name));
  const others = [...reported].filter((name) => !DEVICE_ATTRIBUTE_NAMES.includes(name)).sort();
  const attributeColumns = [...known, ...others];

  const header = [...LEADING_COLUMNS, ...attributeColumns, ...TRAILING_COLUMNS];
  const rows = devices.map((device) => [
    ...LEADING_COLUMNS.map((column) => device[column]),
    ...attributeColumns.map((name) => device.attributes[name] ?? ''),
    ...TRAILING_COLUMNS.map((column) => device[column]),
  ]);
  return formatCsv(header, rows);
}
