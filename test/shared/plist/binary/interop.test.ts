// Interop of the binary codec with Python's plistlib and libplist's plistutil: each side
// reads what the other writes, compared through the tagged canonical JSON of plist-oracle.

import { describe, expect, it } from 'vitest';

import { dictGet, int, plistEqual, str, uid, type PlistValue } from '../../../../shared/plist/model.ts';
import { readBinaryPlist } from '../../../../shared/plist/binary/reader.ts';
import { writeBinaryPlist } from '../../../../shared/plist/binary/writer.ts';
import { needTools } from '../../../support/environment.ts';
import {
  modelCanonical,
  plistlibCanonical,
  plistlibCanonicalMany,
  plistlibDumps,
  plistutilConvert,
  type CanonicalPlist,
} from '../../../support/plist-oracle.ts';
import { sampleDocuments } from './sample-documents.ts';

const python = needTools('python3');
const pythonAndPlistutil = needTools('python3', 'plistutil');

describe.skipIf(python.skip)('keyed archiver UID' + python.reason, () => {
  // An NSKeyedArchiver-shaped document in which the UID 3 and the integer 3 must stay apart.
  const canonical: CanonicalPlist = {
    dict: [
      ['$archiver', { string: 'NSKeyedArchiver' }],
      ['$version', { int: '100000' }],
      ['$objects', { array: [{ string: '$null' }, { string: 'x' }, { string: 'y' }, { string: 'z' }] }],
      ['$top', { dict: [['root', { uid: '1' }]] }],
      ['u', { uid: '3' }],
      ['i', { int: '3' }],
    ],
  };

  it('reads plistlib UID apart from integer', () => {
    const bytes = plistlibDumps(canonical, 'binary');
    const value = readBinaryPlist(bytes);
    expect(value.kind).toBe('dict');
    if (value.kind !== 'dict') return;
    expect(dictGet(value, 'u')).toEqual(uid(3));
    expect(dictGet(value, 'i')).toEqual(int(3));
    expect(dictGet(value, '$archiver')).toEqual(str('NSKeyedArchiver'));
  });

  it('writes UID that plistlib reads as UID', () => {
    const value = readBinaryPlist(plistlibDumps(canonical, 'binary'));
    const ours = writeBinaryPlist(value);
    expect(plistlibCanonical(ours)).toEqual(canonical);
    // UID 3 is 0x80 0x03 and integer 3 is 0x10 0x03, each written once.
    const text = Buffer.from(ours).toString('hex');
    expect(text.match(/8003/g)).toHaveLength(1);
    expect(text.match(/1003/g)).toHaveLength(1);
  });
});

describe.skipIf(python.skip)('plistlib interop' + python.reason, () => {
  const documents = sampleDocuments(40, 20_261_204);

  it('plistlib reads our output', () => {
    const outcomes = plistlibCanonicalMany(documents.map(writeBinaryPlist));
    for (let i = 0; i < documents.length; i++) {
      expect(outcomes[i], `document ${i}`).toEqual({ ok: true, value: modelCanonical(documents[i]) });
    }
  });

  it('reads plistlib output', () => {
    // plistlib writes float32 reals as 8-byte reals of the same value, which canonical JSON
    // does not tell apart. It merges 0.0 and -0.0 into one object, so -0.0 is left out.
    const withoutNegativeZero = sampleDocuments(20, 20_261_205, { negativeZero: false });
    for (const [i, document] of withoutNegativeZero.entries()) {
      const canonical = modelCanonical(document);
      const value = readBinaryPlist(plistlibDumps(canonical, 'binary'));
      expect(modelCanonical(value), `document ${i}`).toEqual(canonical);
    }
  });

  it('writes plistlib bytes exactly', () => {
    // Without the three features where the two writers differ on purpose (see writer.ts),
    // both write the same file byte for byte.
    const sameLayout = sampleDocuments(15, 7, { uids: false, negativeZero: false, nan: false, float32: false });
    for (const [i, document] of sameLayout.entries()) {
      const theirs = plistlibDumps(modelCanonical(document), 'binary');
      expect(Buffer.from(writeBinaryPlist(document)).toString('hex'), `document ${i}`).toBe(theirs.toString('hex'));
    }
  });
});

describe.skipIf(pythonAndPlistutil.skip)('plistutil interop' + pythonAndPlistutil.reason, () => {
  it('libplist rewrites our binary losslessly', () => {
    // plistutil parses our file with libplist's binary reader and writes its own binary;
    // plistlib and our reader must both see the original values in it.
    const documents = sampleDocuments(25, 99);
    const rewritten = documents.map((document) => plistutilConvert(writeBinaryPlist(document), 'bin'));
    const outcomes = plistlibCanonicalMany(rewritten);
    for (let i = 0; i < documents.length; i++) {
      expect(outcomes[i], `document ${i}`).toEqual({ ok: true, value: modelCanonical(documents[i]) });
      expect(plistEqual(readBinaryPlist(rewritten[i]), documents[i]), `document ${i}`).toBe(true);
    }
  });

  it('libplist converts our binary to XML', () => {
    // XML cannot carry UIDs, date fractions, -0.0 or raw carriage returns, so these
    // documents leave them out.
    const documents = sampleDocuments(25, 1234, { uids: false, dateFractions: false, negativeZero: false, carriageReturns: false });
    const xml = documents.map((document) => plistutilConvert(writeBinaryPlist(document), 'xml'));
    const outcomes = plistlibCanonicalMany(xml);
    for (let i = 0; i < documents.length; i++) {
      expect(outcomes[i], `document ${i}`).toEqual({ ok: true, value: modelCanonical(documents[i]) });
    }
  });

  it('reads libplist binary from XML', () => {
    // plistlib writes XML, plistutil turns it into binary with libplist's writer, we read it.
    // plistutil 2.2 turned -0.0 into 0.0 on this path in some documents, so -0.0 is left
    // out along with what XML cannot carry.
    const documents = sampleDocuments(20, 4321, { uids: false, dateFractions: false, negativeZero: false, carriageReturns: false });
    for (const [i, document] of documents.entries()) {
      const canonical = modelCanonical(document);
      const binary = plistutilConvert(plistlibDumps(canonical, 'xml'), 'bin');
      const value: PlistValue = readBinaryPlist(binary, { file: `document ${i}` });
      expect(modelCanonical(value), `document ${i}`).toEqual(canonical);
    }
  });
});
