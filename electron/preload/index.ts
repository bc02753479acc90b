// The sandboxed preload: exposes `window.mobileconfig` with one method per contract entry and
// an `on` for main-process events. Nothing else from Electron reaches the page: listeners get
// the payload only, never the IPC event (whose `sender` would give the page raw IPC).
//
// Built by Vite into a CommonJS bundle (dist/electron/preload.cjs), because sandboxed
// preloads cannot be ES modules.

import { contextBridge, ipcRenderer } from 'electron';

import { EVENT_NAMES, IPC_METHODS, channelOf, eventChannelOf, type IpcEventName, type IpcEvents, type MobileconfigApi } from '../../shared/ipc/contract.ts';

function buildApi(): MobileconfigApi {
  const api: Record<string, unknown> = {};
  for (const method of IPC_METHODS) {
    api[method] = (request: unknown) => ipcRenderer.invoke(channelOf(method), request);
  }

  api.on = <E extends IpcEventName>(event: E, listener: (payload: IpcEvents[E]) => void): (() => void) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event "${String(event)}"; expected one of ${EVENT_NAMES.join(', ')}.`);
    const wrapped = (_event: Electron.IpcRendererEvent, payload: IpcEvents[E]) => listener(payload);
    ipcRenderer.on(eventChannelOf(event), wrapped);
    return () => {
      ipcRenderer.removeListener(eventChannelOf(event), wrapped);
    };
  };

  return Object.freeze(api) as MobileconfigApi;
}

contextBridge.exposeInMainWorld('mobileconfig', buildApi());
