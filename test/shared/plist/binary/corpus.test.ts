// The binary codec on the shared corpus of real files. Every binary plist reads like
// plistlib reads it, and every broken one is rejected. Our binary output of every plist,
// XML ones included, reads back in plistlib and plistutil to the same values.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { PlistError } from '../../../../shared/plist/errors.ts';
import { detectPlistFormat, readPlist } from '../../../../shared/plist/index.ts';
import { dictGet, int, type PlistValue } from '../../../../shared/plist/model.ts';
import { readBinaryPlist } from '../../../../shared/plist/binary/reader.ts';
import { writeBinaryPlist } from '../../../../shared/plist/binary/writer.ts';
import { needCorpus, needTools } from '../../../support/environment.ts';
import { modelCanonical, plistlibCanonical, plistlibCanonicalMany, plistutilConvert } from '../../../support/plist-oracle.ts';

const corpus = needCorpus();
const tools = needTools('python3', 'plistutil');
const filesDir = path.join(corpus.dir, 'files');

/** Names of the corpus's binary plists, split into well-formed and broken ones. */
function binaryFiles(): { good: string[]; broken: string[] } {
  const names = corpus.skip ? [] : readdirSync(filesDir).filter((name) => name.endsWith('.bplist')).sort();
  return { good: names.filter((name) => !name.includes('_broken_')), broken: names.filter((name) => name.includes('_broken_')) };
}

function readCorpusFile(name: string): Uint8Array {
  return readFileSync(path.join(filesDir, name));
}

function readGood(name: string): PlistValue {
  return readBinaryPlist(readCorpusFile(name), { file: name });
}

/** Returns the dictionary entry `key` of a root dictionary, failing the test when the root is not one. */
function entry(value: PlistValue, key: string): PlistValue | undefined {
  if (value.kind !== 'dict') throw new Error(`root is a ${value.kind}, not a dict`);
  return dictGet(value, key);
}

describe.skipIf(corpus.skip || tools.skip)('binary corpus' + corpus.reason + tools.reason, () => {
  const { good, broken } = binaryFiles();

  it('finds the corpus binary plists', () => {
    expect(good.length).toBeGreaterThanOrEqual(4);
    expect(broken.length).toBeGreaterThanOrEqual(2);
  });

  for (const name of good) {
    it(`reads ${name} like plistlib`, () => {
      expect(modelCanonical(readGood(name))).toEqual(plistlibCanonical(readCorpusFile(name)));
    });

    it(`writes ${name} for plistlib and plistutil`, () => {
      const expected = plistlibCanonical(readCorpusFile(name));
      const ours = writeBinaryPlist(readGood(name));
      expect(plistlibCanonical(ours)).toEqual(expected);
      expect(plistlibCanonical(plistutilConvert(ours, 'bin'))).toEqual(expected);
    });
  }

  for (const name of broken) {
    it(`rejects ${name}`, () => {
      expect(() => readBinaryPlist(readCorpusFile(name), { file: name })).toThrow(PlistError);
    });
  }

  it('reads 16-byte integer above 2^63', () => {
    // The file stores 12345678901234567890 as a 16-byte integer; plistlib reads the same.
    const value = readGood('bplistparser_binary_uint64-over-int64.bplist');
    expect(entry(value, 'int64item')).toEqual(int(12345678901234567890n));
    expect(entry(value, 'int32itemsigned')).toEqual(int(-1234567890));
  });

  it('reads 8-byte all-ones integers as -1', () => {
    // Both keys hold eight 0xff bytes, which plistlib reads as the signed value -1.
    const value = readGood('micromdmplist_binary_types-sample.bplist');
    expect(entry(value, 'signed')).toEqual(int(-1));
    expect(entry(value, 'uint64')).toEqual(int(-1));
  });

  it('names the broken trailer problems', () => {
    const crasher = 'micromdmplist_broken_bplist-enrollment-profile_fuzz-crasher.bplist';
    expect(() => readBinaryPlist(readCorpusFile(crasher), { file: crasher })).toThrow(
      `${crasher} at byte 3275: invalid binary plist trailer: offset table of 108 entries of 2 bytes at offset 3068 runs 33 bytes into the trailer`,
    );
    const zeroSize = 'rustplist_broken_bplist-zero-offset-size.bplist';
    expect(() => readBinaryPlist(readCorpusFile(zeroSize), { file: zeroSize })).toThrow(/offset table entry size is 0/);
  });
});

describe.skipIf(corpus.skip || tools.skip)('XML corpus to binary' + corpus.reason + tools.reason, () => {
  // Well-formed XML plists, found by content: signed profiles (DER) are neither format.
  const names = corpus.skip ? [] : readdirSync(filesDir).filter((name) => !name.includes('_broken_')).sort();
  const xmlNames = names.filter((name) => detectPlistFormat(readCorpusFile(name)) === 'xml');

  it('finds the corpus XML plists', () => {
    expect(xmlNames.length).toBeGreaterThanOrEqual(20);
  });

  it('writes every XML plist as binary plistlib and plistutil read', () => {
    const originals = xmlNames.map(readCorpusFile);
    const ours = xmlNames.map((name, i) => writeBinaryPlist(readPlist(originals[i], { file: name }).value));
    const expected = plistlibCanonicalMany(originals);
    const fromOurs = plistlibCanonicalMany(ours);
    const fromPlistutil = plistlibCanonicalMany(ours.map((bytes) => plistutilConvert(bytes, 'bin')));

    const compared: string[] = [];
    for (const [i, name] of xmlNames.entries()) {
      const reference = expected[i];
      // A file plistlib cannot read has no reference to compare with.
      if (!reference.ok) continue;
      compared.push(name);
      expect(fromOurs[i], name).toEqual(reference);
      expect(fromPlistutil[i], name).toEqual(reference);
    }
    expect(compared.length).toBeGreaterThanOrEqual(20);
  });
});
