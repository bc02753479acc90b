// Editor markers from the validator's findings and the parse problem.

import type { Diagnostic } from '../../shared/validation/index.ts';
import type { ParseProblem } from '../store/editor-store.ts';

/** Monaco's MarkerSeverity values (monaco.MarkerSeverity), repeated so this module needs no Monaco import. */
export const MARKER_SEVERITY = { Info: 2, Warning: 4, Error: 8 } as const;

export interface MarkerData {
  readonly severity: number;
  readonly message: string;
  readonly code?: string;
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

/**
 * Builds markers: each covers the rest of its line from the reported column, so that the
 * squiggle sits under the element the finding is about. Findings without a line get none.
 * While the text does not parse, only the parse problem is shown, because the findings'
 * positions refer to the last valid text.
 */
export function buildMarkers(diagnostics: readonly Diagnostic[], parseProblem: ParseProblem | null, lineLength: (line: number) => number): MarkerData[] {
  const markerAt = (severity: number, message: string, line: number, column: number, code?: string): MarkerData => {
    const end = Math.max(lineLength(line) + 1, column + 1);
    return { severity, message, code, startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: end };
  };

  if (parseProblem) {
    return parseProblem.line === undefined ? [] : [markerAt(MARKER_SEVERITY.Error, parseProblem.message, parseProblem.line, parseProblem.column ?? 1, 'xml-parse-error')];
  }

  return diagnostics.flatMap((finding) => {
    if (finding.line === undefined) return [];
    const severity = finding.severity === 'error' ? MARKER_SEVERITY.Error : finding.severity === 'warning' ? MARKER_SEVERITY.Warning : MARKER_SEVERITY.Info;
    return [markerAt(severity, finding.path ? `${finding.message} (${finding.path})` : finding.message, finding.line, finding.column ?? 1, finding.code)];
  });
}
