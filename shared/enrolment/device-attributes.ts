// Device attribute names a Profile Service payload can request in `DeviceAttributes`.
//
// The first nine are the ones Apple's over-the-air profile delivery documentation lists; IMSI
// and ECID appear in profiles and server code found in the field, and devices may ignore them.

export interface DeviceAttributeInfo {
  /** The key the device uses in its response, upper case as the protocol spells it. */
  readonly name: string;
  /** What the value is. */
  readonly label: string;
  /** True for the names in Apple's documentation, false for the ones only seen in use. */
  readonly documented: boolean;
}

export const DEVICE_ATTRIBUTES: readonly DeviceAttributeInfo[] = [
  { name: 'UDID', label: 'Unique device identifier', documented: true },
  { name: 'VERSION', label: 'OS version, or the OS build (such as 21E219) on some devices', documented: true },
  { name: 'PRODUCT', label: 'Model identifier, such as iPhone15,2', documented: true },
  { name: 'SERIAL', label: 'Serial number', documented: true },
  { name: 'MEID', label: 'Mobile equipment identifier (CDMA)', documented: true },
  { name: 'IMEI', label: 'International mobile equipment identity', documented: true },
  { name: 'ICCID', label: 'SIM card identifier', documented: true },
  { name: 'MAC_ADDRESS_EN0', label: 'Wi-Fi MAC address', documented: true },
  { name: 'DEVICE_NAME', label: 'Name the user gave the device', documented: true },
  { name: 'IMSI', label: 'Subscriber identity of the SIM', documented: false },
  { name: 'ECID', label: 'Exclusive chip identifier', documented: false },
];

/** The attribute names, in the order of DEVICE_ATTRIBUTES. */
export const DEVICE_ATTRIBUTE_NAMES: readonly string[] = DEVICE_ATTRIBUTES.map((attribute) => attribute.name);

/** Attributes a new enrolment profile requests unless the administrator picks others. */
export const DEFAULT_DEVICE_ATTRIBUTES: readonly string[] = ['UDID', 'VERSION', 'PRODUCT', 'SERIAL'];

/** The key that carries the challenge in the device's response (the profile's key is `Challenge`). */
export const CHALLENGE_RESPONSE_KEY = 'CHALLENGE';

/** Returns the description of a known attribute, or undefined. */
export function deviceAttributeInfo(name: string): DeviceAttributeInfo | undefined {
  return DEVICE_ATTRIBUTES.find((attribute) => attribute.name === name);
}

/**
 * Returns the id the server files a device under: UDID, else SERIAL, else IMEI, else MEID.
 * Returns undefined when the response has none of them.
 */
export function deviceIdOf(attributes: Readonly<Record<string, string>>): string | undefined {
  for (const name of ['UDID', 'SERIAL', 'IMEI', 'MEID']) {
    const value = attributes[name];
    if (value !== undefined && value.trim() !== '') return value;
  }
  return undefined;
}
