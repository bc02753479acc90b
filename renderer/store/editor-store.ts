// The editor's state: the document text, the model parsed from it, the findings, the selected
// item and the one undo history shared by the form and the XML editor.
//
// The XML text is the single source of truth. A valid XML edit replaces the model. An invalid
// one keeps the last valid model and records the parse problem, while the text being typed
// stays as it is. A form edit transforms the model, writes it as XML and parses that back, so
// that positions (for markers and Problems) always match the text the XML editor shows.

import { createStore, type StoreApi } from 'zustand/vanilla';

import type { DocumentInfo, DocumentKind, SaveResult } from '../../shared/ipc/contract.ts';
import { PlistError } from '../../shared/plist/errors.ts';
import { dictGetString, type PlistValue } from '../../shared/plist/model.ts';
import type { Diagnostic } from '../../shared/validation/index.ts';
import { getAt } from '../../shared/profile/edit/paths.ts';
import { isProfileService, payloadsOf } from '../../shared/profile/edit/profile.ts';
import { defaultValidationSettings, type EditorDeps, type ValidationSettings } from './editor-deps.ts';
import { closeGroup, emptyHistory, recordEdit, redo, undo, type History } from './history.ts';

/**
 * The item shown in the editor pane: the profile's general settings, one payload (by
 * `PayloadContent` index), or the enrolment request of a Profile Service profile.
 */
export type Selection = { readonly kind: 'general' } | { readonly kind: 'payload'; readonly index: number } | { readonly kind: 'profile-service' };

export type DocumentMeta = Omit<DocumentInfo, 'text' | 'edited'>;

/** A parse failure of the current text, located in it. */
export interface ParseProblem {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

interface Snapshot {
  readonly text: string;
  readonly selection: Selection;
}

export interface EditorState {
  readonly document: DocumentMeta | null;
  /** The XML text, as the XML editor shows it. */
  readonly text: string;
  /** Increases whenever `text` changes from anything but the XML editor, which then reloads it. */
  readonly externalRevision: number;
  /** The model of the last text that parsed; null only before a document is loaded or when the first text is invalid. */
  readonly model: PlistValue | null;
  readonly kind: DocumentKind;
  readonly parseProblem: ParseProblem | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly selection: Selection;
  /** Text as last saved or opened; null when no file contains this text (a recovered draft). */
  readonly savedText: string | null;
  readonly history: History<Snapshot>;
  /** Message of the last form edit that could not be applied, for the status line. */
  readonly editError: string | null;
  readonly validation: ValidationSettings;
}

export interface EditorActions {
  load(document: DocumentInfo): void;
  /** Applies text typed in the XML editor. */
  editText(text: string): void;
  /** Applies a form edit; `group` merges consecutive edits of one field into one undo step. */
  editModel(update: (root: PlistValue) => PlistValue, group: string | null, selection?: Selection): boolean;
  undo(): void;
  redo(): void;
  select(selection: Selection): void;
  /** Ends the current typing group, so that the next edit starts a new undo step. */
  closeUndoGroup(): void;
  markSaved(text: string, result: SaveResult): void;
  revalidate(): void;
  /** Changes what the validator checks against and validates again. */
  setValidation(changes: Partial<ValidationSettings>): void;
}

export type EditorStore = StoreApi<EditorState & EditorActions>;

const GENERAL: Selection = { kind: 'general' };

/**
 * True when the change from `previous` to `next` is typing in the XML editor: the text changed
 * and `externalRevision` did not, because every other source of text bumps it.
 */
export function isTypingChange(next: Pick<EditorState, 'text' | 'externalRevision'>, previous: Pick<EditorState, 'text' | 'externalRevision'>): boolean {
  return next.text !== previous.text && next.externalRevision === previous.externalRevision;
}

export function isDirty(state: Pick<EditorState, 'document' | 'text' | 'savedText'>): boolean {
  return state.document !== null && state.text !== state.savedText;
}

export function createEditorStore(deps: EditorDeps, initialValidation: ValidationSettings = defaultValidationSettings()): EditorStore {
  return createStore<EditorState & EditorActions>()((set, get) => {
    /**
     * Parses `text` and returns the state fields that follow from it. When `previous` is the
     * parsed state of another text, only the part the edit touched is read again where possible.
     */
    const derive = (text: string, previous: Pick<EditorState, 'model' | 'kind' | 'diagnostics'> & Partial<Pick<EditorState, 'text' | 'parseProblem'>>, file: string) => {
      try {
        const reused = previous.model !== null && previous.text !== undefined && previous.parseProblem === null ? deps.reparse(previous.text, previous.model, text, file) : null;
        const model = reused ?? deps.parse(text, file);
        const kind = deps.classify(model);
        return { model, kind, parseProblem: null, diagnostics: kind === 'profile' ? deps.validate(model, get().validation) : [] };
      } catch (error) {
        if (!(error instanceof PlistError)) throw error;
        // Keep the last valid model and its findings; only the parse problem is new.
        const parseProblem: ParseProblem = { message: error.reason, line: error.line, column: error.column };
        return { model: previous.model, kind: previous.kind, parseProblem, diagnostics: previous.diagnostics };
      }
    };

    const fileName = () => get().document?.displayName ?? 'Untitled';

    const restore = (snapshot: Snapshot, history: History<Snapshot>) => {
      const state = get();
      const derived = derive(snapshot.text, state, fileName());
      set({
        ...derived,
        text: snapshot.text,
        externalRevision: state.externalRevision + 1,
        selection: clampSelection(snapshot.selection, derived.model),
        history,
        editError: null,
      });
    };

    return {
      document: null,
      text: '',
      externalRevision: 0,
      model: null,
      kind: 'profile',
      parseProblem: null,
      diagnostics: [],
      selection: GENERAL,
      savedText: null,
      history: emptyHistory<Snapshot>(),
      editError: null,
      validation: initialValidation,

      load(document) {
        const { text, edited, ...meta } = document;
        const derived = derive(text, { model: null, kind: document.kind, diagnostics: [] }, document.displayName);
        set({
          ...derived,
          document: meta,
          text,
          externalRevision: get().externalRevision + 1,
          selection: GENERAL,
          savedText: edited ? null : text,
          history: emptyHistory<Snapshot>(),
          editError: null,
        });
      },

      editText(text) {
        const state = get();
        if (text === state.text) return;
        const history = recordEdit(state.history, { text: state.text, selection: state.selection }, 'xml', deps.now());
        const derived = derive(text, state, fileName());
        const selection = clampSelection(followPayload(state.selection, state.model, derived.model), derived.model);
        set({ ...derived, text, history, selection, editError: null });
      },

      editModel(update, group, selection) {
        const state = get();
        if (state.model === null) return false;
        if (state.parseProblem) {
          set({ editError: `Fix the XML error on line ${state.parseProblem.line ?? '?'} first; the form edits the last valid version.` });
          return false;
        }

        let text: string;
        try {
          text = deps.serialize(update(state.model));
        } catch (error) {
          set({ editError: error instanceof Error ? error.message : String(error) });
          return false;
        }
        if (text === state.text) {
          if (selection) set({ selection });
          return true;
        }

        const history = recordEdit(state.history, { text: state.text, selection: state.selection }, group, deps.now());
        const derived = derive(text, state, fileName());
        set({
          ...derived,
          text,
          externalRevision: state.externalRevision + 1,
          history,
          selection: clampSelection(selection ?? state.selection, derived.model),
          editError: null,
        });
        return true;
      },

      undo() {
        const state = get();
        const step = undo(state.history, { text: state.text, selection: state.selection });
        if (step) restore(step.state, step.history);
      },

      redo() {
        const state = get();
        const step = redo(state.history, { text: state.text, selection: state.selection });
        if (step) restore(step.state, step.history);
      },

      select(selection) {
        set({ selection: clampSelection(selection, get().model), history: closeGroup(get().history) });
      },

      closeUndoGroup() {
        set({ history: closeGroup(get().history) });
      },

      markSaved(text, result) {
        const document = get().document;
        if (!document) return;
        set({
          document: { ...document, filePath: result.filePath, displayName: result.displayName, source: document.source === 'draft' ? 'xml' : document.source, recoveredDraftAt: undefined },
          savedText: text,
          history: closeGroup(get().history),
        });
      },

      revalidate() {
        const state = get();
        if (state.model && state.kind === 'profile') set({ diagnostics: deps.validate(state.model, state.validation) });
      },

      setValidation(changes) {
        set({ validation: { ...get().validation, ...changes } });
        get().revalidate();
      },
    };
  });
}

/**
 * Returns the selection of the same payload in `next` when typing moved it to another index
 * (a payload above it was cut or pasted). A payload is known by its PayloadUUID. When the
 * payload at the selected index keeps its UUID, or the UUID is nowhere in `next` (it is being
 * typed), the index stays.
 */
function followPayload(selection: Selection, previous: PlistValue | null, next: PlistValue | null): Selection {
  if (selection.kind !== 'payload' || previous === null || next === null || previous === next) return selection;
  const uuid = payloadUuidAt(previous, selection.index);
  if (uuid === undefined || payloadUuidAt(next, selection.index) === uuid) return selection;

  const moved = payloadsOf(next).find(({ payload }) => dictGetString(payload, 'PayloadUUID') === uuid);
  return moved === undefined ? selection : { kind: 'payload', index: moved.index };
}

function payloadUuidAt(root: PlistValue, index: number): string | undefined {
  const uuid = getAt(root, ['PayloadContent', index, 'PayloadUUID']);
  return uuid?.kind === 'string' ? uuid.value : undefined;
}

/** Falls back to the general settings when the selected item no longer exists. */
function clampSelection(selection: Selection, model: PlistValue | null): Selection {
  if (selection.kind === 'general' || model === null) return selection;
  if (selection.kind === 'profile-service') return isProfileService(model) ? selection : GENERAL;
  return payloadsOf(model).some((p) => p.index === selection.index) ? selection : GENERAL;
}
