import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePlist } from '../../shared/plist/index.ts';
import { readPlist } from '../../shared/plist/index.ts';
import { runCli } from '../support/cli-harness.ts';
import { WIFI_PROFILE_XML } from '../support/profile-fixtures.ts';

describe('diff command', () => {
  let dir: string;
  let a: string;
  let b: string;
  let binaryA: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-diff-'));
    a = path.join(dir, 'a.mobileconfig');
    b = path.join(dir, 'b.mobileconfig');
    binaryA = path.join(dir, 'a.bplist');
    writeFileSync(a, WIFI_PROFILE_XML);
    const edited = WIFI_PROFILE_XML.replace('<string>Résumé-Net</string>', '<string>Guest</string>')
      .replace('<real>1</real>', '<integer>1</integer>')
      .replace('\t<key>PayloadOrganization</key>\n\t<string>Example Org</string>\n', '');
    writeFileSync(b, edited);
    writeFileSync(binaryA, writePlist(readPlist(new Uint8Array(Buffer.from(WIFI_PROFILE_XML))).value, 'binary'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists changed, retyped and removed keys', async () => {
    const run = await runCli(['diff', a, b, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.identical).toBe(false);
    expect(report.changes).toEqual([
      { change: 'changed', path: 'PayloadContent[0].SSID_STR', oldType: 'string', newType: 'string', oldValue: 'Résumé-Net', newValue: 'Guest' },
      { change: 'changed', path: 'PayloadContent[1].Ratio', oldType: 'real', newType: 'integer', oldValue: 1, newValue: 1 },
      { change: 'removed', path: 'PayloadOrganization', oldType: 'string', oldValue: 'Example Org' },
    ]);
  });

  it('finds XML and binary forms identical', async () => {
    const run = await runCli(['diff', a, binaryA]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${a} and ${binaryA} hold the same values.\n`);
  });

  it('prints changes as text', async () => {
    const run = await runCli(['diff', a, b]);
    expect(run.stdout).toContain('~ PayloadContent[1].Ratio: real 1 -> integer 1');
    expect(run.stdout).toContain('- PayloadOrganization: string "Example Org"');
    expect(run.stdout).toContain('3 changes.');
  });

  it('exits 2 with one file', async () => {
    expect((await runCli(['diff', a])).code).toBe(2);
  });
});
