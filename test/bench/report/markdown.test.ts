import { describe, expect, it } from 'vitest';

import { renderConsoleSummary, renderResultsSection } from '../../../bench/report/markdown.ts';
import type { BenchReport, BenchResult } from '../../../bench/report/results.ts';

const TARGET = "within 1.5× of OpenSSL's wall time";

function signRow(name: string, ours: number, peer: number, target: BenchResult['target']): BenchResult {
  return {
    name,
    title: `Sign ${name}`,
    group: 'sign',
    measure: 'whole process',
    units: 'ms',
    ours,
    peer,
    peerName: 'openssl cms -sign',
    ratio: ours / peer,
    runs: 1,
    oursSamples: [ours],
    peerSamples: [peer],
    oursMaxRssMiB: null,
    peerMaxRssMiB: null,
    note: 'A note.',
    target,
  };
}

function report(results: BenchResult[]): BenchReport {
  const load = { oneMinute: 0.5, fiveMinutes: 0.5, fifteenMinutes: 0.5 };
  return {
    date: '2026-12-04T00:00:00.000Z',
    machine: { cpuModel: 'CPU', cores: 2, memoryGiB: 4, os: 'Linux', node: 'v20', python: null, openssl: null, plistutil: null, peakMemorySource: 'not measured' },
    loadAverageAtStart: load,
    loadAverageAtEnd: load,
    options: { quick: true, runs: 1, batchRuns: 1, only: [] },
    results,
    gaps: [],
  };
}

const rows = [
  signRow('small', 114, 9, { description: TARGET, met: false, detail: 'Node is slower', runtimeBound: true }),
  signRow('large', 900, 400, { description: TARGET, met: false, detail: 'Node is faster', runtimeBound: false }),
  signRow('huge', 500, 400, { description: TARGET, met: true }),
];

describe('renderResultsSection', () => {
  it('counts rows the runtime alone misses', () => {
    const section = renderResultsSection(report(rows));
    expect(section).toContain(`| ${TARGET} | not met (1 of 3 rows meet it; on 1, Node's empty start alone misses it) | 1, 2, 3 |`);
  });

  it('puts the detail in the row', () => {
    const section = renderResultsSection(report(rows));
    expect(section).toContain(`| not met: ${TARGET} (Node is slower) |`);
  });

  it('leaves out the runtime count when none', () => {
    const section = renderResultsSection(report([rows[1], rows[2]]));
    expect(section).toContain(`| ${TARGET} | not met (1 of 2 rows meet it) | 1, 2 |`);
  });
});

describe('renderConsoleSummary', () => {
  it('prints verdict and detail', () => {
    const lines = renderConsoleSummary(report(rows)).split('\n');
    expect(lines[0]).toBe('Sign small (whole process): ours 114 ms, peer 9.00 ms, ratio 12.67×, peak —  [NOT MET: Node is slower]');
    expect(lines[2]).toBe('Sign huge (whole process): ours 500 ms, peer 400 ms, ratio 1.25×, peak —  [met]');
  });
});
