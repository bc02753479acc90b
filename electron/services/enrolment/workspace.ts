// The server's state folder: the workbench CA, the profile signer it issued, the device
// registry and the request log.
//
//   ca-certificate.pem, ca-key.pem           the CA (created on first use)
//   signer-certificate.pem, signer-key.pem   the profile signer (issued by the CA on first use)
//   devices.json                             the device registry
//   requests.log                             one JSON line per request

import { createPrivateKey } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { parseCertificate } from '../../../shared/x509/certificate.ts';
import type { SignerIdentity } from '../cms/sign.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { CertificateAuthority } from '../pki/ca.ts';
import { generateKeys, publicKeyInfoDer } from '../pki/keys.ts';
import { decodePemOrDer, encodePem } from '../pki/pem.ts';
import { EnrolmentServiceError } from './errors.ts';
import { DeviceRegistry } from './registry.ts';

export const REGISTRY_FILE = 'devices.json';
export const REQUEST_LOG_FILE = 'requests.log';
const SIGNER_CERTIFICATE_FILE = 'signer-certificate.pem';
const SIGNER_KEY_FILE = 'signer-key.pem';

export interface Workspace {
  readonly folder: string;
  readonly ca: CertificateAuthority;
  /** Signs every profile the server sends. */
  readonly signer: SignerIdentity;
  readonly registry: DeviceRegistry;
  /** What was created on this opening, for the first-run message. */
  readonly created: { readonly ca: boolean; readonly signer: boolean };
}

export interface WorkspaceOptions {
  /** The administrator's own signing identity; default the workbench signer in the folder. */
  readonly signer?: SignerIdentity;
  /** Organization named in new certificates. */
  readonly organization?: string;
  /** Called when a registry write fails (the disk is full, the folder was removed). */
  readonly onSaveError?: (error: unknown) => void;
}

/** Opens (creating on first use) the state folder. Raises PkiError or EnrolmentServiceError naming the file that is wrong. */
export async function openWorkspace(folder: string, options: WorkspaceOptions = {}): Promise<Workspace> {
  const organization = options.organization ?? 'Mobileconfig Studio';
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new EnrolmentServiceError('state-unavailable', `the state folder ${folder} cannot be created: ${(error as Error).message}`, { file: folder, cause: error });
  }

  const { ca, created } = await CertificateAuthority.loadOrCreate(folder, { subject: [['O', organization], ['CN', `${organization} Enrolment CA`]] });
  const own = options.signer ? null : await loadOrIssueSigner(folder, ca, organization);
  const registry = await DeviceRegistry.open(path.join(folder, REGISTRY_FILE), options.onSaveError);
  return {
    folder,
    ca,
    signer: options.signer ?? own!.signer,
    registry,
    created: { ca: created, signer: own?.created ?? false },
  };
}

/** Opens only the registry of a state folder, for reports while no server runs. */
export function openRegistry(folder: string): Promise<DeviceRegistry> {
  return DeviceRegistry.open(path.join(folder, REGISTRY_FILE));
}

/**
 * Opens the registry of a state folder that must exist already, for reports and changes made
 * while no server runs: a mistyped folder would otherwise read as a server with no devices.
 * Raises EnrolmentServiceError naming the folder.
 */
export async function openExistingRegistry(folder: string): Promise<DeviceRegistry> {
  await checkStateFolder(folder);
  return openRegistry(folder);
}

/** Raises EnrolmentServiceError when `folder` is missing or is not a folder. */
export async function checkStateFolder(folder: string): Promise<void> {
  const hint = "give the state folder that 'enrolment serve --dir' uses";
  let isFolder: boolean;
  try {
    isFolder = (await stat(folder)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'folder not found' : `the folder cannot be read: ${(error as Error).message}`;
    throw new EnrolmentServiceError('state-unavailable', `${folder}: ${reason}; ${hint}`, { file: folder, cause: error });
  }
  if (!isFolder) throw new EnrolmentServiceError('state-unavailable', `${folder}: is a file, not a folder; ${hint}`, { file: folder });
}

async function loadOrIssueSigner(folder: string, ca: CertificateAuthority, organization: string): Promise<{ signer: SignerIdentity; created: boolean }> {
  const certificateFile = path.join(folder, SIGNER_CERTIFICATE_FILE);
  const keyFile = path.join(folder, SIGNER_KEY_FILE);
  try {
    const certificate = decodePemOrDer(new Uint8Array(await readFile(certificateFile)), 'CERTIFICATE', certificateFile);
    const privateKey = createPrivateKey(await readFile(keyFile));
    parseCertificate(certificate);
    return { signer: { certificate, privateKey, chain: [ca.certificateDer] }, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new EnrolmentServiceError('state-unavailable', `the profile signer in ${folder} cannot be read: ${(error as Error).message}; delete ${SIGNER_CERTIFICATE_FILE} and ${SIGNER_KEY_FILE} to issue a new one`, { file: certificateFile, cause: error });
    }
  }

  const keys = await generateKeys({ type: 'rsa', bits: 2048 });
  const issued = ca.issue({ subject: [['O', organization], ['CN', `${organization} enrolment profile signer`]], publicKeyInfo: publicKeyInfoDer(keys.publicKey), kind: 'profile-signer', validityDays: 825 });
  await writeFileAtomic(keyFile, Buffer.from(keys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string), { mode: 0o600 });
  await writeFileAtomic(certificateFile, Buffer.from(encodePem('CERTIFICATE', issued.der)));
  return { signer: { certificate: issued.der, privateKey: keys.privateKey, chain: [ca.certificateDer] }, created: true };
}
