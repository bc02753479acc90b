// The sandboxed preload: exposes `window.mobileconfig` with one method per contract entry
// (except the preload-only ones), an `on` for main-process events, and `inspectDroppedFiles`.
// Nothing else from Electron reaches the page: listeners get the payload only, never the IPC
// event (whose `sender` would give the page raw IPC).
//
// Built by Vite into a CommonJS bundle (dist/electron/preload.cjs), because sandboxed
// preloads cannot be ES modules.

import { contextBridge, ipcRenderer, webUtils } from 'electron';

import { EVENT_NAMES, RENDERER_METHODS, channelOf, eventChannelOf, type DroppedFile, type IpcEventName, type IpcEvents, type MobileconfigApi } from '../../shared/ipc/contract.ts';

function buildApi(): MobileconfigApi {
  const api: Record<string, unknown> = {};
  for (const method of RENDERER_METHODS) {
    api[method] = (request: unknown) => ipcRenderer.invoke(channelOf(method), request);
  }

  // Electron returns the path of a File from a drop or a file input, and an empty string for
  // a File the page constructed, so only files the user dropped reach inspect.dropped.
  api.inspectDroppedFiles = async (files: readonly DroppedFile[]) => {
    const paths = Array.from(files, (file) => webUtils.getPathForFile(file as File)).filter((path) => path !== '');
    if (paths.length === 0) return { ok: false, error: { code: 'invalid-argument', message: 'None of the dropped items is a file or folder on this computer.' } };
    return ipcRenderer.invoke(channelOf('inspect.dropped'), { paths });
  };

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
