// The enrolled devices table: its columns, the rows it sorts, and how times are shown.

import type { EnrolledDevice } from '../../shared/enrolment/devices.ts';
import { DEVICE_ATTRIBUTE_NAMES } from '../../shared/enrolment/device-attributes.ts';
import { sortRows, type SortOrder } from '../inspect/table-sort.ts';

export type DeviceColumn = 'deviceId' | 'status' | 'attributes' | 'certificateSerial' | 'issuedAt' | 'lastSeen' | 'requestCount';

export const DEVICE_COLUMNS: readonly { readonly key: DeviceColumn; readonly label: string }[] = [
  { key: 'deviceId', label: 'Device' },
  { key: 'status', label: 'Status' },
  { key: 'attributes', label: 'Attributes' },
  { key: 'certificateSerial', label: 'Certificate serial' },
  { key: 'issuedAt', label: 'Issued' },
  { key: 'lastSeen', label: 'Last seen' },
  { key: 'requestCount', label: 'Requests' },
];

export const DEFAULT_DEVICE_ORDER: SortOrder<DeviceColumn> = { column: 'lastSeen', direction: 'descending' };

export interface DeviceRow {
  readonly deviceId: string;
  readonly status: string;
  /** The attributes as `NAME value` pairs, known names first, for sorting and display. */
  readonly attributes: string;
  readonly certificateSerial: string | null;
  readonly issuedAt: string | null;
  readonly lastSeen: string;
  readonly requestCount: number;
  readonly device: EnrolledDevice;
}

/** Returns the attribute entries of a device, known names in their usual order, others after them by name. */
export function orderedAttributes(attributes: Readonly<Record<string, string>>): [string, string][] {
  const known = DEVICE_ATTRIBUTE_NAMES.filter((name) => Object.hasOwn(attributes, name));
  const others = Object.keys(attributes)
    .filter((name) => !DEVICE_ATTRIBUTE_NAMES.includes(name))
    .sort();
  return [...known, ...others].map((name) => [name, attributes[name]]);
}

/** Returns the table rows in the order given; ISO-8601 times sort as text, which is their time order. */
export function deviceRows(devices: readonly EnrolledDevice[], order: SortOrder<DeviceColumn>): DeviceRow[] {
  const rows = devices.map((device) => ({
    deviceId: device.deviceId,
    status: device.status,
    attributes: orderedAttributes(device.attributes)
      .map(([name, value]) => `${name} ${value}`)
      .join(', '),
    certificateSerial: device.certificateSerial,
    issuedAt: device.issuedAt,
    lastSeen: device.lastSeen,
    requestCount: device.requestCount,
    device,
  }));
  return sortRows(rows, order);
}

/** Shows an ISO-8601 time as `2026-12-04 20:55:01 UTC`, the same on every machine; '' for null. */
export function formatTime(iso: string | null): string {
  if (iso === null) return '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
