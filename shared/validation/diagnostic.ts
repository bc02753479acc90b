// Findings of the validator, and the fixes it offers.

import type { PlistBoolean, PlistValue } from '../plist/model.ts';
import type { DiagnosticCode } from './codes.ts';

export type Severity = 'error' | 'warning' | 'info';

/** Path segments of the value a fix changes: dictionary keys and array indices, unambiguous even for keys that contain dots. */
export type KeySegments = readonly (string | number)[];

export type Fix =
  /** Replace the integer 0 or 1 at `path` with the boolean `value`. */
  | { readonly kind: 'coerce-boolean'; readonly path: string; readonly segments: KeySegments; readonly value: PlistBoolean }
  /** Replace the value at `path` with `value`. */
  | { readonly kind: 'set-value'; readonly path: string; readonly segments: KeySegments; readonly value: PlistValue }
  /** Rename the key at `path` to `value`, keeping its value and place. */
  | { readonly kind: 'rename-key'; readonly path: string; readonly segments: KeySegments; readonly value: string }
  /** Replace the string at `path` with a freshly generated UUID. */
  | { readonly kind: 'new-uuid'; readonly path: string; readonly segments: KeySegments };

export interface Diagnostic {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  /** The problem and how to fix it, in one or two sentences. */
  readonly message: string;
  /** Key path, `PayloadContent[1].PayloadUUID` style; for a missing key, where it belongs. */
  readonly path: string;
  /** 1-based position of the value in the XML source (of its dictionary when the key is missing). */
  readonly line?: number;
  readonly column?: number;
  readonly fix?: Fix;
}
