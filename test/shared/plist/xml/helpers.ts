// Small builders shared by the XML plist tests.

import { stripPositions, type PlistValue } from '../../../../shared/plist/model.ts';
import { parseXmlPlistText } from '../../../../shared/plist/xml/reader.ts';

export const APPLE_HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n';

/** Wraps element text in the Apple header and a <plist> element. */
export function plistDocument(body: string): string {
  return `${APPLE_HEADER}<plist version="1.0">\n${body}\n</plist>\n`;
}

/** Parses XML text and returns the value without positions. */
export function readText(xml: string): PlistValue {
  return stripPositions(parseXmlPlistText(xml).value);
}
