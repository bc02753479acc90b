// The sidebar: General settings, the payload list with its actions, and Add payload.

import { useMemo, type KeyboardEvent } from 'react';

import type { DocumentKind } from '../../shared/ipc/contract.ts';
import { dictGetString, type PlistDict } from '../../shared/plist/model.ts';
import { useEditor, useSchemas, useServices } from '../app/context.ts';
import { duplicatePayload, isProfileService, movePayload, payloadsOf, removePayload } from '../../shared/profile/edit/profile.ts';
import { randomUuid } from '../model/uuid.ts';
import type { Selection } from '../store/editor-store.ts';

const KIND_LABELS: Readonly<Record<DocumentKind, string>> = { profile: 'Profile settings', stub: 'Profile stub', provisioning: 'Provisioning profile', plist: 'Property list' };

export function Sidebar() {
  const { editor, ui } = useServices();
  const schemas = useSchemas();
  const model = useEditor((s) => s.model);
  const kind = useEditor((s) => s.kind);
  const selection = useEditor((s) => s.selection);
  const editable = useEditor((s) => s.parseProblem === null && s.model !== null);
  const diagnostics = useEditor((s) => s.diagnostics);
  const errorsByPayload = useMemo(() => countErrorsByPayload(diagnostics), [diagnostics]);

  const payloads = model ? payloadsOf(model) : [];
  const service = isProfileService(model);
  const select = (next: Selection) => editor.getState().select(next);
  const edit = (update: Parameters<ReturnType<typeof editor.getState>['editModel']>[0], next?: Selection) => editor.getState().editModel(update, null, next);

  const titleOf = (payload: PlistDict): { title: string; type: string } => {
    const type = dictGetString(payload, 'PayloadType') ?? '';
    const schema = schemas.forPayload(type, (key) => dictGetString(payload, key));
    return { title: dictGetString(payload, 'PayloadDisplayName') || schema?.title || type || 'Payload', type };
  };

  const onItemKey = (event: KeyboardEvent, index: number, position: number) => {
    // Alt+Arrow moves the payload, as in list editors of the common desktop toolkits.
    if (!event.altKey || !editable) return;
    if (event.key === 'ArrowUp' && position > 0) {
      event.preventDefault();
      edit((root) => movePayload(root, index, payloads[position - 1].index), { kind: 'payload', index: payloads[position - 1].index });
    } else if (event.key === 'ArrowDown' && position < payloads.length - 1) {
      event.preventDefault();
      edit((root) => movePayload(root, index, payloads[position + 1].index), { kind: 'payload', index: payloads[position + 1].index });
    }
  };

  return (
    <nav className="sidebar" aria-label="Profile contents">
      <ul className="sidebar-list">
        <li>
          <button type="button" className="sidebar-item" aria-current={selection.kind === 'general' ? 'true' : undefined} onClick={() => select({ kind: 'general' })}>
            <span className="sidebar-item-title">General</span>
            <span className="sidebar-item-type">{KIND_LABELS[kind]}</span>
          </button>
        </li>
        {service ? (
          <li>
            <button type="button" className="sidebar-item" aria-current={selection.kind === 'profile-service' ? 'true' : undefined} onClick={() => select({ kind: 'profile-service' })}>
              <span className="sidebar-item-title">Profile Service</span>
              <span className="sidebar-item-type">Enrolment request</span>
            </button>
          </li>
        ) : null}
      </ul>

      {kind === 'profile' && !service ? (
        <>
          <h2 className="sidebar-heading" id="payloads-heading">
            Payloads <span className="count">({payloads.length})</span>
          </h2>
          <ul className="sidebar-list" aria-labelledby="payloads-heading">
            {payloads.map(({ index, payload }, position) => {
              const { title, type } = titleOf(payload);
              const errors = errorsByPayload.get(index) ?? 0;
              const selected = selection.kind === 'payload' && selection.index === index;
              return (
                <li key={index} className="payload-entry" data-payload-index={index}>
                  <button
                    type="button"
                    className="sidebar-item"
                    aria-current={selected ? 'true' : undefined}
                    aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                    onClick={() => select({ kind: 'payload', index })}
                    onKeyDown={(e) => onItemKey(e, index, position)}
                  >
                    <span className="sidebar-item-title">{title}</span>
                    <span className="sidebar-item-type">{type}</span>
                    {errors > 0 ? <span className="badge badge-error">{errors === 1 ? '1 error' : `${errors} errors`}</span> : null}
                  </button>
                  {selected && editable ? (
                    <div className="payload-actions" role="group" aria-label={`Actions for ${title}`}>
                      <button type="button" className="icon-button" aria-label={`Move ${title} up`} disabled={position === 0} onClick={() => edit((root) => movePayload(root, index, payloads[position - 1].index), { kind: 'payload', index: payloads[position - 1].index })}>
                        ↑
                      </button>
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={`Move ${title} down`}
                        disabled={position === payloads.length - 1}
                        onClick={() => edit((root) => movePayload(root, index, payloads[position + 1].index), { kind: 'payload', index: payloads[position + 1].index })}
                      >
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
            })}
          </ul>
          <button type="button" className="add-payload" disabled={!editable} onClick={() => ui.getState().setLibraryOpen(true)}>
            Add payload…
          </button>
        </>
      ) : null}
    </nav>
  );
}

/** Counts error findings per payload index, from paths such as `PayloadContent[2].URL`. */
function countErrorsByPayload(diagnostics: readonly { severity: string; path: string }[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const finding of diagnostics) {
    if (finding.severity !== 'error') continue;
    const match = /^PayloadContent\[(\d+)\]/.exec(finding.path);
    if (!match) continue;
    const index = Number(match[1]);
    counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  return counts;
}
