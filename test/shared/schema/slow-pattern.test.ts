import { describe, expect, it } from 'vitest';

import { builtinSchemas } from '../../../shared/schema/index.ts';
import type { KeySchema } from '../../../shared/schema/model.ts';
import { describeSlowPattern } from '../../../shared/schema/slow-pattern.ts';

/** Formats that appear in Apple's device-management schemas. */
const APPLE_FORMATS = ['^[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}$', '^https://.*$', '^[0-9]{6}$', '^([0-9A-Za-z]{6})|([0-9A-Za-z]{9})$', '^([0-9A-Fa-f]{2}:){5}([0-9A-Fa-f]{2})$'];

function formatsOf(keys: readonly KeySchema[] | undefined): string[] {
  return (keys ?? []).flatMap((key) => [...(key.format ? [key.format] : []), ...formatsOf(key.subkeys)]);
}

describe('describeSlowPattern', () => {
  it('accepts the formats of Apple schemas', () => {
    for (const pattern of APPLE_FORMATS) expect(describeSlowPattern(pattern), pattern).toBeNull();
  });

  it('accepts every built-in format', () => {
    const formats = builtinSchemas()
      .all()
      .flatMap((schema) => [...formatsOf(schema.keys), ...Object.values(schema.definitions ?? {}).flatMap((keys) => formatsOf(keys))]);
    expect(formats.length).toBeGreaterThan(0);
    for (const pattern of formats) expect(describeSlowPattern(pattern), pattern).toBeNull();
  });

  it('rejects nested unbounded repetition', () => {
    for (const pattern of ['^(a+)+$', '(a*)*', '^(\\w+\\s?)*$', '(?:x+y?){2,}', '(.*a){20}']) {
      expect(describeSlowPattern(pattern), pattern).toMatch(/repeated group contains an unbounded repetition/);
    }
  });

  it('rejects repeated alternation', () => {
    expect(describeSlowPattern('^(a|aa)+$')).toMatch(/repeated group contains an alternation/);
  });

  it('rejects backreferences', () => {
    expect(describeSlowPattern('^(a)\\1$')).toMatch(/backreference/);
    expect(describeSlowPattern('^(?<x>a)\\k<x>$')).toMatch(/backreference/);
  });

  it('rejects a second unbounded repetition', () => {
    expect(describeSlowPattern('^.*a.*b$')).toMatch(/more than one unbounded repetition/);
    expect(describeSlowPattern('a+b{2,}')).toMatch(/more than one unbounded repetition/);
    expect(describeSlowPattern('^a.*b$')).toBeNull();
  });

  it('reads escapes and classes as single atoms', () => {
    expect(describeSlowPattern('^[(+*]+\\(\\)$')).toBeNull();
    expect(describeSlowPattern('^(\\d{1,3}\\.){3}\\d{1,3}$')).toBeNull();
  });
});
