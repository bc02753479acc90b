// The window layout: toolbar, banners, sidebar, editor, XML pane, Problems, dialogs and notices.

import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { DocumentBanners } from '../components/DocumentBanners.tsx';
import { EditorPane } from '../components/EditorPane.tsx';
import { Notices } from '../components/Notices.tsx';
import { PayloadLibrary } from '../components/PayloadLibrary.tsx';
import { ProblemsPanel } from '../components/ProblemsPanel.tsx';
import { Sidebar } from '../components/Sidebar.tsx';
import { Toolbar } from '../components/Toolbar.tsx';
import { XmlEditor } from '../components/XmlEditor.tsx';
import { useEditor, useServices, useUi } from './context.ts';
import { useShortcuts } from './use-shortcuts.ts';

export function App() {
  const { controller } = useServices();
  const loaded = useEditor((s) => s.document !== null);
  const showXml = useUi((s) => s.showXml);
  useShortcuts(controller);

  return (
    <div className="app">
      <Toolbar />
      <DocumentBanners />
      {loaded ? (
        <div className={`workspace${showXml ? ' with-xml' : ''}`}>
          <Sidebar />
          <main className="main-pane" aria-label="Editor">
            <EditorPane />
          </main>
          {showXml ? <XmlEditor /> : null}
          <ProblemsPanel />
        </div>
      ) : (
        <p className="empty-state">Opening…</p>
      )}
      <PayloadLibrary />
      <ConfirmDialog />
      <Notices />
    </div>
  );
}
