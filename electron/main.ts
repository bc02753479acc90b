// The Electron main process: single instance, app:// protocol, windows, menu, IPC, close guard.

import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { app, BrowserWindow, dialog, Menu, protocol, safeStorage, session, type WebContents } from 'electron';

import type { DocumentInfo, IpcEventName, IpcEvents, MenuCommand, StartupState } from '../shared/ipc/contract.ts';
import { eventChannelOf } from '../shared/ipc/contract.ts';
import { createDispatcher, type Dispatch } from './ipc/dispatch.ts';
import { createHandlers, type WindowServices } from './ipc/handlers.ts';
import { registerIpcHandlers } from './ipc/register.ts';
import { createEnrolmentScreen, type EnrolmentScreen } from './ipc/screens/enrolment-handlers.ts';
import { createScreens, type ScreenDialogs, type Screens } from './ipc/screens/index.ts';
import { keystoreFile } from './keystore/keystore-file.ts';
import { openKeystore } from './keystore/open-keystore.ts';
import { safeStorageCipher } from './keystore/safe-storage-cipher.ts';
import { consoleLogger } from './log.ts';
import { buildMenuTemplate } from './menu/template.ts';
import { developmentCsp, productionCsp } from './security/csp.ts';
import { DraftStore } from './services/documents/drafts.ts';
import { RecentDocuments } from './services/documents/recent.ts';
import { DocumentRegistry } from './services/documents/registry.ts';
import { DocumentService } from './services/documents/service.ts';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, contentTypeOf, resolveAppFile } from './window/app-protocol.ts';
import { createDocumentWindow } from './window/create-window.ts';
import { filesFromArguments } from './window/launch-files.ts';
import { loopbackDevServer } from './window/navigation.ts';

const logger = consoleLogger('main');
const mainDir = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(mainDir, '..', 'renderer');
const preloadPath = path.resolve(mainDir, 'preload.cjs');

// Dev server: only when running unpackaged, and only on loopback.
const devServerOrigin = app.isPackaged ? null : loopbackDevServer(process.env.MOBILECONFIG_DEV_SERVER_URL);
const entryUrl = devServerOrigin ? `${devServerOrigin}/index.html` : APP_ENTRY_URL;
const allowedOrigins = devServerOrigin ? [devServerOrigin] : [APP_ORIGIN];
const csp = devServerOrigin ? developmentCsp(devServerOrigin) : productionCsp();

// Tests (and admins who want a portable set-up) can point the app at its own data folder.
if (process.env.MOBILECONFIG_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.MOBILECONFIG_USER_DATA_DIR));

const PROFILE_FILTERS = [
  { name: 'Configuration profiles', extensions: ['mobileconfig', 'plist', 'stub', 'xml'] },
  { name: 'All files', extensions: ['*'] },
];

/** Per window: the document the OS asked it to show, and whether the close guard has been settled. */
interface WindowState {
  readonly window: BrowserWindow;
  pendingDocument: Promise<DocumentInfo | null> | null;
  allowClose: boolean;
}

const windows = new Map<number, WindowState>();
let quitting = false;
let screens: Screens | null = null;
let enrolment: EnrolmentScreen | null = null;

const documents = new DocumentService({
  registry: new DocumentRegistry(),
  drafts: new DraftStore(path.join(app.getPath('userData'), 'drafts'), logger),
  recent: new RecentDocuments(path.join(app.getPath('userData'), 'recent.json'), logger),
  logger,
});

// The scheme must be privileged before `ready`: standard (real origin, relative URLs) and
// secure (so that the page is a secure context).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// Single instance: a second launch (double-click on a profile) hands its files to this one.
const filesBeforeReady: string[] = [];
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const files = filesFromArguments(argv.slice(app.isPackaged ? 1 : 2), workingDirectory, isFile);
    if (files.length === 0) focusAnyWindow();
    for (const file of files) openInNewWindow(file);
  });

  // macOS delivers double-clicked files with open-file, possibly before `ready`.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (app.isReady()) openInNewWindow(file);
    else filesBeforeReady.push(file);
  });

  app.whenReady().then(start, (error: unknown) => {
    logger.log('error', `start-up failed: ${String(error)}`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  // Protocol: serve the built renderer with its CSP as a header too.
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rendererDir);
    if (file === null) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { 'content-type': contentTypeOf(file), 'content-security-policy': csp } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  // Session: no permissions (camera, notifications...), and no request outside the app.
  const appSession = session.defaultSession;
  appSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  appSession.setPermissionCheckHandler(() => false);
  appSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${APP_SCHEME}:`) || details.url.startsWith('blob:') || details.url.startsWith('data:') || (devServerOrigin !== null && isDevServerUrl(details.url));
    if (!allowed) logger.log('warn', 'blocked a request outside the app', { url: details.url.slice(0, 200) });
    callback({ cancel: !allowed });
  });

  // Keystore: safeStorage works only once the app is ready.
  const opened = await openKeystore(safeStorageCipher(safeStorage, process.platform), keystoreFile(path.join(app.getPath('userData'), 'identities.bin')), logger);
  screens = createScreens({ keystore: opened.keystore, dialogs: screenDialogs(), logger, keystoreLoadProblem: () => opened.loadProblem });
  enrolment = createEnrolmentScreen({ stateDir: path.join(app.getPath('userData'), 'enrolment'), keystore: opened.keystore, dialogs: screenDialogs(), logger });

  // IPC: one dispatcher for all windows; the menu's recent list follows changes.
  const handlers = { ...createHandlers(documents, windowServices()), ...screens.handlers, ...enrolment.handlers };
  const dispatch = createDispatcher(handlers, { allowedOrigins, isOurWindow: (id) => windows.has(id) }, logger);
  registerIpcHandlers(refreshMenuAfter(dispatch));
  await refreshMenu();

  // First window: with the files named at launch, or a new document.
  const launchFiles = [...filesBeforeReady, ...filesFromArguments(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd(), isFile)];
  if (launchFiles.length === 0) openWindow(null);
  for (const file of launchFiles) openInNewWindow(file);

  app.on('activate', () => {
    if (windows.size === 0) openWindow(null);
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    // The enrolment server writes its registry and log out before the process ends.
    if (!enrolment?.service.status().running) return;
    event.preventDefault();
    void enrolment
      .dispose()
      .catch((error: unknown) => logger.log('error', `could not stop the enrolment server cleanly: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => app.quit());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitting) app.quit();
  });
}

function openWindow(pendingDocument: Promise<DocumentInfo | null> | null): BrowserWindow {
  const window = createDocumentWindow({ preloadPath, entryUrl });
  const id = window.webContents.id;
  const state: WindowState = { window, pendingDocument, allowClose: false };
  windows.set(id, state);

  // Close guard: unsaved changes ask Save / Don't Save / Cancel.
  window.on('close', (event) => {
    if (state.allowClose) return;
    const unsaved = documents.unsavedDocuments().filter((doc) => doc.ownerId === id);
    if (unsaved.length === 0) return;
    event.preventDefault();
    quitting = false;
    void askToSaveBeforeClosing(state, unsaved[0].title);
  });
  window.on('closed', () => {
    windows.delete(id);
    screens?.forgetWindow(id);
    enrolment?.forgetWindow(id);
    void documents.closeWindow(id);
  });
  return window;
}

async function askToSaveBeforeClosing(state: WindowState, title: string): Promise<void> {
  const { response } = await dialog.showMessageBox(state.window, {
    type: 'warning',
    message: `Do you want to save the changes you made to ${title}?`,
    detail: 'Your changes will be lost if you don’t save them.',
    buttons: ['Save', 'Don’t Save', 'Cancel'],
    defaultId: 0,
    cancelId: 2,
  });
  if (response === 0) {
    // The renderer saves, then calls window.close, which closes without asking again.
    sendEvent(state.window.webContents, 'command', { command: 'save-and-close' });
  } else if (response === 1) {
    state.allowClose = true;
    state.window.close();
  }
}

function openInNewWindow(file: string): void {
  const window = openWindow(null);
  const state = windows.get(window.webContents.id);
  if (!state) return;
  state.pendingDocument = documents.openFile(window.webContents.id, file).then(
    (document) => {
      void refreshMenu();
      return document;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      logger.log('warn', `could not open a file from the OS: ${message}`);
      dialog.showErrorBox('The file could not be opened', message);
      return null;
    },
  );
}

function windowServices(): WindowServices {
  const windowOf = (id: number): BrowserWindow | undefined => windows.get(id)?.window;
  return {
    platform: platformName(),
    appVersion: app.getVersion(),
    async chooseFileToOpen(ownerId) {
      const owner = windowOf(ownerId);
      const options = { properties: ['openFile' as const], filters: PROFILE_FILTERS };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
    async chooseFolder(ownerId, title) {
      const owner = windowOf(ownerId);
      const options = { title, properties: ['openDirectory' as const] };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
    async chooseSavePath(ownerId, suggestedName) {
      const owner = windowOf(ownerId);
      const options = { defaultPath: suggestedName, filters: PROFILE_FILTERS.slice(0, 1) };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async confirmChangedOnDisk(ownerId, filePath) {
      const owner = windowOf(ownerId);
      const options = {
        type: 'warning' as const,
        message: `${path.basename(filePath)} was changed by another program since you opened it.`,
        detail: 'Overwrite it with your version, save your version under another name, or cancel and reopen the file to see the other version.',
        buttons: ['Overwrite', 'Save As…', 'Cancel'],
        defaultId: 1,
        cancelId: 2,
      };
      const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
      return response === 0 ? 'overwrite' : response === 1 ? 'save-as' : 'cancel';
    },
    async takePendingDocument(ownerId) {
      const state = windows.get(ownerId);
      if (!state?.pendingDocument) return null;
      const pending = state.pendingDocument;
      state.pendingDocument = null;
      return pending;
    },
    showEdited(ownerId, edited, title) {
      const window = windowOf(ownerId);
      if (!window) return;
      window.setTitle(title);
      window.setDocumentEdited(edited);
    },
    closeWindow(ownerId) {
      const state = windows.get(ownerId);
      if (!state) return;
      state.allowClose = true;
      state.window.close();
    },
  };
}

function screenDialogs(): ScreenDialogs {
  const windowOf = (id: number): BrowserWindow | undefined => windows.get(id)?.window;
  const filtersOf = (filters: readonly { name: string; extensions: readonly string[] }[]) => filters.map((f) => ({ name: f.name, extensions: [...f.extensions] }));
  return {
    async chooseFiles(ownerId, { title, filters, multiple }) {
      const owner = windowOf(ownerId);
      const options = { title, filters: filtersOf(filters), properties: multiple ? ['openFile' as const, 'multiSelections' as const] : ['openFile' as const] };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseFolder(ownerId, title) {
      const owner = windowOf(ownerId);
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
    async chooseSavePath(ownerId, { title, defaultName, filters }) {
      const owner = windowOf(ownerId);
      const options = { title, defaultPath: defaultName, filters: filtersOf(filters) };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    sendEvent(ownerId, event, payload) {
      const window = windowOf(ownerId);
      if (window && !window.isDestroyed()) sendEvent(window.webContents, event, payload);
    },
  };
}

// Menu: rebuilt when the recent list may have changed.
const RECENT_CHANGING = new Set<unknown>(['document.open', 'document.openRecent', 'document.save', 'document.saveAs', 'recent.clear']);

function refreshMenuAfter(dispatch: Dispatch): Dispatch {
  return async (method, request, sender) => {
    const result = await dispatch(method, request, sender);
    if (RECENT_CHANGING.has(method)) void refreshMenu();
    return result;
  };
}

async function refreshMenu(): Promise<void> {
  const recent = await documents.recentEntries();
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: app.name,
    recent,
    send: sendCommandToFocusedWindow,
    openRecent: (filePath) => {
      const target = focusedState();
      if (target) sendEvent(target.window.webContents, 'open-recent', { filePath });
      else openInNewWindow(filePath);
    },
    clearRecent: () => {
      void documents.clearRecent().then(refreshMenu);
    },
    closeFocusedWindow: () => focusedState()?.window.close(),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function sendCommandToFocusedWindow(command: MenuCommand): void {
  const target = focusedState();
  if (target) {
    sendEvent(target.window.webContents, 'command', { command });
    return;
  }
  // No window (macOS keeps running without one): a new window starts with a new document.
  const window = openWindow(null);
  if (command !== 'new') window.webContents.once('did-finish-load', () => sendEvent(window.webContents, 'command', { command }));
}

function focusedState(): WindowState | undefined {
  const focused = BrowserWindow.getFocusedWindow();
  return focused ? windows.get(focused.webContents.id) : undefined;
}

function focusAnyWindow(): void {
  const first = windows.values().next().value;
  if (!first) return;
  if (first.window.isMinimized()) first.window.restore();
  first.window.focus();
}

function sendEvent<E extends IpcEventName>(contents: WebContents, event: E, payload: IpcEvents[E]): void {
  contents.send(eventChannelOf(event), payload);
}

function isDevServerUrl(url: string): boolean {
  return devServerOrigin !== null && (url.startsWith(`${devServerOrigin}/`) || url.startsWith(devServerOrigin.replace(/^http/, 'ws')));
}

function isFile(file: string): boolean {
  try {
    return existsSync(file) && statSync(file).isFile();
  } catch {
    return false;
  }
}

function platformName(): StartupState['platform'] {
  const platform = process.platform;
  return platform === 'darwin' || platform === 'win32' || platform === 'linux' ? platform : 'other';
}
