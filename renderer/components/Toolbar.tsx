// The toolbar: document commands, undo and redo, validation and the XML pane toggle.

import { useServices, useEditor, useUi } from '../app/context.ts';
import { ScreenTabs } from '../screens/ScreenTabs.tsx';
import { isDirty } from '../store/editor-store.ts';
import { RecentMenu } from './RecentMenu.tsx';

export function Toolbar() {
  const { controller, ui } = useServices();
  const name = useEditor((s) => s.document?.displayName ?? '');
  const dirty = useEditor((s) => isDirty(s));
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const showXml = useUi((s) => s.showXml);

  return (
    <header className="toolbar" role="toolbar" aria-label="Document">
      <div className="toolbar-title">
        <span className="app-name">Mobileconfig Studio</span>
        <span className="document-name" aria-live="polite">
          {name}
          {dirty ? <span className="edited-mark"> — Edited</span> : null}
        </span>
      </div>
      <div className="toolbar-buttons">
        <button type="button" onClick={() => void controller.newDocument()}>
          New
        </button>
        <button type="button" onClick={() => void controller.openDocument()}>
          Open…
        </button>
        <RecentMenu />
        <button type="button" onClick={() => void controller.save()}>
          Save
        </button>
        <button type="button" onClick={() => void controller.saveAs()}>
          Save As…
        </button>
        <span className="toolbar-separator" aria-hidden="true" />
        <button type="button" disabled={!canUndo} onClick={() => void controller.run('undo')} aria-keyshortcuts="Control+Z Meta+Z">
          Undo
        </button>
        <button type="button" disabled={!canRedo} onClick={() => void controller.run('redo')} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y">
          Redo
        </button>
        <span className="toolbar-separator" aria-hidden="true" />
        <button type="button" onClick={() => void controller.run('validate')}>
          Validate
        </button>
        <button type="button" aria-pressed={showXml} onClick={() => ui.getState().toggleXml()}>
          XML
        </button>
        <span className="toolbar-separator" aria-hidden="true" />
        <ScreenTabs />
      </div>
    </header>
  );
}
