// The sidebar: General settings, the payload list with its actions, and Add payload.

import { useMemo } from 'react';

import type { DocumentKind } from '../../shared/ipc/contract.ts';
import { useEditor, useSchemas, useServices } from '../app/context.ts';
import { isProfileService, payloadsOf } from '../../shared/profile/edit/profile.ts';
import type { Selection } from '../store/editor-store.ts';
import { SidebarPayloadItem } from './SidebarPayloadItem.tsx';

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
            {payloads.map(({ index, payload }, position) => (
              <SidebarPayloadItem
                key={index}
                editor={editor}
                schemas={schemas}
                payload={payload}
                index={index}
                previousIndex={position > 0 ? payloads[position - 1].index : null}
                nextIndex={position < payloads.length - 1 ? payloads[position + 1].index : null}
                errors={errorsByPayload.get(index) ?? 0}
                selected={selection.kind === 'payload' && selection.index === index}
                editable={editable}
              />
            ))}
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
