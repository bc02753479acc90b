// The inspection screen's methods: inspect dropped or chosen files and folders, decrypt an
// inspected profile with an imported identity, and save a folder's tables as CSV.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import type { FileInspection, FolderInspectionResult, FolderRow, InspectionBatch, ProvisioningRow } from '../../../shared/ipc/screens.ts';
import { writeXmlPlist } from '../../../shared/plist/xml/writer.ts';
import { openDocument } from '../../../shared/profile/open.ts';
import type { InspectReport } from '../../../shared/report/inspect-report.ts';
import { encodeUtf8 } from '../../../shared/text/encoding.ts';
import type { Logger } from '../../log.ts';
import { decryptProfile } from '../../services/cms/index.ts';
import { writeFileAtomic } from '../../services/files/atomic-write.ts';
import { folderReportCsv, inspectFolder, inspectPath } from '../../services/inspect/inspect-folder.ts';
import { inspectBytes } from '../../services/inspect/inspect-file.ts';
import { signatureVerifier } from '../../services/inspect/signature-verifier.ts';
import type { Keystore } from '../../services/keystore/index.ts';
import { DEFAULT_EXPIRING_WITHIN_DAYS } from '../../services/provisioning/index.ts';
import type { IpcHandlers } from '../dispatch.ts';
import { CSV_FILTERS, INSPECT_FILTERS, type ScreenDialogs } from './dialogs.ts';
import { folderRow, provisioningCsv, provisioningRows } from './folder-tables.ts';
import type { HandleTable } from './handles.ts';
import { mapServiceErrors } from './service-errors.ts';

export type InspectMethod = 'inspect.dropped' | 'inspect.choose' | 'inspect.cancel' | 'inspect.clear' | 'inspect.decrypt' | 'inspect.saveCsv';

/** The data of a folder result that main keeps for its CSV files. */
export interface FolderEntry {
  readonly folder: string;
  readonly reports: readonly InspectReport[];
  readonly provisioning: readonly ProvisioningRow[];
}

export interface InspectDeps {
  readonly keystore: Keystore;
  readonly dialogs: ScreenDialogs;
  readonly logger: Logger;
  /** Paths behind inspection and chosen-file handles. */
  readonly files: HandleTable<string>;
  readonly folders: HandleTable<FolderEntry>;
  readonly now: () => Date;
}

/** Progress events sent per folder walk at most; a large folder reports every n-th file. */
const PROGRESS_EVENTS_PER_FOLDER = 200;

/** Checks signed files against the system's roots only, as a device without extra anchors would. */
const verifySignature = signatureVerifier();

/** Report kinds whose plist the renderer gets as XML text. */
const KINDS_WITH_XML = new Set<InspectReport['kind']>(['profile', 'stub', 'plist']);

export function createInspectHandlers(deps: InspectDeps): Pick<IpcHandlers, InspectMethod> {
  const { dialogs, files, folders, logger } = deps;

  // Cancellation: inspect.cancel moves the window's generation on, and every walk started in an
  // older generation stops before its next file.
  const generations = new Map<number, number>();
  const generationOf = (ownerId: number) => generations.get(ownerId) ?? 0;

  const inspectFile = async (ownerId: number, file: string, bytes?: Uint8Array): Promise<FileInspection> => {
    const report = bytes ? await inspectBytes(bytes, file, { verify: verifySignature, now: deps.now() }) : await inspectPath(file, { verify: verifySignature, now: deps.now() });
    const xml = report.ok && KINDS_WITH_XML.has(report.kind) ? await xmlTextOf(file, bytes) : null;
    return { inspectionId: files.add(ownerId, file), report, xml };
  };

  const inspectOneFolder = async (ownerId: number, folder: string): Promise<FolderInspectionResult> => {
    const generation = generationOf(ownerId);
    let every = 1;
    const result = await inspectFolder(folder, {
      verify: verifySignature,
      now: deps.now(),
      cancelled: () => generationOf(ownerId) !== generation,
      onProgress: ({ done, total, file }) => {
        every = Math.max(1, Math.floor(total / PROGRESS_EVENTS_PER_FOLDER));
        if (done % every === 0 || done === total) dialogs.sendEvent(ownerId, 'inspect-progress', { folder, done, total, file });
      },
    });
    const cancelled = generationOf(ownerId) !== generation;

    const expiringWithinDays = DEFAULT_EXPIRING_WITHIN_DAYS;
    const provisioning = provisioningRows(result.reports, deps.now(), expiringWithinDays);
    const rows: FolderRow[] = result.reports.map(folderRow);
    const folderId = folders.add(ownerId, { folder, reports: result.reports, provisioning });
    logger.log('info', 'inspected a folder', { files: rows.length, truncated: result.truncated, cancelled });
    return { folderId, folder, rows, provisioning, expiringWithinDays, truncated: result.truncated, cancelled };
  };

  const inspectPaths = async (ownerId: number, paths: readonly string[]): Promise<InspectionBatch> => {
    const batch: { files: FileInspection[]; folders: FolderInspectionResult[] } = { files: [], folders: [] };
    for (const file of paths) {
      if (await isFolder(file)) batch.folders.push(await inspectOneFolder(ownerId, file));
      else batch.files.push(await inspectFile(ownerId, file));
    }
    return batch;
  };

  return {
    'inspect.dropped': async ({ paths }, { webContentsId }) => inspectPaths(webContentsId, paths.map((p) => path.resolve(p))),

    'inspect.choose': async ({ folder }, { webContentsId }) => {
      if (folder) {
        const chosen = await dialogs.chooseFolder(webContentsId, 'Choose a folder to inspect');
        return chosen === null ? null : inspectPaths(webContentsId, [chosen]);
      }
      const chosen = await dialogs.chooseFiles(webContentsId, { title: 'Choose files to inspect', filters: INSPECT_FILTERS, multiple: true });
      return chosen.length === 0 ? null : inspectPaths(webContentsId, chosen);
    },

    'inspect.cancel': async (_request, { webContentsId }) => {
      generations.set(webContentsId, generationOf(webContentsId) + 1);
      return null;
    },

    'inspect.clear': async (_request, { webContentsId }) => {
      files.forgetWindow(webContentsId);
      folders.forgetWindow(webContentsId);
      return null;
    },

    'inspect.decrypt': async ({ inspectionId, identityId }, { webContentsId }) => {
      const file = files.get(webContentsId, inspectionId);
      const decrypted = await mapServiceErrors(async () => {
        const bytes = new Uint8Array(await readFile(file));
        return decryptProfile(bytes, deps.keystore.identity(identityId), { file: path.basename(file), format: 'xml' });
      });
      logger.log('info', 'decrypted an inspected profile', { identity: identityId });
      const inspection = await inspectFile(webContentsId, file, decrypted);
      return { ...inspection, inspectionId };
    },

    'inspect.saveCsv': async ({ folderId, table }, { webContentsId }) => {
      const entry = folders.get(webContentsId, folderId);
      const csv = table === 'files' ? folderReportCsv(entry.reports) : provisioningCsv(entry.provisioning);
      const defaultName = `${path.basename(entry.folder)}-${table === 'files' ? 'inspection' : 'provisioning'}.csv`;
      const target = await dialogs.chooseSavePath(webContentsId, { title: 'Save the table as CSV', defaultName, filters: CSV_FILTERS });
      if (target === null) return null;
      await writeFileAtomic(target, encodeUtf8(csv));
      return { filePath: target };
    },
  };
}

/** Returns the plist of a file (or of `bytes`) as XML text: the file's own text when it is XML, otherwise written out. */
async function xmlTextOf(file: string, bytes?: Uint8Array): Promise<string | null> {
  try {
    const opened = openDocument(bytes ?? new Uint8Array(await readFile(file)), { file });
    return opened.plistFormat === 'xml' && opened.text !== undefined ? opened.text : writeXmlPlist(opened.value);
  } catch {
    // The report already states why the file cannot be read, and the card then shows no payload tree.
    return null;
  }
}

async function isFolder(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    // A path that cannot be checked is inspected as a file, whose report names the problem.
    return false;
  }
}
