// Errors a handler raises on purpose, with a code the renderer can act on and a message for the user.

import type { IpcErrorCode } from '../../shared/ipc/contract.ts';

export class IpcHandlerError extends Error {
  override readonly name = 'IpcHandlerError';
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
