import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { MAX_RECENT_DOCUMENTS, RecentDocuments } from '../../../../electron/services/documents/recent.ts';
import { memoryLogger } from '../../../../electron/log.ts';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'recent-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('RecentDocuments', () => {
  it('puts the latest first without duplicates', async () => {
    const recent = new RecentDocuments(path.join(folder, 'recent.json'), memoryLogger());
    await recent.add('/p/a.mobileconfig');
    await recent.add('/p/b.mobileconfig');
    await recent.add('/p/a.mobileconfig');
    expect(await recent.list()).toEqual(['/p/a.mobileconfig', '/p/b.mobileconfig']);
  });

  it('keeps at most ten entries', async () => {
    const recent = new RecentDocuments(path.join(folder, 'recent.json'), memoryLogger());
    for (let i = 0; i < 12; i++) await recent.add(`/p/${i}.mobileconfig`);
    const list = await recent.list();
    expect(MAX_RECENT_DOCUMENTS).toBe(10);
    expect(list).toHaveLength(10);
    expect(list[0]).toBe('/p/11.mobileconfig');
    expect(list[9]).toBe('/p/2.mobileconfig');
  });

  it('persists across instances', async () => {
    const file = path.join(folder, 'recent.json');
    await new RecentDocuments(file, memoryLogger()).add('/p/a.mobileconfig');
    expect(await new RecentDocuments(file, memoryLogger()).list()).toEqual(['/p/a.mobileconfig']);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(['/p/a.mobileconfig']);
  });

  it('ignores a corrupt file', async () => {
    const file = path.join(folder, 'recent.json');
    await writeFile(file, '{ not json');
    const logger = memoryLogger();
    expect(await new RecentDocuments(file, logger).list()).toEqual([]);
    expect(logger.lines[0].message).toBe('ignored an unreadable recent documents list');
  });

  it('drops relative and non-string entries', async () => {
    const file = path.join(folder, 'recent.json');
    await writeFile(file, JSON.stringify(['/p/a.mobileconfig', 'relative.mobileconfig', 3, null]));
    expect(await new RecentDocuments(file, memoryLogger()).list()).toEqual(['/p/a.mobileconfig']);
  });

  it('clears and removes', async () => {
    const recent = new RecentDocuments(path.join(folder, 'recent.json'), memoryLogger());
    await recent.add('/p/a.mobileconfig');
    await recent.add('/p/b.mobileconfig');
    await recent.remove('/p/a.mobileconfig');
    expect(await recent.list()).toEqual(['/p/b.mobileconfig']);
    await recent.clear();
    expect(await recent.list()).toEqual([]);
  });
});
