// The raw XML editor: Monaco, kept in two-way sync with the editor store.
//
// Typing goes to the store as it happens. A change from elsewhere (form edit, undo, load)
// arrives as a new externalRevision and is applied as the smallest replacement, so that the
// cursor and scroll position survive. Undo and redo are the store's, never Monaco's own, so
// that there is one history for both editors.

import { Editor, type OnMount } from '@monaco-editor/react';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { PlistValue } from '../../shared/plist/model.ts';
import { useEditor, useServices, useUi } from '../app/context.ts';
import { getAt } from '../../shared/profile/edit/paths.ts';
import { isTypingChange, type EditorState, type Selection } from '../store/editor-store.ts';
import { buildMarkers } from '../monaco/markers.ts';
import { monaco } from '../monaco/setup.ts';
import { minimalReplacement } from '../../shared/text/text-diff.ts';
import { normalizeNewlines } from '../../shared/plist/xml/xml-chars.ts';
import { useColorScheme } from './use-color-scheme.ts';

type CodeEditor = Parameters<OnMount>[0];

/** Line where the selected payload's dictionary starts in the XML, or null for other selections. */
function selectedItemLine(model: PlistValue | null, selection: Selection): number | null {
  if (selection.kind !== 'payload' || model === null) return null;
  return getAt(model, ['PayloadContent', selection.index])?.pos?.line ?? null;
}

export function XmlEditor() {
  const { editor: store } = useServices();
  const revision = useEditor((s) => s.externalRevision);
  const diagnostics = useEditor((s) => s.diagnostics);
  const parseProblem = useEditor((s) => s.parseProblem);
  const focus = useUi((s) => s.focus);
  const selection = useEditor((s) => s.selection);
  const findNonce = useUi((s) => s.findNonce);
  const scheme = useColorScheme();
  const editorRef = useRef<CodeEditor | null>(null);
  const applyingRef = useRef(false);
  const [mounted, setMounted] = useState(false);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.getModel()?.setEOL(monaco.editor.EndOfLineSequence.LF);

    editor.onDidChangeModelContent(() => {
      if (applyingRef.current) return;
      store.getState().editText(editor.getValue());
    });
    editor.onDidBlurEditorText(() => store.getState().closeUndoGroup());

    // One history: the store's undo and redo replace Monaco's.
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => store.getState().undo());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () => store.getState().redo());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => store.getState().redo());
    setMounted(true);
  };

  // Changes from outside the editor: apply the smallest replacement. Monaco's buffer uses LF
  // line ends (set on mount), but a document opened with CRLF keeps them in the store until the
  // first key, and undo can bring them back. Comparing with the text as Monaco stores it limits
  // the replacement to what changed, so that the cursor stays where the user left it.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    const text = store.getState().text;
    const edit = minimalReplacement(model.getValue(), text.includes('\r') ? normalizeNewlines(text) : text);
    if (!edit) return;
    const start = model.getPositionAt(edit.start);
    const end = model.getPositionAt(edit.end);
    applyingRef.current = true;
    try {
      model.pushEditOperations([], [{ range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column), text: edit.insert }], () => null);
    } finally {
      applyingRef.current = false;
    }
  }, [revision, mounted, store]);

  // Markers for findings and the parse problem. Typing sets them from the store in the same task
  // as the key, so they do not wait for React (see deferred-view.ts). Any other change sets them
  // in the effect below, once its text is in the editor.
  const appliedMarkersRef = useRef<{ diagnostics: unknown; parseProblem: unknown } | null>(null);
  const showMarkers = useCallback((state: Pick<EditorState, 'diagnostics' | 'parseProblem'>) => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const applied = appliedMarkersRef.current;
    if (applied && applied.diagnostics === state.diagnostics && applied.parseProblem === state.parseProblem) return;
    appliedMarkersRef.current = { diagnostics: state.diagnostics, parseProblem: state.parseProblem };
    const markers = buildMarkers(state.diagnostics, state.parseProblem, (line) => (line >= 1 && line <= model.getLineCount() ? model.getLineLength(line) : 0));
    monaco.editor.setModelMarkers(model, 'mobileconfig', markers);
  }, []);

  /** The selection object the editor last scrolled to, or the one typing left, which the selection effect skips. */
  const revealedSelectionRef = useRef<Selection | null>(null);

  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (!isTypingChange(state, previous)) return;
        showMarkers(state);
        revealedSelectionRef.current = state.selection;
      }),
    [store, showMarkers],
  );

  useEffect(() => {
    showMarkers({ diagnostics, parseProblem });
  }, [diagnostics, parseProblem, mounted, revision, showMarkers]);

  // Selecting a payload scrolls the XML to it, without moving the focus. Every select action
  // makes a new selection object, while typing keeps it, or replaces it when a payload above is
  // cut. Typing must not scroll, because following the payload's moved line would pull the
  // editor away from the cursor. The line is read from the store, which may be a few keys
  // ahead of this render, so that it is a line of the text the editor shows. This effect runs
  // before the Problems one, so that the line of a problem wins over the top of its payload.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || selection === revealedSelectionRef.current) return;
    revealedSelectionRef.current = selection;
    const line = selectedItemLine(store.getState().model, selection);
    if (line !== null) editor.revealLineNearTop(line);
  }, [selection, mounted, store]);

  // Problems panel: reveal the line; take the focus only when no form field did.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !focus?.line) return;
    const position = { lineNumber: focus.line, column: focus.column ?? 1 };
    editor.revealLineInCenter(focus.line);
    editor.setPosition(position);
    if (focus.keyPath === undefined) editor.focus();
  }, [focus]);

  // Find command.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || findNonce === 0) return;
    editor.focus();
    void editor.getAction('actions.find')?.run();
  }, [findNonce]);

  return (
    <section className="xml-pane" aria-label="XML source">
      <h2 className="pane-title" id="xml-title">
        XML
      </h2>
      <div className="xml-editor" data-testid="xml-editor">
        <Editor
          defaultLanguage="xml"
          defaultValue={store.getState().text}
          theme={scheme === 'dark' ? 'vs-dark' : 'vs'}
          onMount={onMount}
          loading={<p className="hint">Loading editor…</p>}
          options={{
            ariaLabel: 'XML source of the profile',
            automaticLayout: true,
            minimap: { enabled: false },
            fontSize: 13,
            tabSize: 4,
            insertSpaces: false,
            wordWrap: 'off',
            scrollBeyondLastLine: false,
            renderWhitespace: 'none',
            glyphMargin: false,
            fixedOverflowWidgets: true,
            // Word suggestions while typing scan the whole document on each key, which on a
            // profile of a megabyte costs more than the parse; Ctrl+Space still shows them.
            quickSuggestions: false,
          }}
        />
      </div>
      <p className="sr-only" aria-live="polite">
        {parseProblem ? `XML error on line ${parseProblem.line ?? '?'}: ${parseProblem.message}` : ''}
      </p>
    </section>
  );
}
