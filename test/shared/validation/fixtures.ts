// Small builders for validation tests: profiles written as XML text, read by the project's
// positioned XML reader, so that findings carry real lines and columns.

import { parseXmlPlistText } from '../../../shared/plist/xml/reader.ts';
import { array, dict, int, str, type PlistDict, type PlistValue } from '../../../shared/plist/model.ts';
import type { Diagnostic } from '../../../shared/validation/diagnostic.ts';

/** Parses XML plist text into the positioned model. */
export function parseXml(xml: string): PlistValue {
  return parseXmlPlistText(xml, { file: 'test.mobileconfig' }).value;
}

/** Writes a payload dictionary's XML with the four identity keys and `extra` keys (XML key/value pairs). */
export function payloadXml(type: string, uuid: string, identifier: string, extra = ''): string {
  return `<dict>
<key>PayloadIdentifier</key><string>${identifier}</string>
<key>PayloadType</key><string>${type}</string>
<key>PayloadUUID</key><string>${uuid}</string>
<key>PayloadVersion</key><integer>1</integer>
${extra}
</dict>`;
}

/** Writes a complete Configuration profile around `payloads`, with `extra` top-level keys. */
export function profileXml(payloads: string[], extra = '', topUuid = '5C1D2E3F-4A5B-4C6D-8E7F-9A0B1C2D3E4F'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0">
<dict>
<key>PayloadContent</key>
<array>
${payloads.join('\n')}
</array>
<key>PayloadIdentifier</key><string>com.example.profile</string>
<key>PayloadType</key><string>Configuration</string>
<key>PayloadUUID</key><string>${topUuid}</string>
<key>PayloadVersion</key><integer>1</integer>
${extra}
</dict>
</plist>
`;
}

/** Builds a Configuration profile dictionary around `payloads`, with `extra` top-level entries. */
export function profileDict(payloads: readonly PlistDict[], extra: readonly [string, PlistValue][] = []): PlistDict {
  return dict([
    ['PayloadContent', array(payloads)],
    ['PayloadIdentifier', str('com.example.profile')],
    ['PayloadType', str('Configuration')],
    ['PayloadUUID', str('5C1D2E3F-4A5B-4C6D-8E7F-9A0B1C2D3E4F')],
    ['PayloadVersion', int(1)],
    ...extra,
  ]);
}

/** Findings reduced to what most tests compare: severity, code and path. */
export function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.severity} ${d.code} ${d.path}`);
}
