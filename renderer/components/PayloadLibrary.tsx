// The payload library: a searchable list of the payload types the schemas describe.

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';

import { dictGetString } from '../../shared/plist/model.ts';
import { searchSchemasIn, type PayloadSchema } from '../../shared/schema/index.ts';
import { useEditor, useSchemas, useServices, useUi } from '../app/context.ts';
import { addPayload, makeProfileService, newPayload, payloadsOf, PROFILE_SERVICE } from '../../shared/profile/edit/profile.ts';
import { randomUuid } from '../model/uuid.ts';

export function PayloadLibrary() {
  const { editor, ui } = useServices();
  const schemas = useSchemas();
  const open = useUi((s) => s.libraryOpen);
  const model = useEditor((s) => s.model);
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<Element | null>(null);

  const results = useMemo(() => searchSchemasIn(query, schemas), [query, schemas]);
  const service = schemas.get(PROFILE_SERVICE);
  const canBecomeService = model !== null && payloadsOf(model).length === 0 && service !== undefined && matches(service, query);

  useEffect(() => {
    if (!open) return;
    returnFocus.current = document.activeElement;
    searchRef.current?.focus();
    return () => {
      if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
    };
  }, [open]);

  if (!open) return null;

  const close = () => {
    setQuery('');
    ui.getState().setLibraryOpen(false);
  };

  const add = (schema: PayloadSchema) => {
    const root = editor.getState().model;
    if (!root) return;
    const profileId = root.kind === 'dict' ? (dictGetString(root, 'PayloadIdentifier') ?? 'com.example.profile') : 'com.example.profile';
    const index = payloadsOf(root).length === 0 ? 0 : Math.max(...payloadsOf(root).map((p) => p.index)) + 1;
    const done = editor.getState().editModel((current) => addPayload(current, newPayload(schema, randomUuid(), profileId)), null, { kind: 'payload', index });
    if (done) close();
  };

  const becomeService = () => {
    const done = editor.getState().editModel((current) => makeProfileService(current), null, { kind: 'profile-service' });
    if (done) close();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    // Keep Tab inside the dialog.
    if (event.key === 'Tab' && dialogRef.current) {
      const focusable = dialogRef.current.querySelectorAll<HTMLElement>('input, button');
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="modal library" role="dialog" aria-modal="true" aria-labelledby="library-title" ref={dialogRef} onKeyDown={onKeyDown}>
        <h2 id="library-title">Add payload</h2>
        <input ref={searchRef} className="input" type="search" aria-label="Search payload types" placeholder="Search by name, type or key" value={query} onChange={(e) => setQuery(e.target.value)} />
        <p className="hint" aria-live="polite">
          {results.length + (canBecomeService ? 1 : 0)} payload types
        </p>
        <ul className="library-results">
          {canBecomeService && service ? (
            <li>
              <button type="button" className="library-item" onClick={becomeService}>
                <span className="library-item-title">{service.title}</span>
                <code className="library-item-type">{service.payloadType}</code>
                <span className="library-item-description">Turns this empty profile into an over-the-air enrolment profile. {service.description}</span>
              </button>
            </li>
          ) : null}
          {results.map((schema) => (
            <li key={schema.id}>
              <button type="button" className="library-item" onClick={() => add(schema)}>
                <span className="library-item-title">{schema.title}</span>
                <code className="library-item-type">{schema.payloadType}</code>
                {schema.description ? <span className="library-item-description">{schema.description}</span> : null}
              </button>
            </li>
          ))}
        </ul>
        <div className="modal-buttons">
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}

function matches(schema: PayloadSchema, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = `${schema.title} ${schema.payloadType} ${schema.description ?? ''}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}
