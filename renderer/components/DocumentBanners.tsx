// Banners above the editor: drafts to recover, notes about the opened file, and the recovered state.

import { useEditor, useServices, useUi } from '../app/context.ts';

export function DocumentBanners() {
  const { controller } = useServices();
  const drafts = useUi((s) => s.drafts);
  const document = useEditor((s) => s.document);

  return (
    <div className="banners">
      {drafts.map((draft) => (
        <div key={draft.documentId} className="banner banner-warning" role="region" aria-label={`Unsaved changes to ${draft.displayName}`}>
          <span>
            Unsaved changes to <strong>{draft.displayName}</strong> from {new Date(draft.savedAt).toLocaleString()} were recovered after the app stopped.
          </span>
          <button type="button" className="primary" onClick={() => void controller.restoreDraft(draft.documentId)}>
            Restore
          </button>
          <button type="button" onClick={() => void controller.discardDraft(draft.documentId)}>
            Discard
          </button>
        </div>
      ))}
      {document?.notes.map((note) => (
        <div key={note} className="banner banner-info" role="note">
          {note}
        </div>
      ))}
      {document?.recoveredDraftAt ? (
        <div className="banner banner-info" role="note">
          This is an autosaved draft from {new Date(document.recoveredDraftAt).toLocaleString()}. Save it to keep it.
        </div>
      ) : null}
    </div>
  );
}
