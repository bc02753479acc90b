// The export dialog's methods: the warnings before export, and the export itself, which shows a
// main-process dialog for where to write and reads every written file back.

import path from 'node:path';

import type { ExportChoices, ExportRunRequest } from '../../../shared/ipc/screens.ts';
import { encodeUtf8 } from '../../../shared/text/encoding.ts';
import type { Logger } from '../../log.ts';
import { exportProfile, preflightExport, type ExportRequest } from '../../services/export/index.ts';
import type { Keystore } from '../../services/keystore/index.ts';
import { IpcHandlerError } from '../errors.ts';
import type { IpcHandlers } from '../dispatch.ts';
import { PROFILE_FILTERS, type ScreenDialogs } from './dialogs.ts';
import { mapServiceErrors } from './service-errors.ts';

export type ExportMethod = 'export.preflight' | 'export.run';

export interface ExportDeps {
  readonly keystore: Keystore;
  readonly dialogs: ScreenDialogs;
  readonly logger: Logger;
  readonly now: () => Date;
}

export function createExportHandlers(deps: ExportDeps): Pick<IpcHandlers, ExportMethod> {
  const { keystore, dialogs, logger } = deps;

  return {
    'export.preflight': async (choices) => mapServiceErrors(() => preflightExport(exportRequestOf(choices), keystore, deps.now())),

    'export.run': async (request, { webContentsId }) => {
      // The dialog requests confirmation of error warnings. Checking again here means that a
      // renderer that skipped the question still cannot export past them.
      const warnings = await mapServiceErrors(() => preflightExport(exportRequestOf(request), keystore, deps.now()));
      const errors = warnings.filter((warning) => warning.severity === 'error');
      if (errors.length > 0 && !request.acceptErrors) {
        throw new IpcHandlerError('invalid-argument', `The export has ${errors.length} problem${errors.length === 1 ? '' : 's'} marked as errors (${errors[0].message}). Confirm that you want to export anyway, or fix them first.`);
      }

      // Missing choices fail before the save dialog, not after it.
      if (request.mode === 'signed' && !request.identityId) throw new IpcHandlerError('invalid-argument', 'Choose a signing identity to export a signed profile.');
      if ((request.mode === 'encrypted' || request.mode === 'per-recipient') && !request.recipientIds?.length) {
        throw new IpcHandlerError('invalid-argument', 'Choose at least one device certificate to encrypt the profile for.');
      }

      const target = await chooseTarget(dialogs, webContentsId, request);
      if (target === null) return null;

      const result = await mapServiceErrors(() =>
        exportProfile({ ...exportRequestOf(request), ...target }, keystore, {
          onProgress: (progress) => dialogs.sendEvent(webContentsId, 'export-progress', progress),
        }),
      );
      logger.log('info', 'exported a profile', { mode: request.mode, files: result.files.length, failures: result.failures.length });
      return result;
    },
  };
}

function exportRequestOf(choices: ExportChoices): ExportRequest {
  return {
    profile: encodeUtf8(choices.text),
    profileName: choices.profileName,
    mode: choices.mode,
    identityId: choices.identityId,
    digest: choices.digest,
    recipientIds: choices.recipientIds,
    cipher: choices.cipher,
  };
}

/** Asks for the output: a folder for one file per device, a file otherwise; null when cancelled. */
async function chooseTarget(dialogs: ScreenDialogs, ownerId: number, request: ExportRunRequest): Promise<{ outPath: string } | { outDir: string } | null> {
  if (request.mode === 'per-recipient') {
    const outDir = await dialogs.chooseFolder(ownerId, 'Choose a folder for one encrypted profile per device');
    return outDir === null ? null : { outDir };
  }
  const outPath = await dialogs.chooseSavePath(ownerId, { title: 'Export the profile', defaultName: suggestedFileName(request), filters: PROFILE_FILTERS });
  return outPath === null ? null : { outPath };
}

/** `Wi-Fi.mobileconfig` exported signed becomes `Wi-Fi-signed.mobileconfig`. */
export function suggestedFileName(choices: Pick<ExportChoices, 'profileName' | 'mode' | 'identityId'>): string {
  const base = path.basename(choices.profileName).replace(/\.(mobileconfig|plist|xml|stub)$/i, '') || 'Profile';
  if (choices.mode === 'unsigned') return `${base}.mobileconfig`;
  if (choices.mode === 'signed') return `${base}-signed.mobileconfig`;
  return choices.identityId ? `${base}-encrypted-signed.mobileconfig` : `${base}-encrypted.mobileconfig`;
}
