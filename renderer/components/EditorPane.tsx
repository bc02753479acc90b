// The editor for the selected item, inside the form context, plus focus handling for Problems.

import { useEffect, useMemo, useRef } from 'react';

import type { DocumentKind } from '../../shared/ipc/contract.ts';
import { useEditor, useServices, useUi } from '../app/context.ts';
import { GeneralForm } from '../forms/GeneralForm.tsx';
import { PayloadForm } from '../forms/PayloadForm.tsx';
import { ProfileServiceForm } from '../forms/ProfileServiceForm.tsx';
import { createFormApi, FormContext } from '../forms/form-context.ts';
import { RawEntries, RawValueEditor } from '../forms/fields/RawValueEditor.tsx';
import { ReadOnlyNotice } from '../forms/form-parts.tsx';
import { payloadsOf } from '../../shared/profile/edit/profile.ts';

/** Headings for documents that are not configuration profiles, which the editor shows as raw keys. */
const RAW_DOCUMENT_TEXT: Readonly<Record<Exclude<DocumentKind, 'profile'>, { title: string; description: string }>> = {
  stub: { title: 'Profile stub', description: 'An iOS record of an installed profile; its keys are shown as they are.' },
  provisioning: { title: 'Provisioning profile', description: 'An app provisioning profile; its keys are shown as they are.' },
  plist: { title: 'Property list', description: 'This property list is not a configuration profile; its keys are shown as they are.' },
};

export function EditorPane() {
  const { editor } = useServices();
  const model = useEditor((s) => s.model);
  const kind = useEditor((s) => s.kind);
  const selection = useEditor((s) => s.selection);
  const diagnostics = useEditor((s) => s.diagnostics);
  const editable = useEditor((s) => s.parseProblem === null);
  const editError = useEditor((s) => s.editError);
  const focus = useUi((s) => s.focus);
  const paneRef = useRef<HTMLDivElement>(null);
  const form = useMemo(() => createFormApi(editor, diagnostics, editable), [editor, diagnostics, editable]);

  // Problems panel: focus the field of the finding, or the nearest enclosing one.
  useEffect(() => {
    if (!focus?.keyPath || !paneRef.current) return;
    const pane = paneRef.current;
    // Wait a frame, so that a newly selected payload's form is rendered.
    const frame = requestAnimationFrame(() => {
      for (let path = focus.keyPath ?? ''; ; path = parentPath(path)) {
        const field = pane.querySelector<HTMLElement>(`[data-key-path="${CSS.escape(path)}"]`);
        if (field) {
          field.scrollIntoView({ block: 'center' });
          field.querySelector<HTMLElement>('input, select, textarea, button')?.focus({ preventScroll: true });
          return;
        }
        if (path === '') return;
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [focus]);

  let content;
  if (model === null) {
    content = <p className="empty-state">This document is not a valid property list yet. Fix the XML error shown in Problems.</p>;
  } else if (kind !== 'profile') {
    content = (
      <div className="form" aria-label="Property list">
        <header className="form-header">
          <h2>{RAW_DOCUMENT_TEXT[kind].title}</h2>
          <p className="form-description">{RAW_DOCUMENT_TEXT[kind].description}</p>
        </header>
        <ReadOnlyNotice />
        {model.kind === 'dict' ? <RawEntries value={model} name="the document" onChange={(next) => form.editRoot(() => next)} /> : <RawValueEditor value={model} name="the root" onChange={(next) => form.editRoot(() => next)} />}
      </div>
    );
  } else if (model.kind !== 'dict') {
    content = <p className="empty-state">The root of this document is not a dictionary; edit it in the XML.</p>;
  } else if (selection.kind === 'payload') {
    const entry = payloadsOf(model).find((p) => p.index === selection.index);
    content = entry ? <PayloadForm key={selection.index} index={entry.index} payload={entry.payload} /> : null;
  } else if (selection.kind === 'profile-service') {
    content = <ProfileServiceForm root={model} />;
  } else {
    content = <GeneralForm root={model} />;
  }

  return (
    <FormContext.Provider value={form}>
      <div className="editor-pane" ref={paneRef}>
        {editError ? (
          <p className="edit-error" role="alert">
            {editError}
          </p>
        ) : null}
        {content}
      </div>
    </FormContext.Provider>
  );
}

/** `PayloadContent[1].Foo.Bar` → `PayloadContent[1].Foo` → `PayloadContent[1]` → `PayloadContent` → ''. */
function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}
