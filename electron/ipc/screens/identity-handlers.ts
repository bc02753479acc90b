// The certificate manager's methods: the keystore's state, identity import (PKCS#12, or PEM
// certificate and key) and removal, and the device certificates profiles are encrypted for.
//
// Replies carry summaries and handles only. The passphrase arrives in the import request and
// goes no further than the identity import; it is never logged or returned.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import type { KeystoreState, RecipientImport } from '../../../shared/ipc/screens.ts';
import type { Logger } from '../../log.ts';
import { readIdentityFiles } from '../../services/identity/index.ts';
import type { Keystore } from '../../services/keystore/index.ts';
import type { IpcHandlers } from '../dispatch.ts';
import { CERTIFICATE_FILTERS, KEY_FILTERS, PKCS12_FILTERS, type ScreenDialogs } from './dialogs.ts';
import type { HandleTable } from './handles.ts';
import { mapServiceErrors } from './service-errors.ts';

export type IdentityMethod =
  | 'keystore.state'
  | 'identity.choosePkcs12'
  | 'identity.choosePem'
  | 'identity.importPkcs12'
  | 'identity.importPem'
  | 'identity.remove'
  | 'recipient.import'
  | 'recipient.importInspected'
  | 'recipient.remove';

export interface IdentityDeps {
  readonly keystore: Keystore;
  readonly dialogs: ScreenDialogs;
  readonly logger: Logger;
  /** Paths behind chosen-file and inspection handles. */
  readonly files: HandleTable<string>;
  /** The reason the saved identities could not be loaded at start, or null. */
  readonly loadProblem: () => string | null;
}

/** Largest certificate file read as a device certificate, in bytes; a certificate bundle of a few thousand devices stays far below it. */
export const MAX_CERTIFICATE_FILE_BYTES = 16 * 1024 * 1024;

export function createIdentityHandlers(deps: IdentityDeps): Pick<IpcHandlers, IdentityMethod> {
  const { keystore, dialogs, files, logger } = deps;

  const chooseOne = async (ownerId: number, title: string, filters: typeof PKCS12_FILTERS) => {
    const [chosen] = await dialogs.chooseFiles(ownerId, { title, filters, multiple: false });
    return chosen === undefined ? null : { fileId: files.add(ownerId, chosen), displayName: path.basename(chosen) };
  };

  const importRecipientFiles = async (paths: readonly string[]): Promise<RecipientImport> => {
    const readable: { file: string; bytes: Uint8Array }[] = [];
    const failures: { file: string; message: string }[] = [];
    for (const file of paths) {
      try {
        readable.push({ file, bytes: await readCertificateFile(file) });
      } catch (error) {
        failures.push({ file, message: error instanceof Error ? error.message : String(error) });
      }
    }
    const result = await mapServiceErrors(() => keystore.importRecipients(readable));
    logger.log('info', 'imported device certificates', { added: result.added.length, failed: failures.length + result.failures.length });
    return { added: result.added, failures: [...failures, ...result.failures] };
  };

  return {
    'keystore.state': async () => ({
      identities: keystore.listIdentities(),
      recipients: keystore.listRecipients(),
      persistence: keystore.persistence(),
      loadProblem: deps.loadProblem(),
    }) satisfies KeystoreState,

    'identity.choosePkcs12': async (_request, { webContentsId }) => chooseOne(webContentsId, 'Choose a PKCS#12 identity (.p12, .pfx)', PKCS12_FILTERS),

    'identity.choosePem': async (_request, { webContentsId }) => {
      const certificate = await chooseOne(webContentsId, 'Choose the certificate (PEM or DER)', CERTIFICATE_FILTERS);
      if (certificate === null) return null;
      const key = await chooseOne(webContentsId, `Choose the private key of ${certificate.displayName}`, KEY_FILTERS);
      return key === null ? null : { certificate, key };
    },

    'identity.importPkcs12': async ({ fileId, passphrase }, { webContentsId }) => {
      const file = files.get(webContentsId, fileId);
      return mapServiceErrors(() => keystore.importIdentity({ ...readIdentityFiles({ identity: file }), passphrase, file }));
    },

    'identity.importPem': async ({ certificateFileId, keyFileId, passphrase }, { webContentsId }) => {
      const cert = files.get(webContentsId, certificateFileId);
      const key = files.get(webContentsId, keyFileId);
      return mapServiceErrors(() => keystore.importIdentity({ ...readIdentityFiles({ cert, key }), passphrase, file: cert }));
    },

    'identity.remove': async ({ identityId }) => {
      await mapServiceErrors(() => keystore.removeIdentity(identityId));
      return null;
    },

    'recipient.import': async (_request, { webContentsId }) => {
      const chosen = await dialogs.chooseFiles(webContentsId, { title: 'Choose device certificates to encrypt for', filters: CERTIFICATE_FILTERS, multiple: true });
      return chosen.length === 0 ? null : importRecipientFiles(chosen);
    },

    'recipient.importInspected': async ({ inspectionIds }, { webContentsId }) => importRecipientFiles(inspectionIds.map((id) => files.get(webContentsId, id))),

    'recipient.remove': async ({ recipientId }) => {
      await mapServiceErrors(() => keystore.removeRecipient(recipientId));
      return null;
    },
  };
}

/** Reads a certificate file, refusing one over the size limit before reading it. */
async function readCertificateFile(file: string): Promise<Uint8Array> {
  try {
    const size = (await stat(file)).size;
    if (size > MAX_CERTIFICATE_FILE_BYTES) throw new Error(`${file} is ${size} bytes, more than the ${MAX_CERTIFICATE_FILE_BYTES} bytes a certificate file may have.`);
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${file} was not found (it may have been moved or deleted).`, { cause: error });
    if (code === 'EACCES' || code === 'EPERM') throw new Error(`${file} cannot be read: permission denied.`, { cause: error });
    throw error;
  }
}
