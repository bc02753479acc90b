// The document window and its security settings.

import path from 'node:path';

import { BrowserWindow, shell } from 'electron';

export interface WindowOptions {
  /** Absolute path of the CommonJS preload bundle. */
  readonly preloadPath: string;
  /** URL of the renderer's index page (app:// or the loopback dev server). */
  readonly entryUrl: string;
}

export function createDocumentWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Mobileconfig Studio',
    webPreferences: {
      preload: path.resolve(options.preloadPath),
      // The page gets no Node and talks to main only through the preload's API object.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });

  // Navigation: the app is a single page loaded by loadURL (which does not raise
  // will-navigate), so every navigation the page starts is dropped. Links to the web open in
  // the user's browser, https only.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });

  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.entryUrl);
  return window;
}
