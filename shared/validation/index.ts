// Validation of configuration profiles against payload schemas, with findings located in the
// XML source. Pure and synchronous: the app runs it as the admin types, the CLI in pipelines.

import type { PlistValue } from '../plist/model.ts';
import { dictGet } from '../plist/model.ts';
import { builtinSchemas } from '../schema/builtin/index.ts';
import { TOP_LEVEL_TYPE, PLATFORMS, type Platform } from '../schema/model.ts';
import type { SchemaRegistry } from '../schema/registry.ts';
import { DIAGNOSTIC_CODES } from './codes.ts';
import { ValidationContext } from './context.ts';
import type { Diagnostic } from './diagnostic.ts';
import { parseOsVersion } from './platform.ts';
import { validateRoot } from './profile.ts';

export { DIAGNOSTIC_CODES, type DiagnosticCode } from './codes.ts';
export type { Diagnostic, Fix, KeySegments, Severity } from './diagnostic.ts';
export { compareVersions, parseOsVersion } from './platform.ts';

export interface ValidateOptions {
  /** Report integers used as booleans as errors, as Apple's own schema check does. */
  readonly strict?: boolean;
  /** Target platform; enables the platform, OS version and supervision findings. */
  readonly platform?: Platform;
  /** Target OS version such as `14.2`; needs `platform`. */
  readonly osVersion?: string;
  /** Schemas to validate against; the built-in ones when left out. */
  readonly schemas?: SchemaRegistry;
  /** The profile will be encrypted before delivery, so secrets in its payloads are not exposed. */
  readonly willEncrypt?: boolean;
}

/** Raised for options that cannot be used, such as an OS version that is not dotted numbers. */
export class ValidationOptionsError extends Error {
  override readonly name = 'ValidationOptionsError';
  constructor(
    readonly option: keyof ValidateOptions,
    readonly value: string,
    reason: string,
  ) {
    super(`invalid ${option} '${value}': ${reason}`);
  }
}

/**
 * Validates the profile `root` and returns its findings, sorted by position in the source.
 * Never throws for any document; throws ValidationOptionsError for unusable options.
 */
export function validateProfile(root: PlistValue, options: ValidateOptions = {}): Diagnostic[] {
  const registry = options.schemas ?? defaultRegistry();
  const context = new ValidationContext({
    strict: options.strict ?? false,
    platform: checkPlatform(options.platform),
    osVersion: checkOsVersion(options.osVersion),
    registry,
    secretsProtected: (options.willEncrypt ?? false) || (root.kind === 'dict' && dictGet(root, 'EncryptedPayloadContent') !== undefined),
  });

  if (root.kind !== 'dict') {
    context.report('error', DIAGNOSTIC_CODES.notADictionary, `The document's root is ${root.kind === 'array' ? 'an array' : `a ${root.kind}`}, but a profile's root must be a dictionary with PayloadType Configuration.`, undefined, root.pos);
    return context.diagnostics;
  }

  validateRoot(context, root, defaultRegistry().get(TOP_LEVEL_TYPE)!);
  return sortByPosition(context.diagnostics);
}

let builtins: SchemaRegistry | undefined;

function defaultRegistry(): SchemaRegistry {
  builtins ??= builtinSchemas();
  return builtins;
}

function checkPlatform(platform: Platform | undefined): Platform | undefined {
  if (platform !== undefined && !PLATFORMS.includes(platform)) {
    throw new ValidationOptionsError('platform', String(platform), `use one of ${PLATFORMS.join(', ')}`);
  }
  return platform;
}

function checkOsVersion(osVersion: string | undefined): number[] | undefined {
  if (osVersion === undefined) return undefined;
  const parsed = parseOsVersion(osVersion);
  if (!parsed) throw new ValidationOptionsError('osVersion', osVersion, 'write it as dotted numbers such as 14 or 17.4');
  return parsed;
}

/** Stable sort by line and column; findings without a position keep their order after the rest. */
function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((diagnostic, order) => ({ diagnostic, order }))
    .sort((a, b) => (a.diagnostic.line ?? Infinity) - (b.diagnostic.line ?? Infinity) || (a.diagnostic.column ?? 0) - (b.diagnostic.column ?? 0) || a.order - b.order)
    .map((e) => e.diagnostic);
}
