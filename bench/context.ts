// The context every benchmark case runs with: inputs, options, tools found, and project paths.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { BenchInputs } from './inputs/index.ts';
import type { BenchOptions } from './options.ts';
import type { BenchResult } from './report/results.ts';
import { runTimed, type ProcessSample } from './timing.ts';

export interface BenchTools {
  /** The real python3 interpreter (not a version-manager shim), or null when python3 with plistlib is missing. */
  readonly python: string | null;
  readonly openssl: boolean;
  readonly plistutil: boolean;
}

export interface CaseContext {
  readonly inputs: BenchInputs;
  readonly options: BenchOptions;
  readonly tools: BenchTools;
  /** A folder for outputs of the measured commands. */
  readonly scratch: string;
  log(line: string): void;
}

export interface BenchCase {
  readonly group: BenchOptions['only'][number];
  run(context: CaseContext): Promise<BenchResult[]>;
}

/** The project's root: the nearest folder above this module with a package.json (works from bench/ and dist/bench/). */
export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json found above ${start}`);
  }
}

/** The built CLI launcher, run as `node bin/mobileconfig.js`. */
export const cliPath = path.join(projectRoot, 'bin', 'mobileconfig.js');
/** The compiled in-process probe; `npm run bench` builds it first. */
export const probePath = path.join(projectRoot, 'dist', 'bench', 'probe.js');
export const pythonPeerPath = path.join(projectRoot, 'bench', 'python', 'plist_peer.py');

/** Runs the CLI as a user would: a new Node process, so Node's start and module loading are included. */
export function runCli(args: readonly string[]): Promise<ProcessSample> {
  return runTimed(process.execPath, [cliPath, ...args]);
}

export interface ProbeRound {
  readonly metrics: Record<string, number[]>;
  readonly maxRssMiB: number | null;
}

/** Runs the Node probe once and returns the times it printed with its peak memory. */
export async function runNodeProbe(args: readonly string[]): Promise<ProbeRound & { ms: number }> {
  const sample = await runTimed(process.execPath, [probePath, ...args], { captureStdout: true });
  return { ms: sample.ms, maxRssMiB: sample.maxRssMiB, metrics: JSON.parse(sample.stdout) as Record<string, number[]> };
}

/** Runs the plistlib probe once; `python` is the interpreter found at start. */
export async function runPythonProbe(python: string, args: readonly string[]): Promise<ProbeRound & { ms: number }> {
  const sample = await runTimed(python, [pythonPeerPath, 'probe', ...args], { captureStdout: true });
  return { ms: sample.ms, maxRssMiB: sample.maxRssMiB, metrics: JSON.parse(sample.stdout) as Record<string, number[]> };
}
