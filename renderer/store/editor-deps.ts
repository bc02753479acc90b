// The editor store's dependencies: the plist codec, the classifier and the validator.
//
// The store receives these as functions so that it stays a plain state machine; the app and
// the tests pass the real shared modules (defaultEditorDeps).

import type { DocumentKind } from '../../shared/ipc/contract.ts';
import type { PlistValue } from '../../shared/plist/model.ts';
import { reparseEdit } from '../../shared/plist/xml/incremental.ts';
import { parseXmlPlistText } from '../../shared/plist/xml/reader.ts';
import { writeXmlPlist } from '../../shared/plist/xml/writer.ts';
import { classifyPlist } from '../../shared/profile/classify.ts';
import { builtinSchemas, type Platform, type SchemaRegistry } from '../../shared/schema/index.ts';
import { validateProfile, type Diagnostic } from '../../shared/validation/index.ts';

/** Validator settings: the schemas, the target platform, and whether integer booleans are errors. */
export interface ValidationSettings {
  readonly registry: SchemaRegistry;
  /** Target platform, or null for findings that hold on every platform. */
  readonly platform: Platform | null;
  /** Integers used as booleans are errors instead of warnings, as in Apple's own schema check. */
  readonly strict: boolean;
  /** Folder the schemas beyond the built-in ones were loaded from, if any. */
  readonly schemaFolder: string | null;
}

export function defaultValidationSettings(): ValidationSettings {
  return { registry: builtinSchemas(), platform: null, strict: false, schemaFolder: null };
}

export interface EditorDeps {
  /** Parses XML plist text; throws PlistError naming the line and column. */
  parse(text: string, file: string): PlistValue;
  /**
   * Parses `text`, an edit of `previousText` whose value is `previousModel`, by reading only the
   * edited element again; null when the edit needs a full parse. May move positions inside
   * `previousModel`, which must not be used afterwards.
   */
  reparse(previousText: string, previousModel: PlistValue, text: string, file: string): PlistValue | null;
  serialize(value: PlistValue): string;
  classify(root: PlistValue): DocumentKind;
  validate(root: PlistValue, settings: ValidationSettings): Diagnostic[];
  /** Milliseconds, for grouping keystrokes into undo steps. */
  now(): number;
}

export const defaultEditorDeps: EditorDeps = {
  parse: (text, file) => parseXmlPlistText(text, { file }).value,
  reparse: (previousText, previousModel, text, file) => reparseEdit(previousText, previousModel, text, file),
  serialize: (value) => writeXmlPlist(value),
  classify: (root) => classifyPlist(root),
  validate: (root, settings) => validateProfile(root, { schemas: settings.registry, platform: settings.platform ?? undefined, strict: settings.strict }),
  now: () => Date.now(),
};
