import { describe, expect, it } from 'vitest';

import type { PlistValue } from '../../../../shared/plist/model.ts';
import { reparseEdit } from '../../../../shared/plist/xml/incremental.ts';
import { parseXmlPlistText } from '../../../../shared/plist/xml/reader.ts';
import { WIFI_PROFILE_XML } from '../../../support/profile-fixtures.ts';
import { plistDocument } from './helpers.ts';

/** Every kind of value, nesting, an empty dict, references, a comment, CDATA and text outside the BMP. */
const MIXED_XML = plistDocument(`<dict>
	<key>Name</key>
	<string>Caf&#233; &amp; bar 😀</string>
	<key>Count</key>
	<integer>-42</integer>
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
		<dict>
		</dict>
	</array>
	<!-- a comment between entries -->
	<key>Nested</key>
	<dict>
		<key>Inner</key>
		<array>
			<string><![CDATA[<raw> & text]]></string>
			<integer>7</integer>
		</array>
	</dict>
	<key>Ünïcode</key>
	<string>Résumé ✓</string>
</dict>`);

/** Returns the value, positions included, in a form toEqual compares exactly. */
function snapshot(value: PlistValue): unknown {
  const plain = (_key: string, v: unknown): unknown => {
    if (typeof v === 'bigint') return `${v}n`;
    if (v instanceof Uint8Array) return Array.from(v);
    return v;
  };
  return JSON.parse(JSON.stringify(value, plain));
}

function fullParse(text: string): unknown {
  try {
    return snapshot(parseXmlPlistText(text).value);
  } catch {
    return 'error';
  }
}

/** Reads `previous` afresh, applies `next` incrementally, and returns the result or null for a fallback. */
function incremental(previous: string, next: string): PlistValue | null {
  return reparseEdit(previous, parseXmlPlistText(previous).value, next);
}

const EDITS: readonly { name: string; apply: (text: string, at: number) => string }[] = [
  { name: 'type x', apply: (t, i) => t.slice(0, i) + 'x' + t.slice(i) },
  { name: 'type a digit', apply: (t, i) => t.slice(0, i) + '7' + t.slice(i) },
  { name: 'press Enter', apply: (t, i) => t.slice(0, i) + '\n' + t.slice(i) },
  { name: 'press Enter and Tab', apply: (t, i) => t.slice(0, i) + '\n\t' + t.slice(i) },
  { name: 'type a space', apply: (t, i) => t.slice(0, i) + ' ' + t.slice(i) },
  { name: 'type <', apply: (t, i) => t.slice(0, i) + '<' + t.slice(i) },
  { name: 'type &', apply: (t, i) => t.slice(0, i) + '&' + t.slice(i) },
  { name: 'type an emoji', apply: (t, i) => t.slice(0, i) + '🎉' + t.slice(i) },
  { name: 'delete a character', apply: (t, i) => t.slice(0, i) + t.slice(i + 1) },
  { name: 'delete a line break', apply: (t, i) => (t[i] === '\n' ? t.slice(0, i) + t.slice(i + 1) : t) },
  { name: 'paste a closing tag', apply: (t, i) => t.slice(0, i) + '</string><string>' + t.slice(i) },
];

describe('reparseEdit', () => {
  for (const [name, xml] of [
    ['the Wi-Fi profile', WIFI_PROFILE_XML],
    ['the mixed document', MIXED_XML],
  ] as const) {
    it(`matches full parse at every offset: ${name}`, () => {
      for (const edit of EDITS) {
        for (let at = 0; at <= xml.length; at++) {
          const next = edit.apply(xml, at);
          if (next === xml) continue;
          const result = incremental(xml, next);
          // A value is only ever returned for text the full reader accepts, and it is the same value.
          if (result !== null) expect(snapshot(result), `${edit.name} at offset ${at}`).toEqual(fullParse(next));
        }
      }
    });

    it(`reuses model inside strings and keys: ${name}`, () => {
      const spans = [...xml.matchAll(/<(string|key)>([^<]*)<\/\1>/g)].map((m) => ({ from: m.index + m[1].length + 2, to: m.index + m[1].length + 2 + m[2].length }));
      expect(spans.length).toBeGreaterThan(10);
      for (const { from, to } of spans) {
        for (let at = from; at <= to; at++) {
          const next = `${xml.slice(0, at)}x${xml.slice(at)}`;
          // Inside a reference or between the halves of a surrogate pair the text is invalid, so the full reader reports it.
          if (fullParse(next) === 'error') continue;
          expect(incremental(xml, next), `x at offset ${at}`).not.toBeNull();
        }
      }
    });

    it(`reuses model for Enter after tags: ${name}`, () => {
      const ends = [...xml.matchAll(/<\/(key|string|integer|real|date|data)>|<(true|false)\/>/g)].map((m) => m.index + m[0].length);
      for (const at of ends) {
        expect(incremental(xml, `${xml.slice(0, at)}\n\t${xml.slice(at)}`), `Enter at offset ${at}`).not.toBeNull();
      }
    });
  }

  it('moves values below edited string', () => {
    const at = WIFI_PROFILE_XML.indexOf('WPA2') + 4;
    const next = `${WIFI_PROFILE_XML.slice(0, at)}\nx${WIFI_PROFILE_XML.slice(at)}`;
    const root = incremental(WIFI_PROFILE_XML, next);
    if (root?.kind !== 'dict') throw new Error('expected the incremental path to return the root dict');

    const payloads = root.entries.find((e) => e.key === 'PayloadContent')?.value;
    if (payloads?.kind !== 'array' || payloads.items[0].kind !== 'dict') throw new Error('expected the payload array');
    const wifi = payloads.items[0];
    expect(wifi.entries.find((e) => e.key === 'EncryptionType')?.value).toMatchObject({ kind: 'string', value: 'WPA2\nx', pos: { line: 11, column: 4 } });
    // PayloadDisplayName's key was on line 12, column 4, and one line break was typed above it.
    expect(wifi.entries.find((e) => e.key === 'PayloadDisplayName')?.keyPos).toMatchObject({ line: 13, column: 4 });
  });

  it('copies only the edited path', () => {
    const previous = parseXmlPlistText(WIFI_PROFILE_XML).value;
    const previousPayloads = previous.kind === 'dict' ? previous.entries[0].value : null;
    if (previousPayloads?.kind !== 'array') throw new Error('expected the payload array');
    const secondPayload = previousPayloads.items[1];

    const at = WIFI_PROFILE_XML.indexOf('WPA2');
    const root = reparseEdit(WIFI_PROFILE_XML, previous, `${WIFI_PROFILE_XML.slice(0, at)}x${WIFI_PROFILE_XML.slice(at)}`);
    const payloads = root?.kind === 'dict' ? root.entries[0].value : null;
    if (payloads?.kind !== 'array') throw new Error('expected the payload array');

    expect(root).not.toBe(previous);
    expect(payloads.items[0]).not.toBe(previousPayloads.items[0]);
    expect(payloads.items[1]).toBe(secondPayload);
  });

  it('falls back for duplicate key', () => {
    const next = WIFI_PROFILE_XML.replace('<key>AutoJoin</key>', '<key>SSID_STR</key>');
    expect(incremental(WIFI_PROFILE_XML, next)).toBeNull();
    expect(() => parseXmlPlistText(next)).toThrow(/duplicate key "SSID_STR"/);
  });

  it('falls back for carriage return', () => {
    const crlf = WIFI_PROFILE_XML.replaceAll('\n', '\r\n');
    const at = crlf.indexOf('WPA2');
    expect(incremental(crlf, `${crlf.slice(0, at)}x${crlf.slice(at)}`)).toBeNull();
  });

  it('keeps positions over chained edits', () => {
    // Each edit starts from the model the previous one returned, as the editor store does.
    const first = '<plist version="1.0">\n<dict>\n\t<key>A</key>\n\t<string>ab</string>\n\t<key>B</key>\n\t<integer>1</integer>\n</dict>\n</plist>\n';
    const second = first.replace('<string>ab', '<string>a\nb');
    const third = second.replace('<key>B</key>', '<key>Bx</key>');
    const fourth = third.replace('<string>a\nb', '<string>ab');

    const afterSecond = reparseEdit(first, parseXmlPlistText(first).value, second);
    if (afterSecond === null) throw new Error('expected the incremental path for Enter inside a string');
    const afterThird = reparseEdit(second, afterSecond, third);
    if (afterThird === null) throw new Error('expected the incremental path for a key edit');
    const afterFourth = reparseEdit(third, afterThird, fourth);
    if (afterFourth?.kind !== 'dict') throw new Error('expected the incremental path for deleting a line break');

    const [a, b] = afterFourth.entries;
    expect(a).toMatchObject({ key: 'A', keyPos: { line: 3, column: 2, offset: fourth.indexOf('<key>A') } });
    expect(a.value).toMatchObject({ kind: 'string', value: 'ab', pos: { line: 4, column: 2, offset: fourth.indexOf('<string>') } });
    expect(b).toMatchObject({ key: 'Bx', keyPos: { line: 5, column: 2, offset: fourth.indexOf('<key>Bx'), endOffset: fourth.indexOf('<key>Bx') + '<key>Bx</key>'.length } });
    expect(b.value).toMatchObject({ kind: 'integer', value: 1n, pos: { line: 6, column: 2, offset: fourth.indexOf('<integer>') } });
    expect(afterFourth.pos).toMatchObject({ line: 2, column: 1, offset: fourth.indexOf('<dict>'), endOffset: fourth.indexOf('</dict>') + '</dict>'.length });
  });

  it('returns previous root unchanged', () => {
    const previous = parseXmlPlistText(WIFI_PROFILE_XML).value;
    expect(reparseEdit(WIFI_PROFILE_XML, previous, WIFI_PROFILE_XML)).toBe(previous);
  });
});
