// The editor store's dependencies: the plist codec, the classifier and the validator.
//
// The store receives these as functions so that it stays a plain state machine; the app and
// the tests pass the real shared modules (defaultEditorDeps).

import type { DocumentKind } from '../../shared/ipc/contract.ts';
import type { PlistValue } from '../../shared/plist/model.ts';
import { parseXmlPlistText } from '../../shared/plist/xml/reader.ts';
import { writeXmlPlist } from '../../shared/plist/xml/writer.ts';
import { classifyPlist } from '../../shared/profile/classify.ts';
import { validateProfile, type Diagnostic } from '../../shared/validation/index.ts';

export interface EditorDeps {
  /** Parses XML plist text; throws PlistError naming the line and column. */
  parse(text: string, file: string): PlistValue;
  serialize(value: PlistValue): string;
  classify(root: PlistValue): DocumentKind;
  validate(root: PlistValue): Diagnostic[];
  /** Milliseconds, for grouping keystrokes into undo steps. */
  now(): number;
}

export const defaultEditorDeps: EditorDeps = {
  parse: (text, file) => parseXmlPlistText(text, { file }).value,
  serialize: (value) => writeXmlPlist(value),
  classify: (root) => classifyPlist(root),
  validate: (root) => validateProfile(root),
  now: () => Date.now(),
};
