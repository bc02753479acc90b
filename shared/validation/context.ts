// State shared by the validation passes: the options, the findings so far, and facts collected
// for the checks that need the whole profile (payload references).

import { joinKeyPath } from '../plist/errors.ts';
import type { SourcePosition } from '../plist/model.ts';
import type { Platform } from '../schema/model.ts';
import type { SchemaRegistry } from '../schema/registry.ts';
import type { DiagnosticCode } from './codes.ts';
import type { Diagnostic, Fix, KeySegments, Severity } from './diagnostic.ts';

/**
 * A key path built one segment at a time. Strings are made only for values that get a finding,
 * which keeps a clean 1 MB profile from allocating a path string per value.
 */
export interface PathNode {
  readonly parent: PathNode | undefined;
  readonly segment: string | number;
}

export function childPath(parent: PathNode | undefined, segment: string | number): PathNode {
  return { parent, segment };
}

export function segmentsOf(node: PathNode | undefined): KeySegments {
  const segments: (string | number)[] = [];
  for (let n = node; n; n = n.parent) segments.push(n.segment);
  return segments.reverse();
}

export function pathOf(node: PathNode | undefined): string {
  let path = '';
  for (const segment of segmentsOf(node)) path = joinKeyPath(path, segment);
  return path;
}

/** A string value that names another payload's UUID, checked once every payload UUID is known. */
export interface PendingReference {
  readonly uuid: string;
  readonly key: string;
  readonly path: PathNode;
  readonly pos?: SourcePosition;
}

export interface ValidationSettings {
  readonly strict: boolean;
  readonly platform?: Platform;
  /** Numeric components of the chosen OS version, such as [14, 2]. */
  readonly osVersion?: readonly number[];
  readonly registry: SchemaRegistry;
  /** The profile's payloads are (or will be) encrypted, so secrets in them are not exposed. */
  readonly secretsProtected: boolean;
}

export class ValidationContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly references: PendingReference[] = [];

  constructor(readonly settings: ValidationSettings) {}

  report(severity: Severity, code: DiagnosticCode, message: string, path: PathNode | undefined, pos: SourcePosition | undefined, fix?: FixRequest): void {
    const diagnostic: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { severity, code, message, path: pathOf(path) };
    if (pos) {
      diagnostic.line = pos.line;
      diagnostic.column = pos.column;
    }
    if (fix) {
      const { at, ...change } = fix;
      diagnostic.fix = { ...change, path: pathOf(at), segments: segmentsOf(at) } as Fix;
    }
    this.diagnostics.push(diagnostic);
  }
}

/** A fix as the checks state it: what to do and where; `report` adds the printed path and segments. */
export type FixRequest = DistributiveOmit<Fix, 'path' | 'segments'> & { readonly at: PathNode | undefined };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
