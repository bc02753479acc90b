import { describe, expect, it } from 'vitest';

import { minimalReplacement } from '../../../shared/text/text-diff.ts';

function apply(before: string, after: string): string {
  const edit = minimalReplacement(before, after);
  return edit ? before.slice(0, edit.start) + edit.insert + before.slice(edit.end) : before;
}

describe('minimalReplacement', () => {
  it('returns null for equal texts', () => {
    expect(minimalReplacement('abc', 'abc')).toBeNull();
  });

  it('finds the changed middle', () => {
    expect(minimalReplacement('<string>old</string>', '<string>new</string>')).toEqual({ start: 8, end: 11, insert: 'new' });
  });

  it('handles insertions and deletions', () => {
    expect(minimalReplacement('abcd', 'abXcd')).toEqual({ start: 2, end: 2, insert: 'X' });
    expect(minimalReplacement('abXcd', 'abcd')).toEqual({ start: 2, end: 3, insert: '' });
  });

  it('handles repeated characters', () => {
    expect(apply('aaaa', 'aaa')).toBe('aaa');
    expect(apply('aaa', 'aaaa')).toBe('aaaa');
  });

  it('keeps surrogate pairs whole', () => {
    const edit = minimalReplacement('x\u{1F3B5}y', 'x\u{1F3B6}y');
    expect(edit).toEqual({ start: 1, end: 3, insert: '\u{1F3B6}' });
  });

  it('reproduces the target text', () => {
    const cases: [string, string][] = [
      ['', 'abc'],
      ['abc', ''],
      ['<a>\n\t<b/>\n</a>', '<a>\n\t<b/>\n\t<c/>\n</a>'],
      ['é\u{1F600}z', 'é\u{1F601}\u{1F600}z'],
    ];
    for (const [before, after] of cases) expect(apply(before, after)).toBe(after);
  });

  it('finds edits in long texts at and around chunk boundaries', () => {
    const line = '\t\t<key>PayloadIdentifier</key>\n';
    const text = line.repeat(200);
    for (const at of [0, 1, 511, 512, 513, 1023, 1024, 1025, 3000, text.length - 513, text.length - 512, text.length - 1, text.length]) {
      const inserted = `${text.slice(0, at)}Z${text.slice(at)}`;
      // The common prefix runs to `at` and the common suffix covers the rest: nothing is replaced.
      expect(minimalReplacement(text, inserted), `insert at ${at}`).toEqual({ start: at, end: at, insert: 'Z' });
      if (at < text.length) {
        const replaced = `${text.slice(0, at)}#${text.slice(at + 1)}`;
        expect(minimalReplacement(text, replaced), `replace at ${at}`).toEqual({ start: at, end: at + 1, insert: '#' });
      }
    }
  });

  it('keeps the replacement inside both texts when one repeats the other', () => {
    const text = 'ab'.repeat(1000);
    expect(apply(text, text + text)).toBe(text + text);
    expect(apply(text + text, text)).toBe(text);
    expect(minimalReplacement(text, text.slice(0, 1500))).toEqual({ start: 1500, end: 2000, insert: '' });
  });
});
