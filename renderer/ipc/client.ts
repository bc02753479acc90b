// The renderer's typed client for the preload API (`window.mobileconfig`).
//
// Calls resolve to the response or throw IpcCallError with the main process' code and message;
// events are checked against the contract before listeners see them.

import {
  EVENT_CHECKS,
  type IpcErrorCode,
  type IpcEventName,
  type IpcEvents,
  type IpcMethod,
  type IpcRequest,
  type IpcResponse,
  type MobileconfigApi,
  type RendererMethod,
} from '../../shared/ipc/contract.ts';

/** Raised when a main-process call fails; `message` is written for the user. */
export class IpcCallError extends Error {
  override readonly name = 'IpcCallError';
  readonly code: IpcErrorCode;
  readonly method: IpcMethod;

  constructor(method: IpcMethod, code: IpcErrorCode, message: string) {
    super(message);
    this.method = method;
    this.code = code;
  }
}

export interface IpcClient {
  call<M extends RendererMethod>(method: M, request: IpcRequest<M>): Promise<IpcResponse<M>>;
  on<E extends IpcEventName>(event: E, listener: (payload: IpcEvents[E]) => void): () => void;
}

declare global {
  interface Window {
    /** Set by the preload script; missing when the page is opened outside the app. */
    readonly mobileconfig?: MobileconfigApi;
  }
}

/** Returns the client over the preload API, or null when the page runs outside the app. */
export function connectToMainProcess(): IpcClient | null {
  const api = window.mobileconfig;
  return api ? createIpcClient(api) : null;
}

export function createIpcClient(api: MobileconfigApi, reportBadEvent: (message: string) => void = console.error): IpcClient {
  return {
    async call(method, request) {
      const invoke = api[method] as (request: unknown) => ReturnType<MobileconfigApi[typeof method]>;
      const result = await invoke(request);
      if (result.ok) return result.value as IpcResponse<typeof method>;
      throw new IpcCallError(method, result.error.code, result.error.message);
    },

    on(event, listener) {
      return api.on(event, (payload) => {
        const problem = EVENT_CHECKS[event](payload, 'event');
        if (problem) {
          reportBadEvent(`Ignored a malformed ${event} event from the main process: ${problem}`);
          return;
        }
        listener(payload);
      });
    },
  };
}
