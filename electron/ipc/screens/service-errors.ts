// Turns the errors the identity, keystore, CMS, plist and export services raise on purpose into
// IpcHandlerError. The renderer then gets a code it can act on (request a passphrase, report a
// wrong one) and the service's message, which is written for the user.

import { ExportError } from '../../services/export/index.ts';
import { IdentityError } from '../../services/identity/index.ts';
import { KeystoreError } from '../../services/keystore/index.ts';
import { CmsError } from '../../../shared/cms/errors.ts';
import { PlistError } from '../../../shared/plist/errors.ts';
import { IpcHandlerError } from '../errors.ts';

/** Returns `error` as an IpcHandlerError when a service raised it on purpose; anything else is returned unchanged. */
export function asHandlerError(error: unknown): unknown {
  if (error instanceof IdentityError) {
    if (error.code === 'passphrase-required' || error.code === 'wrong-passphrase') return new IpcHandlerError(error.code, error.message, { cause: error });
    return new IpcHandlerError('identity-error', error.message, { cause: error });
  }
  if (error instanceof KeystoreError) return new IpcHandlerError(error.code === 'not-found' ? 'not-found' : 'identity-error', error.message, { cause: error });
  if (error instanceof CmsError) return new IpcHandlerError('crypto-error', error.message, { cause: error });
  if (error instanceof ExportError) return new IpcHandlerError('invalid-argument', error.message, { cause: error });
  if (error instanceof PlistError) return new IpcHandlerError('invalid-document', error.message, { cause: error });
  return error;
}

/** Runs `work` and rethrows what it raises through asHandlerError. */
export async function mapServiceErrors<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asHandlerError(error);
  }
}
