// The one gate every renderer call passes: method, sender, arguments, then the handler.
//
// Electron's `ipcMain.handle` registrations (register.ts) and the end-to-end tests' stand-in
// for the preload both call `dispatch`, so the tests exercise the same checks as the app.

import {
  REQUEST_CHECKS,
  isIpcMethod,
  type IpcContract,
  type IpcError,
  type IpcMethod,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
} from '../../shared/ipc/contract.ts';
import type { Logger } from '../log.ts';
import { IpcHandlerError } from './errors.ts';
import { senderRefusal, type SenderInfo, type SenderPolicy } from './sender.ts';

/** Facts about the caller that a handler receives once the sender check passed. */
export interface CallContext {
  readonly webContentsId: number;
}

export type IpcHandlers = {
  readonly [M in IpcMethod]: (request: IpcRequest<M>, context: CallContext) => Promise<IpcResponse<M>>;
};

export type Dispatch = (method: unknown, request: unknown, sender: SenderInfo) => Promise<IpcResult<IpcContract[IpcMethod]['response']>>;

export function createDispatcher(handlers: IpcHandlers, policy: SenderPolicy, logger: Logger): Dispatch {
  return async (method, request, sender) => {
    // Unknown method: the channel name is logged cut short, since it came from the caller.
    if (!isIpcMethod(method)) {
      const shown = typeof method === 'string' ? method.slice(0, 60) : typeof method;
      logger.log('warn', 'rejected IPC call to an unknown method', { method: shown, sender: sender.webContentsId });
      return failure('unknown-method', 'The app asked for an operation that does not exist.');
    }

    // Sender: our window, its main frame, our origin.
    const refusal = senderRefusal(sender, policy);
    if (refusal) {
      logger.log('warn', `rejected IPC call: ${refusal}`, { method, sender: sender.webContentsId });
      return failure('forbidden-sender', 'This page is not allowed to use the app’s functions.');
    }

    // Arguments: the checker's message names the field, never its value.
    const problem = REQUEST_CHECKS[method](request, 'request');
    if (problem) {
      logger.log('warn', `rejected IPC call: ${problem}`, { method, sender: sender.webContentsId });
      return failure('invalid-argument', `Invalid request to ${method}: ${problem}.`);
    }

    return runHandler(handlers, method, request as IpcRequest<typeof method>, { webContentsId: sender.webContentsId }, logger);
  };
}

async function runHandler<M extends IpcMethod>(
  handlers: IpcHandlers,
  method: M,
  request: IpcRequest<M>,
  context: CallContext,
  logger: Logger,
): Promise<IpcResult<IpcResponse<M>>> {
  const handler = handlers[method] as (request: IpcRequest<M>, context: CallContext) => Promise<IpcResponse<M>>;
  try {
    return { ok: true, value: await handler(request, context) };
  } catch (error) {
    const wrapped = toIpcError(error);
    logger.log(wrapped.code === 'internal' ? 'error' : 'info', `IPC call failed: ${describeForLog(error)}`, { method, code: wrapped.code });
    return { ok: false, error: wrapped };
  }
}

/**
 * Codes of the errors the services raise on purpose, by error name: their messages are written
 * for the user. Matching by name keeps this module free of imports from every service.
 */
const EXPECTED_ERRORS: Readonly<Record<string, IpcError['code']>> = {
  PlistError: 'invalid-document',
  DocumentOpenError: 'invalid-document',
  UnknownDocumentError: 'not-found',
  NotInRecentListError: 'not-found',
  DraftNotFoundError: 'not-found',
  FileWriteError: 'file-error',
  SchemaFolderError: 'file-error',
};

/** Turns anything a handler threw into the serialisable error shape. */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof IpcHandlerError) return { code: error.code, message: error.message };
  if (error instanceof Error && Object.hasOwn(EXPECTED_ERRORS, error.name)) return { code: EXPECTED_ERRORS[error.name], message: error.message };

  // Node file-system errors carry a code and the path; both are useful to the user.
  const errno = error as NodeJS.ErrnoException | undefined;
  if (errno && typeof errno.code === 'string' && typeof errno.message === 'string' && errno.code.startsWith('E')) {
    return { code: 'file-error', message: errno.message };
  }

  return { code: 'internal', message: 'An unexpected error happened in the app. Details are in the log.' };
}

function describeForLog(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function failure(code: IpcError['code'], message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}
