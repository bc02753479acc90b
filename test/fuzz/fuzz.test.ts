// The short fuzz run of `npm test`: every target's seeds, then a fixed number of mutated inputs
// with a fixed seed, so that CI runs the same inputs every time. Also replays every minimised
// input in regressions/, which `npm run fuzz` writes when it finds a bug.

import { describe, expect, it } from 'vitest';

import { runCampaign } from './engine/campaign.ts';
import { readRegressions, setCorpusEnabled } from './engine/files.ts';
import { describeError, runInput } from './engine/outcome.ts';
import { FUZZ_TARGETS } from './targets/index.ts';

/** The fixed seed of the short run; `npm run fuzz -- --seed S` explores others. */
const SHORT_RUN_SEED = 20_261_204;

/** Mutated inputs per target: one to four seconds each on the 2-core development machine. */
const SHORT_RUNS: Readonly<Record<string, number>> = {
  'xml-plist': 2000,
  'binary-plist': 4000,
  document: 2000,
  'cms-signed': 1500,
  'cms-enveloped': 1000,
  pkcs12: 1000,
  pem: 1000,
  x509: 4000,
  'xml-edit': 2000,
};

describe.each(FUZZ_TARGETS.map((target) => [target.name, target] as const))('fuzz %s', (name, target) => {
  it('replays every regression input', () => {
    const failures = readRegressions(name).flatMap(({ name: file, bytes }) => {
      const outcome = runInput(target, bytes);
      return outcome.kind === 'finding' ? [`${file}: ${describeError(outcome.error)}`] : [];
    });
    expect(failures).toEqual([]);
  });

  it('survives the short run', () => {
    const { stats, findings } = runCampaign(target, { seed: SHORT_RUN_SEED, runs: SHORT_RUNS[name] ?? 1000 });
    const report = findings.map((finding) => `input ${finding.index}: ${finding.signature}\n  minimised: ${Buffer.from(finding.input).toString('hex').slice(0, 400)}`);
    expect(report).toEqual([]);
    expect(stats.executions).toBe(stats.seedCount + (SHORT_RUNS[name] ?? 1000));
  });

  it('has seeds without the corpus', () => {
    setCorpusEnabled(false);
    try {
      expect(target.seeds().length).toBeGreaterThan(0);
    } finally {
      setCorpusEnabled(true);
    }
  });
});
