// Reading every provisioning profile in one folder, such as the one Xcode keeps them in.

import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PlistError } from '../../../shared/plist/errors.ts';
import { openProvisioningProfile, ProvisioningError, type ProvisioningProfileFacts } from '../../../shared/provisioning/index.ts';
import type { Logger } from '../../log.ts';
import type { SignatureReport } from '../inspect/report.ts';
import { folderError } from './errors.ts';
import { compareText } from './references.ts';
import type { ProvisioningFailure, SkippedEntry } from './report.ts';

/** File name extensions of provisioning profiles: iOS, tvOS, watchOS and visionOS, then macOS. */
export const PROVISIONING_EXTENSIONS = ['.mobileprovision', '.provisionprofile'] as const;

/**
 * Largest file read, in bytes. An estimate: a profile with a few hundred devices and a dozen
 * certificates stays under 1 MB, so 16 MiB only keeps disk images and archives that sit in the
 * same folder from being read into memory.
 */
export const MAX_PROFILE_FILE_BYTES = 16 * 1024 * 1024;

export interface FolderScanOptions {
  /** The time expiry is computed against. */
  readonly now: Date;
  /** Checks a signed file's CMS signature; without it, entries have no `signature`. */
  readonly verify?: (bytes: Uint8Array) => Promise<SignatureReport>;
  /** Receives one line for every file that failed; the report lists them too. */
  readonly logger?: Logger;
}

export interface ScannedProfile {
  readonly file: string;
  readonly facts: ProvisioningProfileFacts;
  readonly signed: boolean;
  readonly signature?: SignatureReport;
  readonly warnings: readonly string[];
}

export interface FolderScan {
  readonly profiles: readonly ScannedProfile[];
  readonly failures: readonly ProvisioningFailure[];
  readonly skipped: readonly SkippedEntry[];
}

/**
 * Reads the files directly in `folder` (subfolders are listed as skipped, hidden files are
 * ignored). Every file is opened and recognised by content. A file named like a provisioning
 * profile that does not open as one is a failure. Any other file that is not a provisioning
 * profile is skipped, with the reason. Raises ProvisioningFolderError only when the folder
 * itself cannot be listed.
 */
export async function scanProvisioningFolder(folder: string, options: FolderScanOptions): Promise<FolderScan> {
  let names: Dirent[];
  try {
    names = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    throw folderError(folder, error);
  }

  const profiles: ScannedProfile[] = [];
  const failures: ProvisioningFailure[] = [];
  const skipped: SkippedEntry[] = [];
  const visible = names.filter((entry) => !entry.name.startsWith('.')).sort((a, b) => compareText(a.name, b.name));

  for (const entry of visible) {
    const file = path.join(folder, entry.name);
    const expected = hasProvisioningExtension(entry.name);
    const outcome = await scanFile(file, options);

    if (outcome.kind === 'profile') profiles.push(outcome.profile);
    else if (outcome.kind === 'folder') skipped.push({ file, reason: 'is a folder; subfolders are not scanned' });
    else if (expected) failures.push({ file, error: outcome.reason });
    else skipped.push({ file, reason: `not a provisioning profile: ${outcome.reason}` });

    if (outcome.kind === 'failed' && expected) options.logger?.log('warn', 'provisioning profile could not be read', { file, error: outcome.reason });
  }
  return { profiles, failures, skipped };
}

export function hasProvisioningExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return PROVISIONING_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

type FileOutcome = { kind: 'profile'; profile: ScannedProfile } | { kind: 'folder' } | { kind: 'failed'; reason: string };

async function scanFile(file: string, options: FolderScanOptions): Promise<FileOutcome> {
  // Size and type first, so that large unrelated files are never read.
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { kind: 'folder' };
    if (!info.isFile()) return { kind: 'failed', reason: 'is not a regular file' };
    if (info.size > MAX_PROFILE_FILE_BYTES) return { kind: 'failed', reason: `is ${info.size} bytes, over the ${MAX_PROFILE_FILE_BYTES}-byte limit for provisioning profiles` };
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    return { kind: 'failed', reason: fileSystemReason(error) };
  }

  try {
    const opened = openProvisioningProfile(bytes, { file, now: options.now });
    const warnings = [...opened.warnings];
    const signature = opened.document.signed ? await checkSignature(bytes, options, warnings) : undefined;
    return { kind: 'profile', profile: { file, facts: opened.facts, signed: opened.document.signed, signature, warnings } };
  } catch (error) {
    return { kind: 'failed', reason: openReason(error, file) };
  }
}

async function checkSignature(bytes: Uint8Array, options: FolderScanOptions, warnings: string[]): Promise<SignatureReport | undefined> {
  if (!options.verify) return undefined;
  try {
    return await options.verify(bytes);
  } catch (error) {
    warnings.push(`the signature check failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** Returns the problem without the file name, which the report carries separately. */
function openReason(error: unknown, file: string): string {
  if (error instanceof ProvisioningError) return error.reason;
  if (error instanceof PlistError) {
    const where = error.line !== undefined ? `line ${error.line}${error.column !== undefined ? `, column ${error.column}` : ''}: ` : error.offset !== undefined ? `at byte ${error.offset}: ` : '';
    return `${where}${error.reason}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message;
}

function fileSystemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'file not found (removed while the folder was read, or a broken link)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
