// Tests of the date conversion and width rules in shared/plist/binary/format.ts, including
// binary dates read and written in node processes started under different time zones.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { appleSecondsToUnixMs, byteWidthForCount, unixMsToAppleSeconds } from '../../../../shared/plist/binary/format.ts';
import { projectRoot } from '../../../support/environment.ts';
import { buildBplist, hexBytes } from './bplist-builder.ts';

describe('byteWidthForCount', () => {
  it('picks 1, 2, 4 and 8 bytes', () => {
    expect(byteWidthForCount(0)).toBe(1);
    expect(byteWidthForCount(255)).toBe(1);
    expect(byteWidthForCount(256)).toBe(2);
    expect(byteWidthForCount(65535)).toBe(2);
    expect(byteWidthForCount(65536)).toBe(4);
    expect(byteWidthForCount(2 ** 32 - 1)).toBe(4);
    expect(byteWidthForCount(2 ** 32)).toBe(8);
  });
});

describe('binary date conversion', () => {
  it('maps 2001 epoch to 978307200000 ms', () => {
    expect(appleSecondsToUnixMs(0)).toBe(Date.UTC(2001, 0, 1));
    expect(unixMsToAppleSeconds(Date.UTC(2001, 0, 1))).toBe(0);
  });

  it('converts 190057320 seconds', () => {
    expect(appleSecondsToUnixMs(190057320)).toBe(Date.UTC(2007, 0, 9, 17, 42));
    expect(unixMsToAppleSeconds(Date.UTC(2007, 0, 9, 17, 42))).toBe(190057320);
  });

  it('keeps microsecond fractions', () => {
    expect(appleSecondsToUnixMs(0.000001)).toBe(978307200000.001);
    expect(appleSecondsToUnixMs(-0.5)).toBe(978307199500);
  });

  it('round-trips microsecond ms values', () => {
    // A fixed linear congruential sequence of times between 1938 and 2065.
    let state = 12345;
    for (let i = 0; i < 20_000; i++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      const ms = -1e12 + (state / 2 ** 31) * 4e12;
      const micros = Math.round(ms * 1000) / 1000;
      expect(appleSecondsToUnixMs(unixMsToAppleSeconds(micros))).toBe(micros);
    }
  });
});

describe('binary date under time zones', () => {
  // Node reads TZ once at start-up, so each zone needs its own process. The child runs the
  // codec compiled by tsc into a temporary folder, since node 20 cannot run .ts files.
  let outDir = '';

  beforeAll(() => {
    outDir = mkdtempSync(path.join(tmpdir(), 'bplist-tz-'));
    const tsc = path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const sources = ['reader.ts', 'writer.ts'].map((name) => path.join(projectRoot, 'shared', 'plist', 'binary', name));
    execFileSync(process.execPath, [
      tsc, '--ignoreConfig', ...sources,
      '--outDir', outDir, '--rootDir', projectRoot,
      '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2023', '--lib', 'es2023', '--types', '',
      '--allowImportingTsExtensions', '--rewriteRelativeImportExtensions', '--skipLibCheck',
    ], { stdio: 'pipe' });
    writeFileSync(path.join(outDir, 'package.json'), '{"type": "module"}\n');
  });

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  // A file whose root is the date 190057320.0 seconds after 2001-01-01T00:00:00Z.
  const file = Buffer.from(buildBplist({ objects: [hexBytes('33 41 a6 a8 16 d0 00 00 00')] })).toString('hex');

  /** Reads `file` and writes it back in a node process with TZ set to `zone`. */
  function readInZone(zone: string): { ms: number; iso: string; zoneOffsetMinutes: number; written: string } {
    const script = `
      const { readBinaryPlist } = await import(${JSON.stringify(path.join(outDir, 'shared/plist/binary/reader.js'))});
      const { writeBinaryPlist } = await import(${JSON.stringify(path.join(outDir, 'shared/plist/binary/writer.js'))});
      const value = readBinaryPlist(Buffer.from(process.argv[1], 'hex'));
      console.log(JSON.stringify({
        ms: value.value,
        iso: new Date(value.value).toISOString(),
        zoneOffsetMinutes: new Date(value.value).getTimezoneOffset(),
        written: Buffer.from(writeBinaryPlist(value)).toString('hex'),
      }));`;
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script, file], {
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
    });
    return JSON.parse(stdout);
  }

  // The offsets prove that the zone took effect: Western Australia kept daylight saving
  // time (UTC+9) in January 2007, and Los Angeles is on PST (UTC-8) in January.
  const zones: [string, number][] = [
    ['UTC', 0],
    ['Australia/Perth', -540],
    ['America/Los_Angeles', 480],
  ];

  for (const [zone, offset] of zones) {
    it(`reads 2007-01-09T17:42:00Z in ${zone}`, () => {
      const result = readInZone(zone);
      expect(result.zoneOffsetMinutes).toBe(offset);
      expect(result.ms).toBe(1168364520000);
      expect(result.iso).toBe('2007-01-09T17:42:00.000Z');
      expect(result.written).toBe(file);
    });
  }
});
