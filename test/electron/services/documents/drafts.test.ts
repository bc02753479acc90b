import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DraftStore } from '../../../../electron/services/documents/drafts.ts';
import { memoryLogger } from '../../../../electron/log.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

let folder: string;

beforeEach(async () => {
  folder = path.join(await mkdtemp(path.join(tmpdir(), 'drafts-')), 'drafts');
});

afterEach(async () => {
  await rm(path.dirname(folder), { recursive: true, force: true });
});

describe('DraftStore', () => {
  it('writes and reads a draft', async () => {
    const store = new DraftStore(folder, memoryLogger());
    const draft = { documentId: A, filePath: null, displayName: 'Untitled', savedAt: '2026-12-04T10:00:00.000Z', text: '<plist/>' };
    await store.write(draft);
    expect(await store.read(A)).toEqual(draft);
  });

  it('creates files only the user can read', async () => {
    const store = new DraftStore(folder, memoryLogger());
    await store.write({ documentId: A, filePath: null, displayName: 'Untitled', savedAt: '2026-12-04T10:00:00.000Z', text: 'x' });
    expect((await stat(path.join(folder, `${A}.json`))).mode & 0o777).toBe(0o600);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
  });

  it('lists newest first', async () => {
    const store = new DraftStore(folder, memoryLogger());
    await store.write({ documentId: A, filePath: null, displayName: 'Old', savedAt: '2026-12-04T10:00:00.000Z', text: '' });
    await store.write({ documentId: B, filePath: '/p/b.mobileconfig', displayName: 'b.mobileconfig', savedAt: '2026-12-04T11:00:00.000Z', text: '' });
    const listed = await store.list();
    expect(listed.map((d) => d.documentId)).toEqual([B, A]);
  });

  it('skips unreadable drafts and logs them', async () => {
    const logger = memoryLogger();
    const store = new DraftStore(folder, logger);
    await store.write({ documentId: A, filePath: null, displayName: 'Good', savedAt: '2026-12-04T10:00:00.000Z', text: '' });
    await writeFile(path.join(folder, `${B}.json`), '{"documentId": "cut sho');
    await writeFile(path.join(folder, 'notes.txt'), 'not a draft');
    const listed = await store.list();
    expect(listed.map((d) => d.displayName)).toEqual(['Good']);
    expect(logger.lines).toEqual([{ level: 'warn', message: 'skipped an unreadable draft', fields: { documentId: B } }]);
  });

  it('lists nothing without a folder', async () => {
    expect(await new DraftStore(folder, memoryLogger()).list()).toEqual([]);
  });

  it('removes a draft', async () => {
    const store = new DraftStore(folder, memoryLogger());
    await store.write({ documentId: A, filePath: null, displayName: 'x', savedAt: '2026-12-04T10:00:00.000Z', text: '' });
    await store.remove(A);
    expect(await readdir(folder)).toEqual([]);
    expect(await store.read(A)).toBeNull();
  });

  it('rejects an id that is not a UUID', async () => {
    const store = new DraftStore(folder, memoryLogger());
    await expect(store.remove('../../etc/passwd')).rejects.toThrow('Invalid draft id "../../etc/passwd": expected a lower-case UUID.');
  });
});
