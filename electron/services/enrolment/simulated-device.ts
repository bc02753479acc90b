// The attributes a simulated device reports: given values first, then plausible made-up
// ones, so that every attribute a profile may request has a value.

import { randomBytes } from 'node:crypto';

/** Values for the attributes a profile can request; any left out are made up. */
export interface SimulatedDevice {
  readonly udid?: string;
  readonly serial?: string;
  readonly product?: string;
  readonly version?: string;
  readonly deviceName?: string;
  readonly imei?: string;
  readonly meid?: string;
  readonly iccid?: string;
  readonly macAddress?: string;
  readonly imsi?: string;
  readonly ecid?: string;
}

/** Returns a value for every known attribute name. Made-up identifiers are random, so that devices differ. */
export function deviceAttributeValues(device: SimulatedDevice): Readonly<Record<string, string>> {
  const hex = (bytes: number): string => randomBytes(bytes).toString('hex').toUpperCase();
  const digits = (count: number): string => Array.from(randomBytes(count), (byte) => String(byte % 10)).join('');
  return {
    // The UDID form of devices since 2018: 8 hex digits of chip id, a dash, 16 hex digits.
    UDID: device.udid ?? `00008120-${hex(8)}`,
    VERSION: device.version ?? '17.4',
    PRODUCT: device.product ?? 'iPhone15,2',
    SERIAL: device.serial ?? `SIM${hex(5).slice(0, 9)}`,
    MEID: device.meid ?? hex(7).slice(0, 14),
    IMEI: device.imei ?? digits(15),
    ICCID: device.iccid ?? `8933${digits(16)}`,
    MAC_ADDRESS_EN0: device.macAddress ?? (hex(6).match(/../g) ?? []).join(':').toLowerCase(),
    DEVICE_NAME: device.deviceName ?? 'Simulated iPhone',
    IMSI: device.imsi ?? `20801${digits(10)}`,
    ECID: device.ecid ?? `0x${hex(7)}`,
  };
}
