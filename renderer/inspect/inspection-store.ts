// The inspection screen's state: the inspected files and folders, folder progress, and the two
// files chosen for comparison. Actions call the main process and report failures as notices.

import { createStore, type StoreApi } from 'zustand/vanilla';

import type { IpcEvents } from '../../shared/ipc/contract.ts';
import type { FileInspection, FolderInspectionResult, FolderTable, InspectionBatch } from '../../shared/ipc/screens.ts';
import type { IpcClient } from '../ipc/client.ts';

/** Sends dropped DOM Files to the main process (through the preload's inspectDroppedFiles). */
export type DropInspector = (files: readonly File[]) => Promise<InspectionBatch>;

export interface InspectedFile extends FileInspection {
  /** Subject of the identity the profile was decrypted with. */
  readonly decryptedWith?: string;
}

export interface InspectionState {
  /** Inspected files, the latest drop first. */
  readonly files: readonly InspectedFile[];
  readonly folders: readonly FolderInspectionResult[];
  /** Progress of the running folder walk. */
  readonly progress: IpcEvents['inspect-progress'] | null;
  readonly busy: boolean;
  /** Inspection ids ticked for comparison, at most two, in the order they were ticked. */
  readonly compareIds: readonly string[];
}

export interface InspectionActions {
  inspectDropped(files: readonly File[]): Promise<void>;
  /** Shows an open dialog for files (or a folder) and inspects the choice. */
  choose(folder: boolean): Promise<void>;
  cancel(): Promise<void>;
  clear(): Promise<void>;
  decrypt(inspectionId: string, identityId: string, identityName: string): Promise<boolean>;
  saveCsv(folderId: string, table: FolderTable): Promise<void>;
  toggleCompare(inspectionId: string): void;
  removeFile(inspectionId: string): void;
  removeFolder(folderId: string): void;
  setProgress(progress: IpcEvents['inspect-progress'] | null): void;
}

export type InspectionStore = StoreApi<InspectionState & InspectionActions>;

export interface InspectionDeps {
  readonly client: IpcClient;
  readonly inspectDropped: DropInspector;
  notify(tone: 'info' | 'success' | 'error', message: string): void;
}

export function createInspectionStore(deps: InspectionDeps): InspectionStore {
  return createStore<InspectionState & InspectionActions>()((set, get) => {
    const report = (error: unknown) => deps.notify('error', error instanceof Error ? error.message : String(error));

    /** Runs an inspection call and puts its files and folders in front of the earlier ones. */
    const run = async (call: () => Promise<InspectionBatch | null>): Promise<void> => {
      set({ busy: true });
      try {
        const batch = await call();
        if (batch) set({ files: [...batch.files, ...get().files], folders: [...batch.folders, ...get().folders] });
        for (const folder of batch?.folders ?? []) {
          if (folder.cancelled) deps.notify('info', `Stopped inspecting ${folder.folder} after ${folder.rows.length} files.`);
          if (folder.truncated) deps.notify('info', `${folder.folder} has more files than can be inspected at once; the first ${folder.rows.length} are listed.`);
        }
      } catch (error) {
        report(error);
      } finally {
        set({ busy: false, progress: null });
      }
    };

    return {
      files: [],
      folders: [],
      progress: null,
      busy: false,
      compareIds: [],

      inspectDropped: (files) => run(() => deps.inspectDropped(files)),
      choose: (folder) => run(() => deps.client.call('inspect.choose', { folder })),

      async cancel() {
        await deps.client.call('inspect.cancel', {}).catch(report);
      },

      async clear() {
        set({ files: [], folders: [], compareIds: [] });
        await deps.client.call('inspect.clear', {}).catch(report);
      },

      async decrypt(inspectionId, identityId, identityName) {
        try {
          const decrypted = await deps.client.call('inspect.decrypt', { inspectionId, identityId });
          set({ files: get().files.map((file) => (file.inspectionId === inspectionId ? { ...decrypted, decryptedWith: identityName } : file)) });
          deps.notify('success', `Decrypted ${baseName(decrypted.report.file)} with ${identityName}.`);
          return true;
        } catch (error) {
          report(error);
          return false;
        }
      },

      async saveCsv(folderId, table) {
        try {
          const saved = await deps.client.call('inspect.saveCsv', { folderId, table });
          if (saved) deps.notify('success', `Saved ${saved.filePath}.`);
        } catch (error) {
          report(error);
        }
      },

      toggleCompare(inspectionId) {
        const ids = get().compareIds;
        // A third tick replaces the older of the two.
        set({ compareIds: ids.includes(inspectionId) ? ids.filter((id) => id !== inspectionId) : [...ids, inspectionId].slice(-2) });
      },

      removeFile(inspectionId) {
        set({ files: get().files.filter((file) => file.inspectionId !== inspectionId), compareIds: get().compareIds.filter((id) => id !== inspectionId) });
      },

      removeFolder(folderId) {
        set({ folders: get().folders.filter((folder) => folder.folderId !== folderId) });
      },

      setProgress(progress) {
        set({ progress });
      },
    };
  });
}

/** Returns the last path segment, for either separator. */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}
