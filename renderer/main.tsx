// Renderer entry: connects to the preload API, creates the stores and renders the app.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App.tsx';
import { AppContext, type AppServices } from './app/context.ts';
import { createController } from './app/controller.ts';
import { createUiStore } from './app/ui-store.ts';
import { connectToMainProcess } from './ipc/client.ts';
import './monaco/setup.ts';
import { defaultEditorDeps } from './store/editor-deps.ts';
import { createEditorStore } from './store/editor-store.ts';
import './styles/app.css';

const container = document.getElementById('root');
const client = connectToMainProcess();

if (container && client) {
  const editor = createEditorStore(defaultEditorDeps);
  const ui = createUiStore();
  const services: AppServices = { editor, ui, controller: createController(client, editor, ui) };

  createRoot(container).render(
    <StrictMode>
      <AppContext.Provider value={services}>
        <App />
      </AppContext.Provider>
    </StrictMode>,
  );
  void services.controller.start();
} else if (container) {
  container.textContent = 'Mobileconfig Studio could not reach its main process. Start the app with `npm start` instead of opening this page directly.';
}
