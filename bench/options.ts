// Command-line options of `npm run bench` (node dist/bench/run.js).

import { parseArgs } from 'node:util';

export const CASE_GROUPS = ['plist', 'convert', 'startup', 'sign', 'verify', 'encrypt', 'validate', 'inspect', 'editor'] as const;
export type CaseGroup = (typeof CASE_GROUPS)[number];

export interface BenchOptions {
  /** Payload counts of the generated profiles. */
  readonly payloadCounts: readonly number[];
  /** Measured runs of each side per case, after one warm-up run that is not counted. */
  readonly runs: number;
  /** Runs of the slow batch cases (1,000 encryptions, 1,000 stubs). */
  readonly batchRuns: number;
  readonly deviceCount: number;
  readonly stubCount: number;
  /** Case groups to run; all when empty. */
  readonly only: readonly CaseGroup[];
  /** Folder for the inputs; a fresh temporary folder when undefined. */
  readonly workDir?: string;
  /** Keep the work folder after the run (always kept when --work-dir names it). */
  readonly keep: boolean;
  /** Write bench/results.json and docs/benchmarks.md (off for --quick and --only unless --write). */
  readonly write: boolean;
  readonly quick: boolean;
}

export const HELP = `Usage: npm run bench -- [options]

Generates profiles, identities, device certificates and stubs in a temporary folder, measures
this project's codecs, crypto, validation and inspection next to python3 plistlib, plistutil
and openssl (interleaved runs, medians), and writes bench/results.json and docs/benchmarks.md.

Options:
  --quick           small inputs (100 and 2,000 payloads, 100 devices and stubs) and 3 runs;
                    results are printed, not written, unless --write is given
  --only GROUP      run one group of cases (repeatable): ${CASE_GROUPS.join(', ')};
                    sign and verify also run startup, which their verdicts compare with
  --runs N          measured runs per side and case (default 5, 3 with --quick)
  --work-dir DIR    generate inputs in DIR and keep them there; a later run reuses them
  --keep            keep the temporary folder and print its path
  --write           write the result files even with --quick or --only
  --help            show this help
`;

/** Returns true when `group` runs under `--only`: when it is named, or when a named group's verdicts need its rows. */
export function isGroupSelected(group: CaseGroup, only: readonly CaseGroup[]): boolean {
  if (only.length === 0 || only.includes(group)) return true;
  // The sign and verify verdicts compare openssl's time with Node's start.
  return group === 'startup' && (only.includes('sign') || only.includes('verify'));
}

/** Raised for an option that cannot be used; the message names the accepted values. */
export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

/** Parses the command line; returns null when --help was asked for. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions | null {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        quick: { type: 'boolean' },
        only: { type: 'string', multiple: true },
        runs: { type: 'string' },
        'work-dir': { type: 'string' },
        keep: { type: 'boolean' },
        write: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new BenchUsageError(`${(error as Error).message}. Run with --help for the options.`);
  }
  const values = parsed.values;
  if (values.help) return null;

  const only = (values.only ?? []).map((name) => {
    if (!CASE_GROUPS.includes(name as CaseGroup)) throw new BenchUsageError(`--only ${name}: unknown group; use one of ${CASE_GROUPS.join(', ')}`);
    return name as CaseGroup;
  });
  const quick = values.quick ?? false;
  let runs = quick ? 3 : 5;
  if (values.runs !== undefined) {
    runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1 || runs > 100) throw new BenchUsageError(`--runs ${values.runs}: give a whole number from 1 to 100`);
  }

  return {
    payloadCounts: quick ? [100, 2000] : [100, 2000, 20_000],
    runs,
    batchRuns: quick ? 1 : 3,
    deviceCount: quick ? 100 : 1000,
    stubCount: quick ? 100 : 1000,
    only,
    workDir: values['work-dir'],
    keep: values.keep ?? false,
    write: values.write ?? (!quick && only.length === 0),
    quick,
  };
}
