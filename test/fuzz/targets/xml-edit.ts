// Fuzz target of the incremental XML plist reader (shared/plist/xml/incremental.ts).
//
// An input is an XML plist document. From a hash of its bytes the target draws a chain of
// edits such as a user makes in the raw XML editor: single keys, pastes, deletions across
// elements, edits next to references, CDATA, comments and surrogate pairs, keys that become
// duplicates, edits in the prolog and after </plist>, and returns to an earlier text as undo
// does. Each edit is read the way the editor store reads it: reparseEdit first, with the model
// the previous step returned, and a full parse when it returns null. Whenever reparseEdit
// returns a value, that value must equal a fresh full parse of the same text, positions
// included, and the text must be one the full parser accepts.

import fc from 'fast-check';

import { PlistError } from '../../../shared/plist/errors.ts';
import type { PlistValue } from '../../../shared/plist/model.ts';
import { reparseEdit } from '../../../shared/plist/xml/incremental.ts';
import { parseXmlPlistText, readXmlPlist } from '../../../shared/plist/xml/reader.ts';
import { writeXmlPlist } from '../../../shared/plist/xml/writer.ts';
import { encodeUtf8 } from '../../../shared/text/encoding.ts';
import { minimalReplacement } from '../../../shared/text/text-diff.ts';
import { firstDifference } from '../../support/plist-difference.ts';
import { WIFI_PROFILE_XML } from '../../support/profile-fixtures.ts';
import { plistValueArbitrary } from '../../reliability/plist-arbitrary.ts';
import { Random } from '../engine/random.ts';
import { FuzzOracleError, tokenBytes, type FuzzTarget } from '../engine/target.ts';
import { corpusSeeds } from './corpus-seeds.ts';

const FILE = 'fuzz.plist';

/** Largest number of edits in one chain. */
const MAX_EDITS = 12;

/** Corpus files larger than this are left out: each edit parses the whole text twice. */
const MAX_SEED_CHARS = 128 * 1024;

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n';

/** Documents with what generated ones lack: references, CDATA, comments, surrogate pairs, empty elements, a scalar root. */
const DOCUMENT_SEEDS = [
  WIFI_PROFILE_XML,
  `${HEADER}<plist version="1.0">
<dict>
	<key>Name</key>
	<string>Caf&#233; &amp; bar 😀 &#x1F600; &lt;tag&gt;</string>
	<key>Count</key>
	<integer>-42</integer>
	<key>Hex</key>
	<integer>0x7F</integer>
	<key>Ratio</key>
	<real>0.5</real>
	<key>When</key>
	<date>2026-01-02T03:04:05Z</date>
	<key>Blob</key>
	<data>
	AAECAwQF
	</data>
	<key>Flags</key>
	<array>
		<true/>
		<false/>
		<string></string>
		<string/>
		<dict/>
		<array/>
		<dict>
		</dict>
		<array>
			<array>
				<dict>
					<key>Deep</key>
					<array><integer>1</integer><integer>2</integer></array>
				</dict>
			</array>
		</array>
	</array>
	<!-- a comment between entries -->
	<key>Nested</key>
	<dict>
		<key>Inner</key>
		<array>
			<string><![CDATA[<raw> & text]]></string>
			<string>a<!-- inside -->b<?pi x?>c</string>
			<integer>7</integer>
		</array>
		<key/>
		<string>empty key</string>
	</dict>
	<key>Ünïcode 𝄞</key>
	<string>Résumé ✓ 𝄞𝄞</string>
</dict>
</plist>
`,
  `${HEADER}<plist version="1.0">\n<string>a scalar root 😀</string>\n</plist>\n`,
  '<plist version="1.0"><integer>12</integer></plist>',
  '\uFEFF<?xml version="1.0"?>\n<!-- before -->\n<plist><array><true/> <false/>\n<date>2014-02-23T09:21:06Z</date></array></plist>\n<!-- after -->\n',
  `${HEADER}<plist version="1.0">\r\n<dict>\r\n\t<key>CRLF</key>\r\n\t<string>line ends</string>\r\n</dict>\r\n</plist>\r\n`,
  `${HEADER}<plist version="1.0">\n<dict>\n\t<key>A</key>\n\t<string>1</string>\n\t<key>B</key>\n\t<string>2</string>\n\t<key>C</key>\n\t<dict>\n\t\t<key>A</key>\n\t\t<string>3</string>\n\t</dict>\n</dict>\n</plist>\n`,
];

/** Text a user pastes or types in one go. */
const PASTES = [
  '</string><string>', '<key>k</key><string>v</string>', '<key>A</key>', '&amp;', '&lt;', '&gt;', '&quot;', '&#233;', '&#x1F600;',
  '&#13;', '&#xD800;', '&#0;', '&am', '&', ';', '&#', '<![CDATA[x]]>', '<![CDATA[', ']]>', '<!-- c -->', '<!--', '-->', '<?pi x?>',
  '<string/>', '<string></string>', '<true/>', '<false/>', '<dict/>', '<array/>', '<dict></dict>', '<array><integer>1</integer></array>',
  '<integer>0x10</integer>', '<real>1e999</real>', '<date>2024-02-30T00:00:00Z</date>', '<data>AA==</data>', '<key/>', '<key>',
  '</key>', '<string>', '</string>', '<integer>', '</integer>', '<dict>', '</dict>', '<array>', '</array>', '</plist>',
  '<plist version="1.0">', '<!DOCTYPE plist>', '\r\n', '\r', '\n\t\t', '    ', '\t', '😀', '\uD83D', '\uDE00', '𝄞', '\uFEFF', '\uFFFE',
  '\u0001', '\u0085', '\u2028', 'x="1"', ' a="b"', '/', '>', '<', 'string', 'key', 'true', '=', '"',
];

/** Single keys: letters, digits, markup, white space, and characters XML forbids or treats specially. */
const KEYS = [...'x7 \n\t<>&;#/!-[]="\'?.e+Aé', '😀', '\uD83D', '\uDE00', '\r', '\u0001', '\uFFFE', '\uFEFF'];

/** Characters near which edits are most likely to change how the text reads. */
const MARKUP = ['<', '>', '&', ';', '\n', ']', '-', '/', '"', '\uD83D', '\uD834'];

/** One edit of the chain, as offsets into the text before it. The kind `undo` marks a return to an earlier text. */
interface EditRecord {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

/** FNV-1a over the input bytes: the same input always gets the same edits. */
function hashBytes(input: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of input) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash >>> 0;
}

// Choosing where to edit

function clampOffset(text: string, offset: number): number {
  return Math.max(0, Math.min(text.length, offset));
}

/** Returns an offset at or next to a markup character, or anywhere. */
function pickOffset(random: Random, text: string): number {
  if (random.chance(1, 3)) return random.below(text.length + 1);
  const from = random.below(text.length + 1);
  const char = random.pick(MARKUP);
  let at = text.indexOf(char, from);
  if (at < 0) at = text.indexOf(char);
  if (at < 0) at = from;
  return clampOffset(text, at + random.between(-2, 2));
}

/** Returns the content spans [start, end) of text elements, between the start tag and the end tag. */
function contentSpans(text: string): { start: number; end: number; element: string }[] {
  const spans: { start: number; end: number; element: string }[] = [];
  for (const match of text.matchAll(/<(key|string|integer|real|date|data)>([^<]*)<\/\1>/g)) {
    const start = match.index + match[1].length + 2;
    spans.push({ start, end: start + match[2].length, element: match[1] });
  }
  return spans;
}

// Edits

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

type EditMaker = (random: Random, text: string, earlier: readonly string[]) => { kind: string; next: string };

const EDIT_MAKERS: readonly (readonly [number, EditMaker])[] = [
  // Typing one key, near markup or anywhere.
  [6, (random, text) => {
    const at = pickOffset(random, text);
    return { kind: 'type', next: splice(text, at, at, random.pick(KEYS)) };
  }],
  // Typing or deleting inside the content of a key or a scalar, which the incremental path reads.
  [10, (random, text) => {
    const spans = contentSpans(text);
    if (spans.length === 0) return { kind: 'type', next: text };
    const span = random.pick(spans);
    const at = span.start + random.below(span.end - span.start + 1);
    if (random.chance(1, 3) && at < span.end) return { kind: 'delete in value', next: splice(text, at, at + 1, '') };
    const insert = random.chance(2, 3) ? random.pick(KEYS) : random.pick(PASTES);
    return { kind: 'type in value', next: splice(text, at, at, insert) };
  }],
  // Backspace or Delete: one code unit, which may split a surrogate pair.
  [4, (random, text) => {
    const at = pickOffset(random, text);
    return { kind: 'delete', next: splice(text, at, Math.min(text.length, at + 1), '') };
  }],
  // Deleting a selection, often across elements.
  [3, (random, text) => {
    const at = pickOffset(random, text);
    const length = random.chance(3, 4) ? random.between(1, 40) : random.between(40, 400);
    return { kind: 'delete range', next: splice(text, at, Math.min(text.length, at + length), '') };
  }],
  // Pasting, or pasting over a selection.
  [5, (random, text) => {
    const at = pickOffset(random, text);
    const end = random.chance(1, 3) ? Math.min(text.length, at + random.between(1, 20)) : at;
    return { kind: 'paste', next: splice(text, at, end, random.pick(PASTES)) };
  }],
  // Copying part of the text elsewhere.
  [2, (random, text) => {
    const from = random.below(text.length + 1);
    const copied = text.slice(from, from + random.between(1, 300));
    const at = random.below(text.length + 1);
    return { kind: 'copy', next: splice(text, at, at, copied) };
  }],
  // White space between elements: Enter, Tab, or deleting indentation.
  [4, (random, text) => {
    const at = pickOffset(random, text);
    if (random.chance(1, 2)) return { kind: 'white space', next: splice(text, at, at, random.pick(['\n', '\n\t', '\t', ' ', '\n\n'])) };
    let end = at;
    while (end < text.length && end - at < 8 && ' \t\n'.includes(text[end])) end++;
    return { kind: 'delete white space', next: splice(text, at, end, '') };
  }],
  // A key renamed to another key of the document, which may be a duplicate in its dict.
  [3, (random, text) => {
    const keys = contentSpans(text).filter((span) => span.element === 'key');
    if (keys.length < 2) return { kind: 'rename key', next: text };
    const target = random.pick(keys);
    const source = random.pick(keys);
    return { kind: 'rename key', next: splice(text, target.start, target.end, text.slice(source.start, source.end)) };
  }],
  // Switching between empty and self-closing elements, and between scalar kinds.
  [2, (random, text) => {
    const forms: [RegExp, string][] = [
      [/<string><\/string>/g, '<string/>'], [/<string\/>/g, '<string></string>'], [/<true\/>/g, '<false/>'], [/<false\/>/g, '<true></true>'],
      [/<dict\/>/g, '<dict></dict>'], [/<key\/>/g, '<key></key>'], [/<string>/g, '<integer>'], [/<\/string>/g, '</integer>'],
    ];
    const [pattern, replacement] = random.pick(forms);
    const matches = [...text.matchAll(pattern)];
    if (matches.length === 0) return { kind: 'switch form', next: text };
    const match = random.pick(matches);
    return { kind: 'switch form', next: splice(text, match.index, match.index + match[0].length, replacement) };
  }],
  // Between, before or after the halves of a surrogate pair.
  [2, (random, text) => {
    const pairs = [...text.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)];
    if (pairs.length === 0) return { kind: 'surrogate', next: text };
    const at = random.pick(pairs).index + random.below(3);
    if (random.chance(1, 2)) return { kind: 'surrogate delete', next: splice(text, at, Math.min(text.length, at + 1), '') };
    return { kind: 'surrogate type', next: splice(text, at, at, random.pick(['x', '😀', '\uD83D', '\uDE00'])) };
  }],
  // In the prolog, or after </plist>.
  [2, (random, text) => {
    const plist = text.indexOf('<plist');
    const close = text.lastIndexOf('</plist>');
    const at = random.chance(1, 2) || close < 0 ? random.below(Math.max(0, plist) + 1) : random.between(close + 1, text.length);
    return { kind: 'outside plist', next: splice(text, at, at, random.pick([...KEYS, ...PASTES])) };
  }],
  // Two cursors typing the same key.
  [1, (random, text) => {
    const first = pickOffset(random, text);
    const second = pickOffset(random, text);
    const key = random.pick(KEYS);
    const [a, b] = first <= second ? [first, second] : [second, first];
    return { kind: 'two cursors', next: text.slice(0, a) + key + text.slice(a, b) + key + text.slice(b) };
  }],
  // Undo or redo: back to an earlier text of the chain.
  [2, (random, text, earlier) => ({ kind: 'undo', next: earlier.length > 0 ? random.pick(earlier) : text })],
];

const EDIT_WEIGHT = EDIT_MAKERS.reduce((sum, [weight]) => sum + weight, 0);

function makeEdit(random: Random, text: string, earlier: readonly string[]): { kind: string; next: string } {
  let pick = random.below(EDIT_WEIGHT);
  for (const [weight, maker] of EDIT_MAKERS) {
    if (pick < weight) return maker(random, text, earlier);
    pick -= weight;
  }
  throw new Error('unreachable: the weights cover every pick');
}

// The oracle

function fullParse(text: string): PlistValue | PlistError {
  try {
    return parseXmlPlistText(text, { file: FILE }).value;
  } catch (error) {
    if (error instanceof PlistError) return error;
    throw error;
  }
}

/**
 * Returns what is wrong with reparseEdit's result for one edit, or null when it keeps its
 * promise: a value only for text the full parser accepts, equal to that parse, positions
 * included, and a new root object for a changed text.
 */
export function checkReparse(previousText: string, previousModel: PlistValue, nextText: string): { problem: string | null; model: PlistValue | null } {
  let result: PlistValue | null;
  try {
    result = reparseEdit(previousText, previousModel, nextText, FILE);
  } catch (error) {
    return { problem: `reparseEdit threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, model: null };
  }

  const full = fullParse(nextText);
  if (result === null) return { problem: null, model: full instanceof PlistError ? null : full };
  if (full instanceof PlistError) return { problem: `reparseEdit returned a value for text the full parser rejects: ${full.message}`, model: null };
  if (nextText !== previousText && result === previousModel) return { problem: 'reparseEdit returned the previous root object for a changed text', model: null };
  const difference = firstDifference(result, full);
  return { problem: difference === null ? null : `reparseEdit differs from a full parse at ${difference}`, model: result };
}

/** Returns the edit from `before` to `after` in a short form for a finding's message. */
function describeEdit(kind: string, before: string, after: string): EditRecord {
  const edit = minimalReplacement(before, after);
  return edit === null ? { kind, start: 0, end: 0, insert: '' } : { kind, start: edit.start, end: edit.end, insert: edit.insert };
}

/** Returns generated values of every kind written as XML, some with one value per line and some on one line. */
function generatedDocuments(): string[] {
  const values = fc.sample(plistValueArbitrary('xml', 4), { numRuns: 16, seed: 23 });
  return values.map((value, i) => {
    const text = writeXmlPlist(value);
    return i % 4 === 3 ? text.replace(/>\s+</g, '><') : text;
  });
}

/**
 * Returns the text the chain starts from: the input decoded, without its byte order mark, as
 * the store receives it from readXmlPlist. Most byte mutations break a document, so for an
 * input that does not parse one of the built-in documents is drawn instead, and every input
 * still runs a chain of edits.
 */
function startingText(input: Uint8Array, random: Random): string {
  try {
    return readXmlPlist(input, { file: FILE }).text;
  } catch (error) {
    if (!(error instanceof PlistError)) throw error;
    builtinDocuments ??= [...DOCUMENT_SEEDS, ...generatedDocuments()].filter((text) => !(fullParse(text) instanceof PlistError));
    return random.pick(builtinDocuments);
  }
}

let builtinDocuments: string[] | undefined;

export const xmlEditTarget: FuzzTarget = {
  name: 'xml-edit',
  description: 'chains of editor edits read by reparseEdit must equal a full parseXmlPlistText, positions included',
  // Nothing is rejected: an input that does not parse is replaced by a built-in document.
  expectedErrors: [],
  tokens: tokenBytes(PASTES),
  maxInputLength: 256 * 1024,
  seeds: () => [
    ...DOCUMENT_SEEDS.map((text) => encodeUtf8(text)),
    ...generatedDocuments().map((text) => encodeUtf8(text)),
    ...corpusSeeds().xml.filter((bytes) => bytes.length <= MAX_SEED_CHARS),
  ],
  execute(input) {
    const random = new Random(hashBytes(input));
    const first = startingText(input, random);
    const edits: EditRecord[] = [];
    const texts = [first];

    let text = first;
    // The model of `text`, as the store keeps it; null while `text` does not parse, when the store reads the next text in full.
    let model: PlistValue | null = parseXmlPlistText(first, { file: FILE }).value;
    const count = 1 + random.below(MAX_EDITS);

    for (let step = 0; step < count; step++) {
      // A user who broke the text often undoes the edit, and without that the chain would mostly stay broken.
      const undo = model === null && random.chance(1, 2);
      const { kind, next } = undo ? { kind: 'undo', next: random.pick(texts) } : makeEdit(random, text, texts.slice(0, -1));
      edits.push(describeEdit(kind, text, next));

      if (model === null) {
        const full = fullParse(next);
        model = full instanceof PlistError ? null : full;
      } else {
        const checked = checkReparse(text, model, next);
        if (checked.problem !== null) {
          const document = first.length <= 4000 ? JSON.stringify(first) : `of ${first.length} characters (the input file)`;
          throw new FuzzOracleError(`${checked.problem}\nat edit ${step + 1} of ${JSON.stringify(edits)}\nfrom the document ${document}`);
        }
        model = checked.model;
      }

      text = next;
      texts.push(next);
    }
  },
};
