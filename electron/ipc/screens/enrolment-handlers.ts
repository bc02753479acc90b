// The enrolment workbench's methods: the "New enrolment profile" flow, the local test server
// with its live request log, and the device table with its CSV report.
//
// One EnrolmentService serves every window; its state folder (CA, profile signer, registry,
// request log) is chosen by main. Files come from main's dialogs and are referred to by handles
// bound to the window that chose them. Signing identities come from the keystore by id.

import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { devicesToCsv } from '../../../shared/enrolment/devices.ts';
import { checkRules } from '../../../shared/enrolment/rules.ts';
import type { ChosenDeviceCa, EnrolmentContract, EnrolmentEvents, EnrolmentMethod, FinalProfileChoice } from '../../../shared/ipc/enrolment-contract.ts';
import { MAX_PLIST_BYTES } from '../../../shared/plist/limits.ts';
import type { Logger } from '../../log.ts';
import { EnrolmentService } from '../../services/enrolment/service.ts';
import { writeFileAtomic } from '../../services/files/atomic-write.ts';
import { loadParsedCertificates } from '../../services/identity/certificates.ts';
import type { Keystore } from '../../services/keystore/index.ts';
import { encodePem } from '../../services/pki/pem.ts';
import type { CallContext } from '../dispatch.ts';
import { IpcHandlerError } from '../errors.ts';
import { mapEnrolmentErrors } from './enrolment-errors.ts';
import { EnrolmentLogRelay } from './enrolment-log-relay.ts';
import { HandleTable } from './handles.ts';

export type EnrolmentHandlers = {
  readonly [M in EnrolmentMethod]: (request: EnrolmentContract[M]['request'], context: CallContext) => Promise<EnrolmentContract[M]['response']>;
};

export interface EnrolmentFileFilter {
  readonly name: string;
  /** Extensions without the dot; `*` for all files. */
  readonly extensions: readonly string[];
}

/** The dialogs and event sender the workbench needs; main.ts and the tests pass the screens' ScreenDialogs. */
export interface EnrolmentDialogs {
  /** Returns the chosen paths, or an empty array when cancelled. */
  chooseFiles(ownerId: number, options: { readonly title: string; readonly filters: readonly EnrolmentFileFilter[]; readonly multiple: boolean }): Promise<string[]>;
  /** Returns the path to write, or null when cancelled. */
  chooseSavePath(ownerId: number, options: { readonly title: string; readonly defaultName: string; readonly filters: readonly EnrolmentFileFilter[] }): Promise<string | null>;
  sendEvent(ownerId: number, event: 'enrolment-log', payload: EnrolmentEvents['enrolment-log']): void;
}

export interface EnrolmentScreenDeps {
  /** The server's state folder, under the app's data folder. */
  readonly stateDir: string;
  readonly keystore: Pick<Keystore, 'listIdentities' | 'identity'>;
  readonly dialogs: EnrolmentDialogs;
  readonly logger: Logger;
  /** Delay before log entries are sent to the windows, in milliseconds; the tests shorten it. */
  readonly logBatchDelayMs?: number;
}

export interface EnrolmentScreen {
  readonly handlers: EnrolmentHandlers;
  /** The service behind the handlers, for the end-to-end tests. */
  readonly service: EnrolmentService;
  /** Forgets the handles of a closed window and stops sending it the log. */
  forgetWindow(ownerId: number): void;
  /** Stops the server, so that the registry and log reach the disk before the app quits. */
  dispose(): Promise<void>;
}

/** Largest device CA file read, in bytes: a bundle of many CA certificates stays far below it. */
export const MAX_DEVICE_CA_FILE_BYTES = 4 * 1024 * 1024;

const PROFILE_FILTERS: readonly EnrolmentFileFilter[] = [{ name: 'Configuration profiles', extensions: ['mobileconfig', 'plist', 'xml'] }, { name: 'All files', extensions: ['*'] }];
const CERTIFICATE_FILTERS: readonly EnrolmentFileFilter[] = [{ name: 'Certificates', extensions: ['pem', 'crt', 'cer', 'der'] }, { name: 'All files', extensions: ['*'] }];
const CSV_FILTERS: readonly EnrolmentFileFilter[] = [{ name: 'CSV', extensions: ['csv'] }];
const SAVE_PROFILE_FILTERS: readonly EnrolmentFileFilter[] = [{ name: 'Configuration profiles', extensions: ['mobileconfig'] }];

export function createEnrolmentScreen(deps: EnrolmentScreenDeps): EnrolmentScreen {
  const { keystore, dialogs, logger } = deps;
  const finalProfiles = new HandleTable<string>('chosen final profile');
  const deviceCas = new HandleTable<{ readonly pem: string }>('chosen device CA file');
  const relay = new EnrolmentLogRelay((ownerId, entries) => dialogs.sendEvent(ownerId, 'enrolment-log', { entries }), deps.logBatchDelayMs);

  // The final profile's bytes, handed to the service under a one-time id while it starts.
  const startingProfiles = new Map<string, Uint8Array>();

  const service = new EnrolmentService({
    stateDir: deps.stateDir,
    resolveIdentity: (identityId) => (keystore.listIdentities().some((summary) => summary.id === identityId) ? keystore.identity(identityId) : undefined),
    resolveDocument: (documentId) => startingProfiles.get(documentId),
    onLogEntry: (entry) => relay.push(entry),
    onError: (message) => logger.log('error', `enrolment server: ${message}`),
  });

  const signerSubject = (identityId: string | undefined): string | null =>
    identityId === undefined ? null : (keystore.listIdentities().find((summary) => summary.id === identityId)?.certificate.subject ?? null);

  const finalProfileBytes = async (choice: FinalProfileChoice, ownerId: number): Promise<Uint8Array | undefined> => {
    switch (choice.source) {
      case 'default':
        return undefined;
      case 'editor':
        return new TextEncoder().encode(choice.text);
      case 'file':
        return readLimited(finalProfiles.get(ownerId, choice.fileId), MAX_PLIST_BYTES, 'final profile');
      default: {
        const unknown: never = choice;
        throw new IpcHandlerError('invalid-argument', `Unknown final profile source ${JSON.stringify(unknown)}.`);
      }
    }
  };

  const handlers: EnrolmentHandlers = {
    'enrolment.explainTypes': async () => service.explainTypes(),

    'enrolment.identities': async () => keystore.listIdentities(),

    'enrolment.saveProfile': async (request, { webContentsId }) =>
      mapEnrolmentErrors(async () => {
        // Build (and sign) first, so that an invalid URL or attribute is reported before any dialog.
        const result = service.createProfile(request);
        const defaultName = `${safeFileName(request.displayName ?? 'enrolment')}.mobileconfig`;
        const filePath = await dialogs.chooseSavePath(webContentsId, { title: 'Save the enrolment profile', defaultName, filters: SAVE_PROFILE_FILTERS });
        if (filePath === null) return null;

        await writeFileAtomic(filePath, result.bytes, { backup: true });
        logger.log('info', 'enrolment profile written', { file: filePath, signed: result.signed });
        return { filePath, signed: result.signed, signer: result.signed ? signerSubject(request.signingIdentityId) : null };
      }),

    'enrolment.chooseFinalProfile': async (_request, { webContentsId }) => {
      const [chosen] = await dialogs.chooseFiles(webContentsId, { title: 'Choose the final profile (unsigned, unencrypted)', filters: PROFILE_FILTERS, multiple: false });
      if (chosen === undefined) return null;
      return { fileId: finalProfiles.add(webContentsId, chosen), displayName: path.basename(chosen) };
    },

    'enrolment.chooseDeviceCa': async (_request, { webContentsId }) =>
      mapEnrolmentErrors(async (): Promise<ChosenDeviceCa | null> => {
        const [chosen] = await dialogs.chooseFiles(webContentsId, { title: 'Choose device CA certificates', filters: CERTIFICATE_FILTERS, multiple: false });
        if (chosen === undefined) return null;
        const certificates = loadParsedCertificates(await readLimited(chosen, MAX_DEVICE_CA_FILE_BYTES, 'device CA file'), chosen);
        const pem = certificates.map((certificate) => encodePem('CERTIFICATE', certificate.raw)).join('');
        return { fileId: deviceCas.add(webContentsId, { pem }), displayName: path.basename(chosen), subjects: certificates.map((certificate) => certificate.subject.display) };
      }),

    'enrolment.startServer': async (request, { webContentsId }) =>
      mapEnrolmentErrors(async () => {
        const { finalProfile, deviceCaFileId, rules, ...settings } = request;
        const deviceCaPem = deviceCaFileId === undefined ? undefined : deviceCas.get(webContentsId, deviceCaFileId).pem;
        const profileBytes = await finalProfileBytes(finalProfile, webContentsId);
        const profileKey = randomUUID();
        if (profileBytes) startingProfiles.set(profileKey, profileBytes);

        relay.watch(webContentsId);
        try {
          const status = await service.start({
            ...settings,
            ...(rules && { rules: checkRules(rules) }),
            ...(profileBytes && { finalProfileDocumentId: profileKey }),
            ...(deviceCaPem !== undefined && { deviceCaPem }),
          });
          logger.log('info', 'enrolment server started', { url: status.url ?? '', provisioning: status.provisioning ?? '', window: webContentsId });
          for (const warning of status.warnings) logger.log('warn', `enrolment server: ${warning}`);
          return status;
        } finally {
          startingProfiles.delete(profileKey);
        }
      }),

    'enrolment.stopServer': async () =>
      mapEnrolmentErrors(async () => {
        const wasRunning = service.status().running;
        const status = await service.stop();
        relay.flush();
        if (wasRunning) logger.log('info', 'enrolment server stopped');
        return status;
      }),

    'enrolment.status': async (_request, { webContentsId }) => {
      // The screen requests the status when it opens, so from then on the window receives the log.
      relay.watch(webContentsId);
      return service.status();
    },

    'enrolment.devices': async () => mapEnrolmentErrors(() => service.devices()),

    'enrolment.saveDevicesCsv': async (_request, { webContentsId }) =>
      mapEnrolmentErrors(async () => {
        const devices = await service.devices();
        const filePath = await dialogs.chooseSavePath(webContentsId, { title: 'Export the enrolled devices as CSV', defaultName: 'enrolled-devices.csv', filters: CSV_FILTERS });
        if (filePath === null) return null;
        await writeFileAtomic(filePath, new TextEncoder().encode(devicesToCsv(devices)));
        logger.log('info', 'enrolled devices exported', { file: filePath, devices: devices.length });
        return { filePath, deviceCount: devices.length };
      }),

    'enrolment.revokeDevice': async ({ deviceId }) =>
      mapEnrolmentErrors(async () => {
        const device = await service.revoke(deviceId);
        logger.log('info', 'enrolled device revoked', { device: deviceId });
        return device;
      }),

    'enrolment.recentLog': async ({ limit }) => service.recentLog(limit),
  };

  return {
    handlers,
    service,
    forgetWindow(ownerId) {
      finalProfiles.forgetWindow(ownerId);
      deviceCas.forgetWindow(ownerId);
      relay.forget(ownerId);
    },
    async dispose() {
      await service.stop();
      relay.flush();
    },
  };
}

/** Reads a file the user chose, rejecting one over `maxBytes` before reading it. */
async function readLimited(file: string, maxBytes: number, what: string): Promise<Uint8Array> {
  const size = (await stat(file)).size;
  if (size > maxBytes) {
    throw new IpcHandlerError('invalid-document', `The ${what} ${file} is ${size} bytes, more than the ${maxBytes} accepted. Choose the right file.`);
  }
  return new Uint8Array(await readFile(file));
}

/** Returns a file name made from a display name: letters, digits, dots, dashes and underscores. */
function safeFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return cleaned === '' ? 'enrolment' : cleaned.slice(0, 100);
}
