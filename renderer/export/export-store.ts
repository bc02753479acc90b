// The export dialog's state: the choices, the warnings the main process found for them, the
// confirmation that error warnings need, progress, and the read-back result.

import { createStore, type StoreApi } from 'zustand/vanilla';

import type { ExportMode, ExportProgress, ExportResult, ExportWarning } from '../../shared/export/results.ts';
import type { ExportChoices, ExportCipher, ExportDigest } from '../../shared/ipc/screens.ts';
import type { IpcClient } from '../ipc/client.ts';

/** The profile to export, as the editor has it. */
export interface ExportSource {
  readonly text: string;
  readonly profileName: string;
  /** Set when the XML does not parse; nothing can be exported until it is fixed. */
  readonly problem: string | null;
}

export interface ExportSettings {
  readonly mode: ExportMode;
  readonly identityId: string | null;
  readonly digest: ExportDigest;
  readonly recipientIds: readonly string[];
  readonly cipher: ExportCipher;
  /** For the encrypted modes: sign after encrypting, with `identityId`. */
  readonly signEncrypted: boolean;
}

export interface ExportState {
  readonly open: boolean;
  readonly settings: ExportSettings;
  readonly warnings: readonly ExportWarning[];
  readonly checking: boolean;
  /** The user ticked "Export anyway" for the error warnings. */
  readonly acceptErrors: boolean;
  readonly running: boolean;
  readonly progress: ExportProgress | null;
  readonly result: ExportResult | null;
  readonly error: string | null;
}

export interface ExportActions {
  openDialog(): void;
  close(): void;
  change(settings: Partial<ExportSettings>): void;
  setAcceptErrors(accept: boolean): void;
  run(): Promise<void>;
  setProgress(progress: ExportProgress): void;
}

export type ExportStore = StoreApi<ExportState & ExportActions>;

export interface ExportDeps {
  readonly client: IpcClient;
  /** Returns the profile as the editor has it now. */
  source(): ExportSource;
}

const DEFAULT_SETTINGS: ExportSettings = { mode: 'signed', identityId: null, digest: 'sha256', recipientIds: [], cipher: 'aes-256-cbc', signEncrypted: true };

/** Returns the request fields for `settings`: only what the mode uses. */
export function exportChoicesOf(source: ExportSource, settings: ExportSettings): ExportChoices {
  const encrypting = settings.mode === 'encrypted' || settings.mode === 'per-recipient';
  const signing = settings.mode === 'signed' || (encrypting && settings.signEncrypted);
  return {
    text: source.text,
    profileName: source.profileName,
    mode: settings.mode,
    ...(signing && settings.identityId ? { identityId: settings.identityId, digest: settings.digest } : {}),
    ...(encrypting ? { recipientIds: [...settings.recipientIds], cipher: settings.cipher } : {}),
  };
}

/** Returns why the dialog cannot export yet, or null when it can. */
export function missingChoice(source: ExportSource, settings: ExportSettings): string | null {
  if (source.problem) return `The XML has an error (${source.problem}). Fix it before exporting.`;
  const encrypting = settings.mode === 'encrypted' || settings.mode === 'per-recipient';
  if ((settings.mode === 'signed' || (encrypting && settings.signEncrypted)) && !settings.identityId) return 'Choose a signing identity.';
  if (encrypting && settings.recipientIds.length === 0) return 'Choose at least one device certificate.';
  return null;
}

export function createExportStore(deps: ExportDeps): ExportStore {
  return createStore<ExportState & ExportActions>()((set, get) => {
    // Each preflight gets a number; a reply to an older one is dropped.
    let preflightNumber = 0;

    const preflight = async (): Promise<void> => {
      const number = ++preflightNumber;
      const source = deps.source();
      if (missingChoice(source, get().settings)) {
        set({ warnings: [], checking: false });
        return;
      }
      set({ checking: true });
      try {
        const warnings = await deps.client.call('export.preflight', exportChoicesOf(source, get().settings));
        if (number === preflightNumber) set({ warnings, checking: false, error: null });
      } catch (error) {
        if (number === preflightNumber) set({ warnings: [], checking: false, error: error instanceof Error ? error.message : String(error) });
      }
    };

    return {
      open: false,
      settings: DEFAULT_SETTINGS,
      warnings: [],
      checking: false,
      acceptErrors: false,
      running: false,
      progress: null,
      result: null,
      error: null,

      openDialog() {
        set({ open: true, result: null, error: null, progress: null, acceptErrors: false });
        void preflight();
      },

      close() {
        if (get().running) return;
        set({ open: false });
      },

      change(settings) {
        set({ settings: { ...get().settings, ...settings }, acceptErrors: false, result: null, error: null });
        void preflight();
      },

      setAcceptErrors(accept) {
        set({ acceptErrors: accept });
      },

      async run() {
        const source = deps.source();
        const { settings, acceptErrors } = get();
        const missing = missingChoice(source, settings);
        if (missing) {
          set({ error: missing });
          return;
        }

        set({ running: true, result: null, error: null, progress: null });
        try {
          const result = await deps.client.call('export.run', { ...exportChoicesOf(source, settings), acceptErrors });
          set({ result });
        } catch (error) {
          set({ error: error instanceof Error ? error.message : String(error) });
        } finally {
          set({ running: false });
        }
      },

      setProgress(progress) {
        set({ progress });
      },
    };
  });
}
