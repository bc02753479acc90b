import { describe, expect, it } from 'vitest';

import { minimalReplacement } from '../../../renderer/sync/text-diff.ts';

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
});
