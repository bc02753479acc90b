// Interop with independent readers and writers: Python's plistlib and libplist's plistutil
// read what we write, and we read what plistlib writes, with the same values and types.
// Both sides are compared as type-tagged canonical JSON (test/support/plist-oracle.ts).

import { describe, expect, it } from 'vitest';

import { array, bool, data, date, dict, int, real, str, uid, type PlistValue } from '../../../../shared/plist/model.ts';
import { readXmlPlist } from '../../../../shared/plist/xml/reader.ts';
import { writeXmlPlist } from '../../../../shared/plist/xml/writer.ts';
import { needTools } from '../../../support/environment.ts';
import { modelCanonical, plistlibCanonical, plistlibCanonicalMany, plistlibDumps, plistlibDumpsMany, plistutilConvert, type CanonicalPlist } from '../../../support/plist-oracle.ts';
import { sampleDocuments } from './sample-documents.ts';

/** A hand-built document with every type, including the edges of each. */
const EVERY_TYPE = dict([
  ['PayloadDisplayName', str('M\u00fcnchen DNS \u{1F1E9}\u{1F1EA} <&> "q" \'a\'')],
  ['Multiline', str('first\nsecond\n\tindented\n')],
  ['CarriageReturns', str('crlf\r\nlone\rend')],
  ['Empty', str('')],
  ['\u6807\u8bc6', int(1n)],
  ['Integers', array([int(0n), int(-1n), int(9223372036854775807n), int(-9223372036854775808n), int(18446744073709551615n)])],
  ['Reals', array([real(1), real(1.1), real(-0), real(1e21), real(1e-7), real(5e-324), real(NaN), real(Infinity), real(-Infinity)])],
  ['Booleans', array([bool(true), bool(false)])],
  ['Dates', array([date(Date.UTC(2014, 1, 23, 9, 21, 6)), date(Date.UTC(1901, 0, 1)), date(Date.UTC(2100, 11, 31, 23, 59, 59))])],
  ['Data', array([data(new Uint8Array()), data(Uint8Array.from({ length: 300 }, (_, i) => (i * 7) & 255))])],
  ['Nested', dict([['Inner', dict([['Deeper', array([dict([]), array([])])]])]])],
]);

/**
 * Returns the canonical value as an XML reader sees it after libplist 2.2 wrote the text.
 * libplist writes CR raw, which XML newline normalisation turns into LF, and it writes -0.0 as 0.0.
 */
function asLibplistXmlReads(value: CanonicalPlist): CanonicalPlist {
  const normalize = (text: string): string => text.replace(/\r\n?/g, '\n');
  if ('string' in value) return { string: normalize(value.string) };
  if ('real' in value) return Object.is(value.real, -0) ? { real: 0 } : value;
  if ('array' in value) return { array: value.array.map(asLibplistXmlReads) };
  if ('dict' in value) return { dict: value.dict.map(([key, item]) => [normalize(key), asLibplistXmlReads(item)] as const) };
  return value;
}

const python = needTools('python3');
describe.skipIf(python.skip)('XML interop with plistlib' + python.reason, () => {
  it('plistlib reads our every-type document', () => {
    const xml = Buffer.from(writeXmlPlist(EVERY_TYPE));
    expect(plistlibCanonical(xml)).toEqual(modelCanonical(EVERY_TYPE));
  });

  it('plistlib reads our generated documents', () => {
    const values = sampleDocuments(40, 1, { carriageReturns: true });
    const outcomes = plistlibCanonicalMany(values.map((v) => Buffer.from(writeXmlPlist(v))));
    outcomes.forEach((outcome, i) => {
      expect(outcome).toEqual({ ok: true, value: modelCanonical(values[i]) });
    });
  });

  it('plistlib reads 128-bit integers we write', () => {
    const value = array([int(2n ** 128n - 1n), int(-(2n ** 127n))]);
    expect(plistlibCanonical(Buffer.from(writeXmlPlist(value)))).toEqual({
      array: [{ int: '340282366920938463463374607431768211455' }, { int: '-170141183460469231731687303715884105728' }],
    });
  });

  it('reads plistlib-written documents', () => {
    const expected = sampleDocuments(40, 2, { carriageReturns: false }).map(modelCanonical);
    const documents = plistlibDumpsMany(expected, 'xml');
    documents.forEach((xml, i) => {
      expect(modelCanonical(readXmlPlist(xml).value)).toEqual(expected[i]);
    });
  });

  it('writes exactly what plistlib writes', () => {
    // Without CR (plistlib turns it into LF) and UIDs (plistlib refuses them in XML), both writers agree to the byte.
    const value = dict(EVERY_TYPE.entries.filter((e) => e.key !== 'CarriageReturns').map((e) => [e.key, e.value] as [string, PlistValue]));
    expect(writeXmlPlist(value)).toBe(plistlibDumps(modelCanonical(value), 'xml').toString('utf8'));
    const samples = sampleDocuments(20, 3, { carriageReturns: false });
    const theirs = plistlibDumpsMany(samples.map(modelCanonical), 'xml');
    samples.forEach((sample, i) => {
      expect(writeXmlPlist(sample)).toBe(theirs[i].toString('utf8'));
    });
  });

  it('plistlib reads a UID as a CF$UID dict', () => {
    const xml = Buffer.from(writeXmlPlist(dict([['root', uid(7n)]])));
    expect(plistlibCanonical(xml)).toEqual({ dict: [['root', { dict: [['CF$UID', { int: '7' }]] }]] });
  });
});

/** Returns our reading of one scalar element, or 'rejected'. */
function ourScalar(xml: string): CanonicalPlist | 'rejected' {
  try {
    return modelCanonical(readXmlPlist(Buffer.from(`<plist>${xml}</plist>`)).value);
  } catch {
    return 'rejected';
  }
}

describe.skipIf(python.skip)('scalar spellings against plistlib' + python.reason, () => {
  // Where the readers differ on purpose, the difference is listed with our result.
  const DIFFERENCES: Record<string, CanonicalPlist | 'rejected'> = {
    '<real>1_0</real>': 'rejected', // Python's float() accepts digit separators; plist writers never produce them.
    '<integer>1_000</integer>': 'rejected', // likewise int()
    '<integer>-0x10</integer>': { int: '-16' }, // plistlib checks for 0x only at the start; CoreFoundation reads a signed hex value
    '<date>2014-02-23T09:21:06.034Z</date>': { date: '2014-02-23T09:21:06.034000Z' }, // plistlib has no fractional seconds
    '<date>2014-02-23Z</date>': 'rejected', // plistlib accepts truncated dates; Apple's format has every field
  };
  const SAME = [
    '<real>1.0</real>', '<real>-1.5e3</real>', '<real>1E+2</real>', '<real>.5</real>', '<real>5.</real>', '<real>nan</real>', '<real>NaN</real>',
    '<real>-inf</real>', '<real>+inf</real>', '<real>Infinity</real>', '<real>-infinity</real>', '<real>  2.5\n</real>', '<real>1e400</real>',
    '<real>-1e400</real>', '<real>4.9e-324</real>', '<real>0x10</real>', '<real>1.2.3</real>', '<real></real>',
    '<integer>42</integer>', '<integer> 42 </integer>', '<integer>+5</integer>', '<integer>007</integer>', '<integer>0X1f</integer>',
    '<integer>0xDEADBEEF</integer>', '<integer>-9223372036854775809</integer>', '<integer>1.0</integer>', '<integer>1e3</integer>', '<integer></integer>',
    '<date>2014-02-23T09:21:06Z</date>', '<date>1969-12-31T23:59:59Z</date>',
  ];
  const documents = [...SAME, ...Object.keys(DIFFERENCES)];

  it('reads spellings as plistlib does', () => {
    const outcomes = plistlibCanonicalMany(documents.map((xml) => Buffer.from(`<plist>${xml}</plist>`)));
    documents.forEach((xml, i) => {
      const outcome = outcomes[i];
      const theirs = outcome.ok ? outcome.value : 'rejected';
      const expected = xml in DIFFERENCES ? DIFFERENCES[xml] : theirs;
      expect(ourScalar(xml), xml).toEqual(expected);
      if (xml in DIFFERENCES) expect(theirs, `plistlib on ${xml}`).not.toEqual(expected);
    });
  });
});

const plistutil = needTools('plistutil', 'python3');
describe.skipIf(plistutil.skip)('XML interop with plistutil' + plistutil.reason, () => {
  const documents = [EVERY_TYPE, ...sampleDocuments(20, 4, { carriageReturns: true })];

  it('plistutil converts our XML to the same binary values', () => {
    const binaries = documents.map((value) => plistutilConvert(Buffer.from(writeXmlPlist(value)), 'bin'));
    const outcomes = plistlibCanonicalMany(binaries);
    outcomes.forEach((outcome, i) => {
      expect(outcome).toEqual({ ok: true, value: modelCanonical(documents[i]) });
    });
  });

  it('reads plistutil XML back unchanged', () => {
    for (const value of documents) {
      const binary = plistutilConvert(Buffer.from(writeXmlPlist(value)), 'bin');
      const xml = plistutilConvert(binary, 'xml');
      expect(modelCanonical(readXmlPlist(xml).value)).toEqual(asLibplistXmlReads(modelCanonical(value)));
    }
  });
});
