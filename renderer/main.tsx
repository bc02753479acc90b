// Renderer entry: connects to the preload API, creates the stores and renders the app.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App.tsx';
import { AppContext, type AppServices } from './app/context.ts';
import { createController } from './app/controller.ts';
import { createUiStore } from './app/ui-store.ts';
import { EnrolmentContext } from './enrolment/context.ts';
import { createEnrolmentStore } from './enrolment/enrolment-store.ts';
import { connectToMainProcess } from './ipc/client.ts';
import { dropInspectorOf } from './inspect/drop-inspector.ts';
import './monaco/setup.ts';
import { createScreenServices, type ScreenServices } from './screens/screen-services.ts';
import { ScreensContext } from './screens/screens-context.ts';
import { defaultEditorDeps } from './store/editor-deps.ts';
import { createDeferredView } from './store/deferred-view.ts';
import { createEditorStore, isTypingChange } from './store/editor-store.ts';
import './styles/app.css';
import './styles/screens.css';

const container = document.getElementById('root');
const client = connectToMainProcess();

if (container && client && window.mobileconfig) {
  const editor = createEditorStore(defaultEditorDeps);
  const ui = createUiStore();
  // The controller hands the screen commands (Inspect, Certificates, Export) to the screens.
  const screens: ScreenServices = createScreenServices({ client, inspectDropped: dropInspectorOf(window.mobileconfig), editor, ui });
  const editorView = createDeferredView(editor, isTypingChange);
  const services: AppServices = { editor, editorView, ui, controller: createController(client, editor, ui, globalThis, (command) => screens.run(command)) };
  const enrolment = createEnrolmentStore({ client, notify: (tone, message) => ui.getState().notify(tone, message) });

  createRoot(container).render(
    <StrictMode>
      <AppContext.Provider value={services}>
        <ScreensContext.Provider value={screens}>
          <EnrolmentContext.Provider value={enrolment}>
            <App />
          </EnrolmentContext.Provider>
        </ScreensContext.Provider>
      </AppContext.Provider>
    </StrictMode>,
  );
  void services.controller.start();
  screens.start();
} else if (container) {
  container.textContent = 'Mobileconfig Studio could not reach its main process. Start the app with `npm start` instead of opening this page directly.';
}
