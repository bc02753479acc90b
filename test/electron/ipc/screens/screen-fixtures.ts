// A screens set-up for handler tests: a keystore in memory, dialogs that return queued paths,
// and the events the handlers sent.

import { memoryLogger } from '../../../../electron/log.ts';
import { createScreens, type ScreenDialogs, type ScreenHandlers } from '../../../../electron/ipc/screens/index.ts';
import { Keystore } from '../../../../electron/services/keystore/index.ts';
import type { IpcMethod, IpcRequest, IpcResponse } from '../../../../shared/ipc/contract.ts';
import { fakeCipher, memoryStorage } from '../../../support/fake-secret-box.ts';

export const WINDOW = { webContentsId: 7 };
export const OTHER_WINDOW = { webContentsId: 8 };

export interface ScreenTestSetup {
  readonly keystore: Keystore;
  readonly storage: ReturnType<typeof memoryStorage>;
  readonly handlers: ScreenHandlers;
  /** Paths the next open dialogs return; an empty array is Cancel. */
  readonly openPaths: string[][];
  readonly savePaths: (string | null)[];
  readonly folderPaths: (string | null)[];
  readonly events: { event: string; payload: unknown }[];
  readonly dialogTitles: string[];
  readonly logger: ReturnType<typeof memoryLogger>;
  forgetWindow(ownerId: number): void;
  call<M extends keyof ScreenHandlers & IpcMethod>(method: M, request: IpcRequest<M>, context?: { webContentsId: number }): Promise<IpcResponse<M>>;
}

export function screenSetup(options: { now?: Date; onEvent?: (event: string) => void } = {}): ScreenTestSetup {
  const storage = memoryStorage();
  const keystore = new Keystore({ cipher: fakeCipher(), storage });
  const openPaths: string[][] = [];
  const savePaths: (string | null)[] = [];
  const folderPaths: (string | null)[] = [];
  const events: { event: string; payload: unknown }[] = [];
  const dialogTitles: string[] = [];
  const dialogs: ScreenDialogs = {
    chooseFiles: async (_owner, { title }) => {
      dialogTitles.push(title);
      return openPaths.shift() ?? [];
    },
    chooseFolder: async (_owner, title) => {
      dialogTitles.push(title);
      return folderPaths.shift() ?? null;
    },
    chooseSavePath: async (_owner, { title }) => {
      dialogTitles.push(title);
      return savePaths.shift() ?? null;
    },
    sendEvent: (_owner, event, payload) => {
      events.push({ event, payload });
      options.onEvent?.(event);
    },
  };
  const logger = memoryLogger();
  const fixedNow = options.now;
  const screens = createScreens({ keystore, dialogs, logger, ...(fixedNow ? { now: () => fixedNow } : {}) });
  return {
    keystore,
    storage,
    handlers: screens.handlers,
    openPaths,
    savePaths,
    folderPaths,
    events,
    dialogTitles,
    logger,
    forgetWindow: (ownerId) => screens.forgetWindow(ownerId),
    call: (method, request, context = WINDOW) => (screens.handlers[method] as (request: unknown, context: { webContentsId: number }) => Promise<never>)(request, context),
  };
}

/** Returns the error a promise rejects with, or fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
