// Damaged input never crashes the reader: every truncation and random byte edits of a
// real-looking profile either reads or raises PlistError, never another error type.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { PlistError } from '../../../../shared/plist/errors.ts';
import { readXmlPlist } from '../../../../shared/plist/xml/reader.ts';
import { writeXmlPlist } from '../../../../shared/plist/xml/writer.ts';
import { sampleDocuments } from './sample-documents.ts';

const PROFILE = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\r\n' +
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\r\n' +
    '<!-- comment --><plist version="1.0">\r\n<dict>\r\n' +
    '\t<key>PayloadContent</key>\r\n\t<array>\r\n\t\t<dict>\r\n\t\t\t<key>Name</key>\r\n\t\t\t<string>M\u00fcnchen &amp; <![CDATA[<x>]]> &#x1F600;</string>\r\n' +
    '\t\t\t<key>Cert</key>\r\n\t\t\t<data>\r\n\t\t\tAAH/gA==\r\n\t\t\t</data>\r\n\t\t</dict>\r\n\t</array>\r\n' +
    '\t<key>Version</key>\r\n\t<integer>0x10</integer>\r\n\t<key>Ratio</key>\r\n\t<real>-1.5e3</real>\r\n' +
    '\t<key>When</key>\r\n\t<date>2014-02-23T09:21:06Z</date>\r\n\t<key>On</key>\r\n\t<true/>\r\n' +
    '</dict>\r\n</plist>\r\n',
);

/** Reads `bytes` and returns 'ok' or 'PlistError'; any other error fails the calling test. */
function outcomeOf(bytes: Uint8Array): 'ok' | 'PlistError' {
  try {
    readXmlPlist(bytes, { file: 'damaged.plist' });
    return 'ok';
  } catch (error) {
    if (error instanceof PlistError && error.file === 'damaged.plist') return 'PlistError';
    throw error;
  }
}

describe('damaged XML plists', () => {
  it('rejects every truncation cleanly', () => {
    for (let length = 0; length < PROFILE.length - 2; length++) {
      // Only the trailing CRLF may go without the document becoming incomplete.
      expect(outcomeOf(PROFILE.subarray(0, length)), `first ${length} bytes`).toBe('PlistError');
    }
    expect(outcomeOf(PROFILE)).toBe('ok');
  });

  it('survives random byte edits', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: PROFILE.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = Buffer.from(PROFILE);
        for (const [offset, byte] of edits) bytes[offset] = byte;
        outcomeOf(bytes);
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  it('survives edits of generated documents', () => {
    const documents = sampleDocuments(10, 5, { carriageReturns: true }).map((v) => Buffer.from(writeXmlPlist(v)));
    fc.assert(
      fc.property(fc.nat({ max: documents.length - 1 }), fc.nat(), fc.constantFrom('<', '>', '&', '"', '/', '\u0000', ']]>', '<!--', '<dict>', '</array>'), (index, position, insert) => {
        const source = documents[index];
        const at = position % source.length;
        outcomeOf(Buffer.concat([source.subarray(0, at), Buffer.from(insert), source.subarray(at)]));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
