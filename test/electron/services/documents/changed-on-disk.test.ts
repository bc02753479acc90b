import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../../electron/log.ts';
import { DraftStore } from '../../../../electron/services/documents/drafts.ts';
import { RecentDocuments } from '../../../../electron/services/documents/recent.ts';
import { DocumentRegistry } from '../../../../electron/services/documents/registry.ts';
import { DocumentService, FileChangedOnDiskError, type ChangedOnDiskChoice } from '../../../../electron/services/documents/service.ts';
import { WIFI_PROFILE_XML } from '../../../support/profile-fixtures.ts';

const OWNER = 1;
const EDITED = WIFI_PROFILE_XML.replace('Example Org', 'Edited Org');
const OTHER = WIFI_PROFILE_XML.replace('Example Org', 'Other Program Org');

let folder: string;
let file: string;
let service: DocumentService;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'mobileconfig-changed-'));
  file = path.join(folder, 'wifi.mobileconfig');
  await writeFile(file, WIFI_PROFILE_XML);
  const logger = memoryLogger();
  service = new DocumentService({
    registry: new DocumentRegistry(),
    drafts: new DraftStore(path.join(folder, 'drafts'), logger),
    recent: new RecentDocuments(path.join(folder, 'recent.json'), logger),
    logger,
  });
});
afterEach(() => rm(folder, { recursive: true, force: true }));

/** Simulates another program saving the file a little later. */
async function changeBehindTheAppsBack(): Promise<void> {
  await writeFile(file, OTHER);
  const later = new Date(Date.now() + 5_000);
  await utimes(file, later, later);
}

const noSavePath = async () => null;

describe('DocumentService save after an outside change', () => {
  it('saves normally when nothing changed', async () => {
    const { documentId } = await service.openFile(OWNER, file);
    expect(await service.save(OWNER, documentId, EDITED, noSavePath)).not.toBeNull();
    expect(await readFile(file, 'utf8')).toBe(EDITED);
  });

  it('raises without a way to ask', async () => {
    const { documentId } = await service.openFile(OWNER, file);
    await changeBehindTheAppsBack();
    await expect(service.save(OWNER, documentId, EDITED, noSavePath)).rejects.toBeInstanceOf(FileChangedOnDiskError);
    expect(await readFile(file, 'utf8')).toBe(OTHER);
  });

  it('keeps the other version when cancelled', async () => {
    const { documentId } = await service.openFile(OWNER, file);
    await changeBehindTheAppsBack();
    const asked: string[] = [];
    const confirm = async (changed: string): Promise<ChangedOnDiskChoice> => {
      asked.push(changed);
      return 'cancel';
    };
    expect(await service.save(OWNER, documentId, EDITED, noSavePath, confirm)).toBeNull();
    expect(asked).toEqual([file]);
    expect(await readFile(file, 'utf8')).toBe(OTHER);
  });

  it('overwrites when confirmed, then saves quietly', async () => {
    const { documentId } = await service.openFile(OWNER, file);
    await changeBehindTheAppsBack();
    let asks = 0;
    const confirm = async (): Promise<ChangedOnDiskChoice> => {
      asks++;
      return 'overwrite';
    };
    await service.save(OWNER, documentId, EDITED, noSavePath, confirm);
    await service.save(OWNER, documentId, EDITED, noSavePath, confirm);
    expect(asks).toBe(1);
    expect(await readFile(file, 'utf8')).toBe(EDITED);
  });

  it('saves under another name when chosen', async () => {
    const { documentId } = await service.openFile(OWNER, file);
    await changeBehindTheAppsBack();
    const copy = path.join(folder, 'copy.mobileconfig');
    const result = await service.save(OWNER, documentId, EDITED, async () => copy, async () => 'save-as');
    expect(result?.filePath).toBe(copy);
    expect(await readFile(copy, 'utf8')).toBe(EDITED);
    expect(await readFile(file, 'utf8')).toBe(OTHER);
  });
});
