// One payload in the sidebar list, with its actions when selected.
//
// Memoised on its payload: typing in the XML editor gives most payloads the same object as
// before (see shared/plist/xml/incremental.ts), so a list of hundreds re-renders only the
// payload that changed.

import { memo, type KeyboardEvent } from 'react';

import { dictGetString, type PlistDict, type PlistValue } from '../../shared/plist/model.ts';
import type { SchemaRegistry } from '../../shared/schema/index.ts';
import { duplicatePayload, movePayload, removePayload } from '../../shared/profile/edit/profile.ts';
import { randomUuid } from '../model/uuid.ts';
import type { EditorStore, Selection } from '../store/editor-store.ts';

export interface SidebarPayloadItemProps {
  readonly editor: EditorStore;
  readonly schemas: SchemaRegistry;
  readonly payload: PlistDict;
  /** Index in PayloadContent. */
  readonly index: number;
  /** Indexes of the payloads above and below in the list, or null at either end. */
  readonly previousIndex: number | null;
  readonly nextIndex: number | null;
  readonly errors: number;
  readonly selected: boolean;
  readonly editable: boolean;
}

function titleOf(schemas: SchemaRegistry, payload: PlistDict): { title: string; type: string } {
  const type = dictGetString(payload, 'PayloadType') ?? '';
  const schema = schemas.forPayload(type, (key) => dictGetString(payload, key));
  return { title: dictGetString(payload, 'PayloadDisplayName') || schema?.title || type || 'Payload', type };
}

export const SidebarPayloadItem = memo(function SidebarPayloadItem({ editor, schemas, payload, index, previousIndex, nextIndex, errors, selected, editable }: SidebarPayloadItemProps) {
  const { title, type } = titleOf(schemas, payload);
  const select = () => editor.getState().select({ kind: 'payload', index });
  const edit = (update: (root: PlistValue) => PlistValue, next?: Selection) => editor.getState().editModel(update, null, next);
  const moveTo = (target: number | null) => {
    if (target !== null) edit((root) => movePayload(root, index, target), { kind: 'payload', index: target });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Alt+Arrow moves the payload, as in list editors of the common desktop toolkits.
    if (!event.altKey || !editable) return;
    let target: number | null = null;
    if (event.key === 'ArrowUp') target = previousIndex;
    if (event.key === 'ArrowDown') target = nextIndex;
    if (target === null) return;
    event.preventDefault();
    moveTo(target);
  };

  return (
    <li className="payload-entry" data-payload-index={index}>
      <button type="button" className="sidebar-item" aria-current={selected ? 'true' : undefined} aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown" onClick={select} onKeyDown={onKeyDown}>
        <span className="sidebar-item-title">{title}</span>
        <span className="sidebar-item-type">{type}</span>
        {errors > 0 ? <span className="badge badge-error">{errors === 1 ? '1 error' : `${errors} errors`}</span> : null}
      </button>
      {selected && editable ? (
        <div className="payload-actions" role="group" aria-label={`Actions for ${title}`}>
          <button type="button" className="icon-button" aria-label={`Move ${title} up`} disabled={previousIndex === null} onClick={() => moveTo(previousIndex)}>
            ↑
          </button>
          <button type="button" className="icon-button" aria-label={`Move ${title} down`} disabled={nextIndex === null} onClick={() => moveTo(nextIndex)}>
            ↓
          </button>
          <button type="button" className="small-button" aria-label={`Duplicate ${title}`} onClick={() => edit((root) => duplicatePayload(root, index, randomUuid()), { kind: 'payload', index: index + 1 })}>
            Duplicate
          </button>
          <button type="button" className="small-button danger" aria-label={`Remove ${title}`} onClick={() => edit((root) => removePayload(root, index), { kind: 'general' })}>
            Remove
          </button>
        </div>
      ) : null}
    </li>
  );
});
