// The XML reader and writer over the shared corpus of real profiles, read in place. Each
// well-formed XML plist must read to what plistlib reads, and our rewrite of it must read
// the same in plistlib. Each `_broken_` XML file must be rejected with the stated reason.
// The exceptions are three files whose problem is not XML well-formedness.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { PlistError } from '../../../../shared/plist/errors.ts';
import { plistEqual } from '../../../../shared/plist/model.ts';
import { readXmlPlist } from '../../../../shared/plist/xml/reader.ts';
import { writeXmlPlist } from '../../../../shared/plist/xml/writer.ts';
import { needCorpus, needTools } from '../../../support/environment.ts';
import { modelCanonical, plistlibCanonical, plistlibCanonicalMany, type PlistlibOutcome } from '../../../support/plist-oracle.ts';

interface CorpusFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/** Broken XML files and where they must fail. */
const BROKEN_REJECTED: Record<string, { reason: string; line: number; column: number }> = {
  'goplist_broken_parser-differential-duplicate-keys.plist': { reason: 'duplicate key "test" in a <dict>: it first appears at line 3', line: 5, column: 5 },
  'goplist_broken_unterminated-attr-quote.plist': { reason: 'the value of attribute Q in <plist> has no closing quote', line: 1, column: 10 },
  'jamfpppc_broken_TestTCCUnsignedProfile-Broken_missing-dict-close.mobileconfig': {
    reason: 'mismatched end tag </plist>: expected </dict> to close the <dict> at line 4',
    line: 21,
    column: 1,
  },
  'micromdmplist_broken_doctype-before-xmldecl.plist': { reason: 'the XML declaration <?xml ...?> must come first in the file', line: 2, column: 1 },
  'micromdmplist_broken_trailing-garbage.plist': { reason: 'unexpected text "invalid" after </plist>', line: 9, column: 1 },
  'micromdmplist_broken_unclosed-plist-tag.plist': { reason: "the start tag <plist> at line 3 is missing its closing '>'", line: 4, column: 1 },
  'rustplist_broken_xml-entity-in-plist.plist': { reason: 'text "&#32;&amp;" directly inside <plist>', line: 4, column: 1 },
  'talieisin_broken_not-a-plist_crlf.mobileconfig': { reason: 'the file is not an XML property list', line: 1, column: 1 },
};

/** Broken files whose problem is in the profile, not the XML: they must read without warnings. */
const BROKEN_BUT_WELL_FORMED = ['talieisin_broken_missing-payload-uuid_crlf-comment.mobileconfig', 'talieisin_broken_outer-type-NotConfiguration_crlf.mobileconfig'];

const LEADING_SPACE_FILE = 'msintune_broken_docker-signin_leading-space-before-xmldecl.mobileconfig';
const FRAGMENT_FILE = 'msintune_other_plist-fragment-no-root.plist';

/** Returns the corpus files that are neither DER (signed or encrypted CMS starts with 0x30) nor binary plists. */
function xmlCorpusFiles(dir: string): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const name of readdirSync(path.join(dir, 'files')).sort()) {
    const bytes = readFileSync(path.join(dir, 'files', name));
    if (bytes[0] === 0x30 || bytes.subarray(0, 8).toString('latin1') === 'bplist00') continue;
    files.push({ name, bytes });
  }
  return files;
}

const corpus = needCorpus();
const tools = needTools('python3');
describe.skipIf(corpus.skip || tools.skip)('XML corpus' + corpus.reason + tools.reason, () => {
  const files = corpus.skip ? [] : xmlCorpusFiles(corpus.dir);
  const wellFormed = files.filter((f) => !f.name.includes('_broken_') && f.name !== FRAGMENT_FILE);
  const theirs = new Map<string, PlistlibOutcome>();

  beforeAll(() => {
    const outcomes = plistlibCanonicalMany(wellFormed.map((f) => f.bytes));
    wellFormed.forEach((f, i) => theirs.set(f.name, outcomes[i]));
  });

  it('finds the XML files', () => {
    expect(wellFormed.length).toBeGreaterThanOrEqual(33);
    const broken = files.filter((f) => f.name.includes('_broken_')).map((f) => f.name);
    expect(broken.sort()).toEqual([...Object.keys(BROKEN_REJECTED), ...BROKEN_BUT_WELL_FORMED, LEADING_SPACE_FILE].sort());
  });

  for (const file of wellFormed) {
    it(`reads ${file.name} like plistlib`, () => {
      const outcome = theirs.get(file.name);
      expect(outcome?.ok, `plistlib rejected ${file.name}: ${outcome?.ok === false ? outcome.error : ''}`).toBe(true);
      const result = readXmlPlist(file.bytes, { file: file.name });
      expect(result.warnings).toEqual([]);
      expect(modelCanonical(result.value)).toEqual(outcome?.ok ? outcome.value : undefined);
    });
  }

  it('rewrites every file readably for plistlib', () => {
    const accepted = files.filter((f) => !(f.name in BROKEN_REJECTED) && f.name !== FRAGMENT_FILE);
    const values = accepted.map((f) => readXmlPlist(f.bytes, { file: f.name }).value);
    const rewritten = values.map((v) => Buffer.from(writeXmlPlist(v)));
    const outcomes = plistlibCanonicalMany(rewritten);

    accepted.forEach((file, i) => {
      expect(outcomes[i], file.name).toEqual({ ok: true, value: modelCanonical(values[i]) });
      expect(plistEqual(readXmlPlist(rewritten[i]).value, values[i]), file.name).toBe(true);
    });
  });

  for (const [name, expected] of Object.entries(BROKEN_REJECTED)) {
    it(`rejects ${name}`, () => {
      const file = files.find((f) => f.name === name);
      expect(file).toBeDefined();
      let caught: unknown;
      try {
        readXmlPlist(file?.bytes ?? Buffer.alloc(0), { file: name });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(PlistError);
      const error = caught as PlistError;
      expect(error.reason).toContain(expected.reason);
      expect(error.file).toBe(name);
      expect(error.line).toBe(expected.line);
      expect(error.column).toBe(expected.column);
    });
  }

  for (const name of BROKEN_BUT_WELL_FORMED) {
    it(`reads ${name} (semantic problem only)`, () => {
      const file = files.find((f) => f.name === name);
      const bytes = file?.bytes ?? Buffer.alloc(0);
      const result = readXmlPlist(bytes, { file: name });
      expect(result.warnings).toEqual([]);
      expect(modelCanonical(result.value)).toEqual(plistlibCanonical(bytes));
    });
  }

  it('reads the leading-space Intune file with a warning', () => {
    const file = files.find((f) => f.name === LEADING_SPACE_FILE);
    const bytes = file?.bytes ?? Buffer.alloc(0);
    const result = readXmlPlist(bytes, { file: LEADING_SPACE_FILE });
    expect(result.warnings).toEqual([
      `${LEADING_SPACE_FILE}:1: white space before the XML declaration; XML requires the declaration at the very start, so strict readers such as Python plistlib reject this file`,
    ]);

    // plistlib rejects the file as it is, and reads it once the leading space is cut.
    expect(() => plistlibCanonical(bytes)).toThrow(/plistlib rejected/);
    const trimmed = bytes.subarray(bytes.indexOf('<'));
    expect(modelCanonical(result.value)).toEqual(plistlibCanonical(trimmed));
  });

  it('rejects the fragment without a <plist> root, as plistlib does', () => {
    const file = files.find((f) => f.name === FRAGMENT_FILE);
    const bytes = file?.bytes ?? Buffer.alloc(0);
    expect(() => readXmlPlist(bytes, { file: FRAGMENT_FILE })).toThrow(`${FRAGMENT_FILE}:1:1: the file has no <plist> root element`);
    expect(() => plistlibCanonical(bytes)).toThrow(/plistlib rejected/);
  });
});
