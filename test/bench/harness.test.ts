// A smoke run of the benchmark harness on tiny inputs: every group but the editor (which
// builds the renderer) runs once, and the result files are written to a temporary folder.
// Nothing here checks how fast anything is.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { probePath } from '../../bench/context.ts';
import type { BenchOptions } from '../../bench/options.ts';
import { RESULTS_END, RESULTS_START } from '../../bench/report/markdown.ts';
import type { BenchReport } from '../../bench/report/results.ts';
import { runBench } from '../../bench/run.ts';
import { needTools } from '../support/environment.ts';

const tools = needTools('openssl', 'python3', 'plistutil');
const built = existsSync(probePath);
const buildReason = built ? '' : ` (skipped: ${probePath} is missing; run npm run build:node)`;

const GROUPS = ['plist', 'convert', 'startup', 'sign', 'verify', 'encrypt', 'validate', 'inspect'] as const;

describe.skipIf(tools.skip || !built)('bench harness smoke run' + tools.reason + buildReason, () => {
  let dir: string;
  let report: BenchReport;
  const logLines: string[] = [];
  const resultsFile = () => path.join(dir, 'results.json');
  const docsFile = () => path.join(dir, 'benchmarks.md');

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bench-smoke-'));
    writeFileSync(docsFile(), `# Benchmarks\n\nHand-written text.\n\n${RESULTS_START}\nold\n${RESULTS_END}\n\nMore hand-written text.\n`);
    const options: BenchOptions = {
      payloadCounts: [3],
      runs: 1,
      batchRuns: 1,
      deviceCount: 2,
      stubCount: 2,
      only: GROUPS,
      keep: false,
      write: true,
      quick: true,
    };
    report = await runBench(options, { resultsFile: resultsFile(), docsFile: docsFile() }, (line) => logLines.push(line));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs every group without gaps', () => {
    expect(report.gaps).toEqual([]);
    expect([...new Set(report.results.map((row) => row.group))]).toEqual([...GROUPS]);
  });

  it('gives each row a measured value', () => {
    for (const row of report.results) {
      expect(row.ours, row.name).toBeGreaterThan(0);
      expect(row.oursSamples, row.name).toHaveLength(1);
    }
  });

  it('pairs peer rows with a ratio', () => {
    const paired = report.results.filter((row) => row.peerName !== null);
    expect(paired.length).toBeGreaterThan(10);
    for (const row of paired) {
      expect(row.peer, row.name).toBeGreaterThan(0);
      const expected = row.units === 'ms' ? row.ours! / row.peer! : row.peer! / row.ours!;
      expect(row.ratio, row.name).toBeCloseTo(expected, 10);
    }
  });

  it('adds the start-up rows', () => {
    const startup = report.results.filter((row) => row.group === 'startup');
    expect(startup.map((row) => row.name)).toEqual(['startup.node-empty', 'startup.cli-version']);
    for (const row of startup) {
      expect(row.peerName, row.name).toBe('openssl version');
      expect(row.measure, row.name).toBe('whole process');
    }
    // Both rows ran in one interleaved loop with the same openssl runs.
    expect(startup[0].peerSamples).toEqual(startup[1].peerSamples);
  });

  it('checks the targets', () => {
    const parse = report.results.find((row) => row.name === 'plist.xml-parse.3');
    expect(parse?.target?.description).toBe('parse at least as fast as plistlib');
    const sign = report.results.find((row) => row.name === 'sign.rsa-process.3');
    expect(sign?.target?.met).toBe(sign!.ratio! <= 1.5);
    // An unmet verdict compares openssl's time with Node's start; a met one needs no comparison.
    if (sign?.target?.met === false) expect(sign.target.detail).toMatch(/^Node's empty start alone \([\d.,]+ ms\) is [\d.]+× openssl's sign time/);
    else expect(sign?.target?.detail).toBeUndefined();
    const encrypt = report.results.find((row) => row.name === 'encrypt.devices-2-processes.2');
    expect(encrypt?.target?.detail).toMatch(/^extrapolated from the measured rate/);
  });

  it('writes results.json', () => {
    const written = JSON.parse(readFileSync(resultsFile(), 'utf8')) as BenchReport;
    expect(written.results).toHaveLength(report.results.length);
    expect(written.machine.node).toBe(process.version);
    expect(written.machine.cores).toBeGreaterThan(0);
    expect(written.date).toBe(report.date);
  });

  it('replaces only the generated section', () => {
    const docs = readFileSync(docsFile(), 'utf8');
    expect(docs.startsWith('# Benchmarks\n\nHand-written text.\n\n')).toBe(true);
    expect(docs.endsWith('\n\nMore hand-written text.\n')).toBe(true);
    expect(docs).not.toContain('\nold\n');
    const tableRows = docs.split('\n').filter((line) => /^\| \d+ \|/.test(line));
    expect(tableRows).toHaveLength(report.results.length);
  });

  it('removes its temporary inputs', () => {
    const workDir = /^inputs in (.+); load average/.exec(logLines[0] ?? '')?.[1];
    expect(workDir).toMatch(/mobileconfig-bench-/);
    expect(existsSync(workDir!)).toBe(false);
  });
});

describe.skipIf(tools.skip)('generated profile' + tools.reason, () => {
  it('reads in plistlib with every type', async () => {
    const { buildProfile } = await import('../../bench/inputs/profile.ts');
    const { writePlist } = await import('../../shared/plist/index.ts');
    const script = [
      'import plistlib, sys, datetime',
      'p = plistlib.loads(sys.stdin.buffer.read())',
      'kinds = set()',
      'def walk(v):',
      '    kinds.add(type(v).__name__)',
      '    if isinstance(v, dict): [walk(x) for x in v.values()]',
      '    if isinstance(v, list): [walk(x) for x in v]',
      'walk(p)',
      'print(len(p["PayloadContent"]), ",".join(sorted(kinds)), p["PayloadDisplayName"])',
    ].join('\n');
    const out = execFileSync('python3', ['-c', script], { input: writePlist(buildProfile(3), 'xml'), encoding: 'utf8' }).trim();
    expect(out).toBe('3 bool,bytes,datetime,dict,float,int,list,str Exämple Org — 3 payloads ✓');
  });
});
