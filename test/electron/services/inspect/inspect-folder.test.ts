import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderReportCsv, inspectFolder, type FolderProgress } from '../../../../electron/services/inspect/inspect-folder.ts';
import { needTools } from '../../../support/environment.ts';
import { WIFI_PROFILE_XML } from '../../../support/profile-fixtures.ts';

describe('inspectFolder', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-folder-'));
    writeFileSync(path.join(dir, 'a-wifi.mobileconfig'), WIFI_PROFILE_XML);
    writeFileSync(path.join(dir, 'b-broken.mobileconfig'), '<plist><dict><key>A</key></dict></plist>');
    writeFileSync(path.join(dir, '.hidden.mobileconfig'), WIFI_PROFILE_XML);
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'c-notes.txt'), 'plain text, not a plist');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each file, skipping hidden ones', async () => {
    const progress: FolderProgress[] = [];
    const result = await inspectFolder(dir, { onProgress: (p) => progress.push(p) });
    expect(result.reports.map((r) => path.relative(dir, r.file))).toEqual(['a-wifi.mobileconfig', 'b-broken.mobileconfig', path.join('sub', 'c-notes.txt')]);
    expect(result.reports.map((r) => r.ok)).toEqual([true, false, false]);
    expect(result.truncated).toBe(false);
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3]);
  });

  it('stops when cancelled', async () => {
    let calls = 0;
    const result = await inspectFolder(dir, { cancelled: () => ++calls > 1 });
    expect(result.reports).toHaveLength(1);
  });

  const tools = needTools('python3');
  it.skipIf(tools.skip)('exports CSV that Python reads' + tools.reason, async () => {
    const result = await inspectFolder(dir);
    const csv = folderReportCsv(result.reports);
    const rows = JSON.parse(execFileSync('python3', ['-c', 'import csv,io,json,sys; print(json.dumps(list(csv.DictReader(io.StringIO(sys.stdin.read(), newline="")))))'], { input: csv, encoding: 'utf8' })) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ ok: 'true', kind: 'profile', container: 'xml', signed: 'false', identifier: 'com.example.wifi', 'display name': 'Café ✓ Résumé', payloads: '2' });
    expect(rows[1].ok).toBe('false');
    expect(rows[1].error).toMatch(/no value/);
  });
});
