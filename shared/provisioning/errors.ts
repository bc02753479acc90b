// The error raised when a file cannot be read as an app provisioning profile.

import type { DocumentKind } from '../profile/classify.ts';

export type ProvisioningErrorCode =
  /** The file opened but is something else, such as a configuration profile. */
  | 'not-provisioning-profile'
  /** The CMS signature around the plist is malformed or cut short. */
  | 'unreadable';

/**
 * Raised by `openProvisioningProfile` for a file that is not a readable provisioning profile.
 * `reason` is the problem alone; `message` adds the file.
 */
export class ProvisioningError extends Error {
  override readonly name = 'ProvisioningError';
  readonly code: ProvisioningErrorCode;
  readonly reason: string;
  readonly file?: string;
  /** The kind the file opened as, for `not-provisioning-profile`. */
  readonly kind?: DocumentKind;

  constructor(code: ProvisioningErrorCode, reason: string, details: { file?: string; kind?: DocumentKind; cause?: unknown } = {}) {
    super(`${details.file ? `${details.file}: ` : ''}${reason}`, { cause: details.cause });
    this.code = code;
    this.reason = reason;
    this.file = details.file;
    this.kind = details.kind;
  }
}

/** Returns the error for a file that opened as `kind` instead of a provisioning profile. */
export function notProvisioningProfile(kind: DocumentKind, file?: string): ProvisioningError {
  const reason = `${describeKind(kind)}, not an app provisioning profile: it lacks the DeveloperCertificates, UUID, ExpirationDate and TeamIdentifier keys`;
  return new ProvisioningError('not-provisioning-profile', reason, { file, kind });
}

function describeKind(kind: DocumentKind): string {
  switch (kind) {
    case 'profile':
      return 'the file is a configuration profile';
    case 'stub':
      return 'the file is an iOS profile stub';
    case 'plist':
      return 'the file is a property list';
    case 'provisioning':
      return 'the file is a provisioning profile whose root is not a dictionary';
    default:
      return assertNeverKind(kind);
  }
}

function assertNeverKind(kind: never): never {
  throw new Error(`unknown document kind ${String(kind)}`);
}
