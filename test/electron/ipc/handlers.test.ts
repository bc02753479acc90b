import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createHandlers, type WindowServices } from '../../../electron/ipc/handlers.ts';
import { memoryLogger } from '../../../electron/log.ts';
import { DraftStore } from '../../../electron/services/documents/drafts.ts';
import { RecentDocuments } from '../../../electron/services/documents/recent.ts';
import { DocumentRegistry } from '../../../electron/services/documents/registry.ts';
import { DocumentService } from '../../../electron/services/documents/service.ts';
import { needCorpus } from '../../support/environment.ts';

const PROFILE = '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n\t<key>PayloadType</key>\n\t<string>Configuration</string>\n</dict>\n</plist>\n';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'handlers-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function setup() {
  const logger = memoryLogger();
  const documents = new DocumentService({
    registry: new DocumentRegistry(),
    drafts: new DraftStore(path.join(folder, 'drafts'), logger),
    recent: new RecentDocuments(path.join(folder, 'recent.json'), logger),
    logger,
  });
  const log: string[] = [];
  const openPaths: (string | null)[] = [];
  const savePaths: (string | null)[] = [];
  const windows: WindowServices = {
    platform: 'darwin',
    appVersion: '1.2.3',
    chooseFileToOpen: async (owner) => {
      log.push(`open dialog for ${owner}`);
      return openPaths.shift() ?? null;
    },
    chooseSavePath: async (owner, name) => {
      log.push(`save dialog for ${owner} suggesting ${name}`);
      return savePaths.shift() ?? null;
    },
    chooseFolder: async (owner, title) => {
      log.push(`folder dialog for ${owner}: ${title}`);
      return openPaths.shift() ?? null;
    },
    takePendingDocument: async () => null,
    showEdited: (owner, edited, title) => log.push(`window ${owner}: ${title}${edited ? ' (edited)' : ''}`),
    closeWindow: (owner) => log.push(`close ${owner}`),
  };
  return { handlers: createHandlers(documents, windows), log, openPaths, savePaths };
}

const ctx = { webContentsId: 5 };

describe('createHandlers', () => {
  it('reports the platform at start-up', async () => {
    const { handlers } = setup();
    expect(await handlers['app.startup']({}, ctx)).toEqual({ platform: 'darwin', appVersion: '1.2.3', pendingDocument: null, drafts: [] });
  });

  it('opens the file the dialog chose, in the calling window', async () => {
    const { handlers, log, openPaths } = setup();
    const file = path.join(folder, 'a.mobileconfig');
    await writeFile(file, PROFILE);
    openPaths.push(file);
    const document = await handlers['document.open']({}, ctx);
    expect(document?.filePath).toBe(file);
    expect(log).toEqual(['open dialog for 5']);
    expect(await handlers['document.open']({}, ctx)).toBeNull();
  });

  it('saves through the save dialog and updates the window', async () => {
    const { handlers, log, savePaths } = setup();
    const { documentId } = await handlers['document.create']({}, ctx);
    await handlers['document.setEdited']({ documentId, edited: true, title: 'Untitled — Edited' }, ctx);
    const target = path.join(folder, 'saved.mobileconfig');
    savePaths.push(target);
    const result = await handlers['document.save']({ documentId, text: PROFILE }, ctx);
    expect(result?.filePath).toBe(target);
    expect(await readFile(target, 'utf8')).toBe(PROFILE);
    expect(log).toEqual(['window 5: Untitled — Edited (edited)', 'save dialog for 5 suggesting Untitled.mobileconfig']);
  });

  const corpus = needCorpus();
  it.skipIf(corpus.skip)('loads schemas from the chosen folder' + corpus.reason, async () => {
    const { handlers, log, openPaths } = setup();
    openPaths.push(path.join(corpus.dir, 'apple-device-management'));
    const result = await handlers['schemas.loadFolder']({}, ctx);
    expect(result?.schemas).toHaveLength(128);
    expect(result?.failures).toEqual([]);
    expect(log).toEqual(['folder dialog for 5: Choose a folder of Apple payload schemas (mdm/profiles)']);
    expect(await handlers['schemas.loadFolder']({}, ctx)).toBeNull();
  });

  it('closes the calling window', async () => {
    const { handlers, log } = setup();
    await handlers['window.close']({}, ctx);
    expect(log).toEqual(['close 5']);
  });
});
