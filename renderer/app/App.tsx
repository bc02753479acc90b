// The window layout: toolbar, banners, sidebar, editor, XML pane, Problems, the inspection,
// certificate and enrolment screens, dialogs and notices. Files dropped anywhere go to the
// inspection screen.

import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { DocumentBanners } from '../components/DocumentBanners.tsx';
import { EditorPane } from '../components/EditorPane.tsx';
import { Notices } from '../components/Notices.tsx';
import { PayloadLibrary } from '../components/PayloadLibrary.tsx';
import { ProblemsPanel } from '../components/ProblemsPanel.tsx';
import { Sidebar } from '../components/Sidebar.tsx';
import { Toolbar } from '../components/Toolbar.tsx';
import { XmlEditor } from '../components/XmlEditor.tsx';
import { CertificateManager } from '../certificates/CertificateManager.tsx';
import { PassphraseDialog } from '../certificates/PassphraseDialog.tsx';
import { EnrolmentWorkbench } from '../enrolment/EnrolmentWorkbench.tsx';
import { ExportDialog } from '../export/ExportDialog.tsx';
import { InspectionScreen } from '../inspect/InspectionScreen.tsx';
import { useNavigation, useScreens } from '../screens/screens-context.ts';
import { useWindowDrop } from '../screens/use-window-drop.ts';
import { useEditor, useServices, useUi } from './context.ts';
import { useShortcuts } from './use-shortcuts.ts';

export function App() {
  const { controller } = useServices();
  const loaded = useEditor((s) => s.document !== null);
  const showXml = useUi((s) => s.showXml);
  const screen = useNavigation((s) => s.screen);
  const dragging = useWindowDrop(useScreens());
  useShortcuts(controller);

  return (
    <div className="app">
      <Toolbar />
      <div className="screen-editor" hidden={screen !== 'editor'}>
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
      </div>
      <div className="screen-holder" hidden={screen !== 'inspect'}>
        <InspectionScreen />
      </div>
      {screen === 'certificates' ? <CertificateManager /> : null}
      {screen === 'enrolment' ? <EnrolmentWorkbench /> : null}
      <PayloadLibrary />
      <ExportDialog />
      <PassphraseDialog />
      <ConfirmDialog />
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop to inspect</p>
        </div>
      ) : null}
      <Notices />
    </div>
  );
}
