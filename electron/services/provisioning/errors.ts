// The error raised when the folder of a provisioning report cannot be listed.

export type ProvisioningFolderErrorCode = 'not-found' | 'not-a-folder' | 'permission-denied' | 'unreadable';

/** Raised by `reportProvisioningFolder` when the folder itself cannot be listed. A file that cannot be read becomes a failure or skipped entry of the report instead. */
export class ProvisioningFolderError extends Error {
  override readonly name = 'ProvisioningFolderError';
  readonly code: ProvisioningFolderErrorCode;
  readonly folder: string;

  constructor(code: ProvisioningFolderErrorCode, folder: string, cause?: unknown) {
    super(`${folder}: ${describeCode(code, cause)}`, { cause });
    this.code = code;
    this.folder = folder;
  }
}

function describeCode(code: ProvisioningFolderErrorCode, cause: unknown): string {
  switch (code) {
    case 'not-found':
      return 'folder not found; give the folder that contains the .mobileprovision or .provisionprofile files';
    case 'not-a-folder':
      return 'is a file, not a folder; use `mobileconfig inspect` for a single profile';
    case 'permission-denied':
      return 'permission denied while listing the folder';
    case 'unreadable':
      return `the folder could not be listed: ${cause instanceof Error ? cause.message : String(cause)}`;
    default:
      return assertNeverCode(code);
  }
}

function assertNeverCode(code: never): never {
  throw new Error(`unknown folder error code ${String(code)}`);
}

/** Maps a Node file-system error from listing `folder` to a ProvisioningFolderError. */
export function folderError(folder: string, error: unknown): ProvisioningFolderError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new ProvisioningFolderError('not-found', folder, error);
  if (code === 'ENOTDIR') return new ProvisioningFolderError('not-a-folder', folder, error);
  if (code === 'EACCES' || code === 'EPERM') return new ProvisioningFolderError('permission-denied', folder, error);
  return new ProvisioningFolderError('unreadable', folder, error);
}
