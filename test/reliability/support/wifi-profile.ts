// A Wi-Fi profile whose payload carries a known password, for the secret-leak tests.

import { writeXmlPlist } from '../../../shared/plist/xml/writer.ts';
import { dict, int, str } from '../../../shared/plist/model.ts';

/** Returns the XML of a profile with one Wi-Fi payload whose Password is `password`. */
export function wifiProfileXml(password: string, identifier: string): string {
  const payload = dict([
    ['EncryptionType', str('WPA2')],
    ['Password', str(password)],
    ['PayloadIdentifier', str(`${identifier}.wifi`)],
    ['PayloadType', str('com.apple.wifi.managed')],
    ['PayloadUUID', str('5E0B7C2A-1111-4222-8333-944455556666')],
    ['PayloadVersion', int(1)],
    ['SSID_STR', str('Office')],
  ]);
  return writeXmlPlist(
    dict([
      ['PayloadContent', { kind: 'array', items: [payload] }],
      ['PayloadIdentifier', str(identifier)],
      ['PayloadType', str('Configuration')],
      ['PayloadUUID', str('0C1D2E3F-4A5B-4C6D-8E7F-8091A2B3C4D5')],
      ['PayloadVersion', int(1)],
    ]),
  );
}
