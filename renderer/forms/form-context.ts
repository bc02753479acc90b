// The form API every field uses: how to edit the document, and the findings for its path.

import { createContext, useContext } from 'react';

import type { PlistValue } from '../../shared/plist/model.ts';
import type { Diagnostic } from '../../shared/validation/index.ts';
import { formatKeyPath, updateAt, type KeyPath } from '../../shared/profile/edit/paths.ts';
import type { EditorStore } from '../store/editor-store.ts';

export interface FormApi {
  /** Replaces the value at `path` (undefined removes it); edits of one field merge into one undo step. */
  edit(path: KeyPath, update: (old: PlistValue | undefined) => PlistValue | undefined): void;
  /** Applies any change to the whole document as one undo step. */
  editRoot(update: (root: PlistValue) => PlistValue): void;
  /** Findings by formatted key path. */
  readonly diagnostics: ReadonlyMap<string, readonly Diagnostic[]>;
  /** False while the XML has a parse error: the form shows the last valid version read-only. */
  readonly editable: boolean;
}

export const FormContext = createContext<FormApi | null>(null);

export function useForm(): FormApi {
  const api = useContext(FormContext);
  if (!api) throw new Error('useForm must be called inside <FormContext.Provider>.');
  return api;
}

/** Builds the form API over the editor store. */
export function createFormApi(editor: EditorStore, diagnostics: readonly Diagnostic[], editable: boolean): FormApi {
  const byPath = new Map<string, Diagnostic[]>();
  for (const finding of diagnostics) {
    const list = byPath.get(finding.path) ?? [];
    list.push(finding);
    byPath.set(finding.path, list);
  }
  return {
    edit(path, update) {
      editor.getState().editModel((root) => updateAt(root, path, update), `field:${formatKeyPath(path)}`);
    },
    editRoot(update) {
      editor.getState().editModel(update, null);
    },
    diagnostics: byPath,
    editable,
  };
}
