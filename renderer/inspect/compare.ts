// The semantic comparison of two inspected plists, for the side-by-side view.

import { PlistError } from '../../shared/plist/errors.ts';
import { parseXmlPlistText } from '../../shared/plist/xml/reader.ts';
import { diffPlists, type DiffEntry } from '../../shared/profile/diff.ts';

export interface ComparedFile {
  readonly name: string;
  readonly xml: string;
}

export type Comparison = { readonly ok: true; readonly entries: readonly DiffEntry[] } | { readonly ok: false; readonly message: string };

/** Compares `left` (the old side) with `right`: keys added, removed or changed, in document order. */
export function compareFiles(left: ComparedFile, right: ComparedFile): Comparison {
  try {
    const before = parseXmlPlistText(left.xml, { file: left.name }).value;
    const after = parseXmlPlistText(right.xml, { file: right.name }).value;
    return { ok: true, entries: diffPlists(before, after) };
  } catch (error) {
    if (!(error instanceof PlistError)) throw error;
    return { ok: false, message: `The files cannot be compared: ${error.message}` };
  }
}
