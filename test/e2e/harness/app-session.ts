// One browser session of the built renderer, wired to the real main-process handlers.
//
// Chromium (Debian's, driven by playwright-core) loads the renderer from a loopback server.
// An init script replaces the preload: it exposes the same `window.mobileconfig` object
// and forwards every call through a Playwright binding to the dispatcher the Electron app
// registers, with the real document service, keystore and inspection, certificate, export
// and enrolment handlers behind it. Only the dialogs are stand-ins: the test queues the paths
// they return.
// Every request the page makes is recorded, and any that leaves 127.0.0.1 (other than data:
// and blob: URLs) is aborted and reported. Every reply and event sent to the page is recorded
// too, for the test that no key material reaches it.
//
// Drops: the stand-in's inspectDroppedFiles maps each File's name to the path the test
// registered with `dropPaths` (Electron's preload asks webUtils.getPathForFile instead), and
// forwards them to inspect.dropped like the preload. A File with an unregistered name has no
// path, as a File the page built itself has none in Electron.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { createDispatcher } from '../../../electron/ipc/dispatch.ts';
import { createHandlers, type WindowServices } from '../../../electron/ipc/handlers.ts';
import { createEnrolmentScreen, type EnrolmentScreen } from '../../../electron/ipc/screens/enrolment-handlers.ts';
import { createScreens, type ScreenDialogs } from '../../../electron/ipc/screens/index.ts';
import { keystoreFile } from '../../../electron/keystore/keystore-file.ts';
import { openKeystore } from '../../../electron/keystore/open-keystore.ts';
import { memoryLogger } from '../../../electron/log.ts';
import { DraftStore } from '../../../electron/services/documents/drafts.ts';
import { RecentDocuments } from '../../../electron/services/documents/recent.ts';
import { DocumentRegistry } from '../../../electron/services/documents/registry.ts';
import { DocumentService } from '../../../electron/services/documents/service.ts';
import type { Keystore } from '../../../electron/services/keystore/index.ts';
import { EVENT_NAMES, RENDERER_METHODS, type IpcEventName, type IpcEvents } from '../../../shared/ipc/contract.ts';
import { fakeCipher } from '../../support/fake-secret-box.ts';

/** Flags for Debian's chromium in a container: no sandbox (root), no GPU, no background traffic. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The one window id the stand-in preload reports, as Electron's webContents.id would. */
const WINDOW_ID = 1;

export interface AppSession {
  readonly page: Page;
  readonly documents: DocumentService;
  /** Requests that went anywhere but the loopback server, data: or blob:. */
  readonly foreignRequests: string[];
  /** Every request URL the page made. */
  readonly requests: string[];
  /** Browser console errors and uncaught page errors. */
  readonly pageErrors: string[];
  /** Paths the next open dialogs return (null for Cancel). */
  readonly openPaths: (string | null)[];
  /** Paths the next save dialogs return (null for Cancel). */
  readonly savePaths: (string | null)[];
  /** Folders the next folder dialogs return (null for Cancel). */
  readonly folderPaths: (string | null)[];
  /** Paths the next open dialogs for several files return (an empty array for Cancel); when this is empty, `openPaths` is used. */
  readonly openPathLists: string[][];
  /** File name → path, for the Files a test drops (see drop.ts). */
  readonly dropPaths: Map<string, string>;
  /** Every reply and event payload sent to the page, in order. */
  readonly replies: unknown[];
  /** The keystore behind the certificate manager: encrypted with a stand-in for safeStorage, in userDataDir. */
  readonly keystore: Keystore;
  /** The enrolment workbench behind its screen, with its state folder in userDataDir; its server is stopped on close. */
  readonly enrolment: EnrolmentScreen;
  /** The main-process log lines. */
  readonly logLines: readonly { level: string; message: string; fields: Record<string, unknown> }[];
  /** Folder for drafts and the recent list of this session. */
  readonly userDataDir: string;
  emit<E extends IpcEventName>(event: E, payload: IpcEvents[E]): Promise<void>;
  close(): Promise<void>;
}

export interface SessionOptions {
  readonly origin: string;
  readonly colorScheme?: 'light' | 'dark';
  /** Reuse drafts and recent list from an earlier session (crash recovery). */
  readonly userDataDir?: string;
  /** The clock the inspection and export handlers compute expiry against; the real one when absent. */
  readonly now?: Date;
  /** `session`: the stand-in for safeStorage reports no protected storage, so identities are not saved. */
  readonly keystore?: 'encrypted' | 'session';
}

let browser: Browser | null = null;

/** Launches Debian's chromium once per test file. */
export async function launchBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

export async function startAppSession(options: SessionOptions): Promise<AppSession> {
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'mobileconfig-e2e-')));
  const logger = memoryLogger();
  const documents = new DocumentService({
    registry: new DocumentRegistry(),
    drafts: new DraftStore(path.join(userDataDir, 'drafts'), logger),
    recent: new RecentDocuments(path.join(userDataDir, 'recent.json'), logger),
    logger,
  });

  const openPaths: (string | null)[] = [];
  const savePaths: (string | null)[] = [];
  const folderPaths: (string | null)[] = [];
  const openPathLists: string[][] = [];
  const dropPaths = new Map<string, string>();
  const replies: unknown[] = [];
  let context: BrowserContext | null = null;
  let page: Page | null = null;
  const windows: WindowServices = {
    platform: 'linux',
    appVersion: '0.0.0-test',
    chooseFileToOpen: async () => openPaths.shift() ?? null,
    chooseSavePath: async () => savePaths.shift() ?? null,
    chooseFolder: async () => folderPaths.shift() ?? null,
    takePendingDocument: async () => null,
    showEdited: () => undefined,
    closeWindow: () => undefined,
  };
  const sendEvent = async (event: string, payload: unknown): Promise<void> => {
    replies.push(payload);
    await page?.evaluate(({ name, data }) => (window as unknown as { __mobileconfigEmit: (event: string, payload: unknown) => void }).__mobileconfigEmit(name, data), { name: event, data: payload });
  };
  const dialogs: ScreenDialogs = {
    chooseFiles: async (_owner, { multiple }) => {
      if (multiple && openPathLists.length > 0) return openPathLists.shift() ?? [];
      const chosen = openPaths.shift() ?? null;
      return chosen === null ? [] : [chosen];
    },
    chooseFolder: async () => folderPaths.shift() ?? null,
    chooseSavePath: async () => savePaths.shift() ?? null,
    sendEvent: (_owner, event, payload) => void sendEvent(event, payload),
  };
  const { keystore } = await openKeystore(fakeCipher(options.keystore !== 'session'), keystoreFile(path.join(userDataDir, 'identities.bin')), logger);
  const fixedNow = options.now;
  const screens = createScreens({ keystore, dialogs, logger, ...(fixedNow ? { now: () => fixedNow } : {}) });
  const enrolment = createEnrolmentScreen({ stateDir: path.join(userDataDir, 'enrolment'), keystore, dialogs, logger, logBatchDelayMs: 20 });
  const handlers = { ...createHandlers(documents, windows), ...screens.handlers, ...enrolment.handlers };
  const dispatch = createDispatcher(handlers, { allowedOrigins: [options.origin], isOurWindow: (id) => id === WINDOW_ID }, logger);

  const ownBrowser = await launchBrowser();
  context = await ownBrowser.newContext({ viewport: { width: 1440, height: 1000 }, colorScheme: options.colorScheme ?? 'light', serviceWorkers: 'block' });

  // Network: record everything, abort what leaves loopback.
  const requests: string[] = [];
  const foreignRequests: string[] = [];
  const isAllowed = (url: string) => url.startsWith(`${options.origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
  context.on('request', (request) => {
    requests.push(request.url());
    if (!isAllowed(request.url())) foreignRequests.push(request.url());
  });
  await context.route('**/*', (route) => (isAllowed(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));

  // The preload stand-in, registered before the first navigation.
  await context.exposeBinding('__mobileconfigInvoke', async (source, method: unknown, request: unknown) => {
    const reply = await dispatch(method, request, { webContentsId: WINDOW_ID, isMainFrame: source.frame === source.page.mainFrame(), frameUrl: source.frame.url() });
    replies.push(reply);
    return reply;
  });
  await context.exposeBinding('__mobileconfigDrop', async (source, names: string[]) => {
    const paths = names.flatMap((name) => dropPaths.get(name) ?? []);
    const reply =
      paths.length === 0
        ? { ok: false, error: { code: 'invalid-argument', message: 'None of the dropped items is a file or folder on this computer.' } }
        : await dispatch('inspect.dropped', { paths }, { webContentsId: WINDOW_ID, isMainFrame: source.frame === source.page.mainFrame(), frameUrl: source.frame.url() });
    replies.push(reply);
    return reply;
  });
  await context.addInitScript(
    ({ methods, events }) => {
      type Listener = (payload: unknown) => void;
      const listeners = new Map<string, Set<Listener>>();
      const invoke = (window as unknown as { __mobileconfigInvoke: (method: string, request: unknown) => Promise<unknown> }).__mobileconfigInvoke;
      const drop = (window as unknown as { __mobileconfigDrop: (names: string[]) => Promise<unknown> }).__mobileconfigDrop;
      const api: Record<string, unknown> = {};
      for (const method of methods) api[method] = (request: unknown) => invoke(method, request);
      api.inspectDroppedFiles = (files: readonly File[]) => drop(Array.from(files, (file) => file.name));
      api.on = (event: string, listener: Listener) => {
        if (!events.includes(event)) throw new Error(`Unknown event "${event}".`);
        const set = listeners.get(event) ?? new Set<Listener>();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      };
      Object.defineProperty(window, 'mobileconfig', { value: Object.freeze(api) });
      Object.defineProperty(window, '__mobileconfigEmit', { value: (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)) });
    },
    { methods: RENDERER_METHODS as string[], events: EVENT_NAMES as string[] },
  );

  page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
  });

  await page.goto(`${options.origin}/index.html`);
  await page.getByRole('button', { name: 'Add payload…' }).or(page.getByRole('heading', { name: 'Property list' })).first().waitFor();
  await page.locator('.monaco-editor .view-lines').waitFor();

  return {
    page,
    documents,
    foreignRequests,
    requests,
    pageErrors,
    openPaths,
    savePaths,
    folderPaths,
    openPathLists,
    dropPaths,
    replies,
    keystore,
    enrolment,
    logLines: logger.lines,
    userDataDir,
    emit: (event, payload) => sendEvent(event, payload),
    close: async () => {
      await enrolment.dispose();
      await context?.close();
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
