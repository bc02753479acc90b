// Wires the dispatcher to Electron's ipcMain, one `handle` per contract method.

import { ipcMain, type IpcMainInvokeEvent } from 'electron';

import { IPC_METHODS, channelOf } from '../../shared/ipc/contract.ts';
import type { Dispatch } from './dispatch.ts';
import type { SenderInfo } from './sender.ts';

/** Registers every method; calls on channels outside the contract have no handler and fail in Electron. */
export function registerIpcHandlers(dispatch: Dispatch): void {
  for (const method of IPC_METHODS) {
    ipcMain.handle(channelOf(method), (event, request: unknown) => dispatch(method, request, senderOf(event)));
  }
}

function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  // senderFrame is null when the frame navigated or was destroyed before the call arrived.
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    frameUrl: frame?.url ?? '',
  };
}
