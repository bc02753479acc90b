// Turns the errors the enrolment model and services raise on purpose into IpcHandlerError, so
// that the renderer shows their messages, which name the setting or file and what to do.

import { EnrolmentError } from '../../../shared/enrolment/errors.ts';
import { EnrolmentServiceError } from '../../services/enrolment/errors.ts';
import { IdentityError } from '../../services/identity/errors.ts';
import { PkiError } from '../../services/pki/errors.ts';
import { IpcHandlerError } from '../errors.ts';

/** Returns `error` as an IpcHandlerError when an enrolment service raised it on purpose; anything else unchanged. */
export function asEnrolmentHandlerError(error: unknown): unknown {
  if (error instanceof EnrolmentError) return new IpcHandlerError('invalid-argument', error.message, { cause: error });
  if (error instanceof EnrolmentServiceError) {
    switch (error.code) {
      case 'invalid-setting':
      case 'listen-failed':
        return new IpcHandlerError('invalid-argument', error.message, { cause: error });
      case 'state-unavailable':
        return new IpcHandlerError('file-error', error.message, { cause: error });
      default: {
        const unknown: never = error.code;
        return new IpcHandlerError('internal', `Unexpected enrolment error code ${String(unknown)}.`, { cause: error });
      }
    }
  }
  // A damaged CA in the state folder, or a certificate file that contains no certificate.
  if (error instanceof PkiError) return new IpcHandlerError('file-error', error.message, { cause: error });
  if (error instanceof IdentityError) return new IpcHandlerError('invalid-document', error.message, { cause: error });
  return error;
}

/** Runs `work` and rethrows what it raises through asEnrolmentHandlerError. */
export async function mapEnrolmentErrors<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asEnrolmentHandlerError(error);
  }
}
