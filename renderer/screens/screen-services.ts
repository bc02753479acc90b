// The stores of the inspection, certificate and export screens, and the menu commands that
// open them.

import type { ScreenCommand } from '../app/controller.ts';
import type { UiStore } from '../app/ui-store.ts';
import { createCertificateStore, type CertificateStore } from '../certificates/certificate-store.ts';
import { createExportStore, type ExportStore } from '../export/export-store.ts';
import { createInspectionStore, type DropInspector, type InspectionStore } from '../inspect/inspection-store.ts';
import type { IpcClient } from '../ipc/client.ts';
import type { EditorStore } from '../store/editor-store.ts';
import { createNavigationStore, type NavigationStore } from './navigation-store.ts';

export interface ScreenServices {
  readonly navigation: NavigationStore;
  readonly inspection: InspectionStore;
  readonly certificates: CertificateStore;
  readonly exporting: ExportStore;
  /** Runs File > Inspect…, Inspect Folder…, Certificates and Identities… and Export…. */
  run(command: ScreenCommand): Promise<void>;
  /** Subscribes to progress events and loads the keystore's state; returns the function that unsubscribes. */
  start(): () => void;
}

export interface ScreenServiceDeps {
  readonly client: IpcClient;
  readonly inspectDropped: DropInspector;
  readonly editor: EditorStore;
  readonly ui: UiStore;
}

export function createScreenServices(deps: ScreenServiceDeps): ScreenServices {
  const notify = (tone: 'info' | 'success' | 'error', message: string) => deps.ui.getState().notify(tone, message);
  const navigation = createNavigationStore();
  const inspection = createInspectionStore({ client: deps.client, inspectDropped: deps.inspectDropped, notify });
  const certificates = createCertificateStore({ client: deps.client, notify });
  const exporting = createExportStore({
    client: deps.client,
    source: () => {
      const state = deps.editor.getState();
      const problem = state.parseProblem ? `line ${state.parseProblem.line ?? '?'}: ${state.parseProblem.message}` : null;
      return { text: state.text, profileName: state.document?.displayName ?? 'Untitled', problem };
    },
  });

  return {
    navigation,
    inspection,
    certificates,
    exporting,

    async run(command) {
      switch (command) {
        case 'inspect':
          navigation.getState().show('inspect');
          return inspection.getState().choose(false);
        case 'inspect-folder':
          navigation.getState().show('inspect');
          return inspection.getState().choose(true);
        case 'certificates':
          navigation.getState().show('certificates');
          return certificates.getState().refresh();
        case 'export':
          // The identity and device lists may have changed since the dialog was last open.
          await certificates.getState().refresh();
          navigation.getState().show('editor');
          return exporting.getState().openDialog();
        default: {
          const unknown: never = command;
          notify('error', `Unknown command ${String(unknown)}.`);
        }
      }
    },

    start() {
      const unsubscribe = [
        deps.client.on('inspect-progress', (progress) => inspection.getState().setProgress(progress)),
        deps.client.on('export-progress', (progress) => exporting.getState().setProgress(progress)),
      ];
      void certificates.getState().refresh();
      return () => unsubscribe.forEach((stop) => stop());
    },
  };
}
