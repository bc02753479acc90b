import { describe, expect, it } from 'vitest';

import type { Diagnostic } from '../../../shared/validation/index.ts';
import { buildMarkers, MARKER_SEVERITY } from '../../../renderer/monaco/markers.ts';

const finding = (over: Partial<Diagnostic>): Diagnostic => ({ severity: 'error', code: 'wrong-type', message: 'Expected a boolean.', path: 'PayloadContent[0].Allowed', line: 12, column: 4, ...over }) as Diagnostic;

describe('buildMarkers', () => {
  it('covers the rest of the line from the column', () => {
    const markers = buildMarkers([finding({})], null, () => 30);
    expect(markers).toEqual([
      { severity: MARKER_SEVERITY.Error, message: 'Expected a boolean. (PayloadContent[0].Allowed)', code: 'wrong-type', startLineNumber: 12, startColumn: 4, endLineNumber: 12, endColumn: 31 },
    ]);
  });

  it('maps severities', () => {
    const markers = buildMarkers([finding({ severity: 'warning' }), finding({ severity: 'info' })], null, () => 10);
    expect(markers.map((m) => m.severity)).toEqual([MARKER_SEVERITY.Warning, MARKER_SEVERITY.Info]);
    expect(MARKER_SEVERITY).toEqual({ Info: 2, Warning: 4, Error: 8 });
  });

  it('skips findings without a line', () => {
    expect(buildMarkers([finding({ line: undefined, column: undefined })], null, () => 10)).toEqual([]);
  });

  it('shows only the parse problem while the XML is invalid', () => {
    const markers = buildMarkers([finding({})], { message: 'unclosed <dict>', line: 40, column: 1 }, () => 0);
    expect(markers).toEqual([{ severity: MARKER_SEVERITY.Error, message: 'unclosed <dict>', code: 'xml-parse-error', startLineNumber: 40, startColumn: 1, endLineNumber: 40, endColumn: 2 }]);
  });
});
