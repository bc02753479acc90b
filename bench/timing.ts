// Timing of processes and of interleaved runs.
//
// A process is timed from spawn to exit with the monotonic clock. Where GNU time is installed
// (/usr/bin/time), it wraps the process and reports the maximum resident set size. It wraps
// both sides of a comparison alike, so its own start-up cost does not favour either side.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface Sample {
  /** Wall time in milliseconds. */
  readonly ms: number;
  /** Maximum resident set size in MiB, when it could be measured. */
  readonly maxRssMiB: number | null;
}

export interface ProcessSample extends Sample {
  readonly stdout: string;
}

export interface RunOptions {
  readonly cwd?: string;
  /** Keep standard output (for probes that print JSON); otherwise it is discarded. */
  readonly captureStdout?: boolean;
}

/** Raised when a measured process fails; the message carries its command and standard error. */
export class MeasuredProcessError extends Error {
  override readonly name = 'MeasuredProcessError';

  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`${command} exited with ${exitCode ?? 'a signal'}: ${stderr.trim().slice(-2000) || '(no output on stderr)'}`);
  }
}

let timeAvailable: boolean | undefined;

/** True when GNU time can report the peak memory of child processes. */
export function canMeasureRss(): boolean {
  timeAvailable ??= existsSync(GNU_TIME);
  return timeAvailable;
}

/** Runs `command` to its end and returns its wall time and peak memory; a non-zero exit raises MeasuredProcessError. */
export function runTimed(command: string, args: readonly string[], options: RunOptions = {}): Promise<ProcessSample> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-time-'));
  const rssFile = path.join(scratch, 'rss');
  const [file, argv] = canMeasureRss() ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, [...args]];
  const label = [command, ...args].map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ');

  return new Promise<ProcessSample>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, stdio: ['ignore', options.captureStdout ? 'pipe' : 'ignore', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      rmSync(scratch, { recursive: true, force: true });
      reject(new MeasuredProcessError(label, null, error.message));
    });
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const maxRssMiB = readRss(rssFile);
      rmSync(scratch, { recursive: true, force: true });
      if (code !== 0) reject(new MeasuredProcessError(label, code, Buffer.concat(stderr).toString()));
      else resolve({ ms, maxRssMiB, stdout: Buffer.concat(stdout).toString() });
    });
  });
}

function readRss(file: string): number | null {
  if (!existsSync(file)) return null;
  // GNU time writes "Command exited with non-zero status N" before the number on failure.
  const kib = Number(readFileSync(file, 'utf8').trim().split('\n').pop());
  return Number.isFinite(kib) && kib > 0 ? kib / 1024 : null;
}

export interface Paired<T> {
  readonly ours: T[];
  readonly peer: T[];
}

/**
 * Runs one uncounted warm-up of each side, which fills the file cache and any caches of the
 * tools. Then runs `runs` rounds of both, alternating which side goes first, so that neither
 * always runs on a machine the other has just warmed or loaded.
 */
export async function interleave<T>(runs: number, ours: () => Promise<T>, peer: () => Promise<T>): Promise<Paired<T>> {
  await ours();
  await peer();
  const result: Paired<T> = { ours: [], peer: [] };
  for (let round = 0; round < runs; round++) {
    if (round % 2 === 0) {
      result.ours.push(await ours());
      result.peer.push(await peer());
    } else {
      result.peer.push(await peer());
      result.ours.push(await ours());
    }
  }
  return result;
}

/**
 * Runs one uncounted warm-up of each command, then `runs` rounds of all of them. Each round
 * starts one command later than the round before, so that each command runs first in turn.
 */
export async function interleaveAll<K extends string, T>(runs: number, commands: Readonly<Record<K, () => Promise<T>>>): Promise<Record<K, T[]>> {
  const keys = Object.keys(commands) as K[];
  for (const key of keys) await commands[key]();

  const samples = Object.fromEntries(keys.map((key) => [key, [] as T[]])) as Record<K, T[]>;
  for (let round = 0; round < runs; round++) {
    for (let step = 0; step < keys.length; step++) {
      const key = keys[(round + step) % keys.length];
      samples[key].push(await commands[key]());
    }
  }
  return samples;
}

/** Runs one warm-up, then `runs` counted runs, for measurements that have no peer. */
export async function repeat<T>(runs: number, measure: () => Promise<T>): Promise<T[]> {
  await measure();
  const samples: T[] = [];
  for (let round = 0; round < runs; round++) samples.push(await measure());
  return samples;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Returns the largest peak memory among samples, or null when none was measured. */
export function peakRss(samples: readonly Sample[]): number | null {
  const values = samples.map((s) => s.maxRssMiB).filter((v): v is number => v !== null);
  return values.length === 0 ? null : Math.max(...values);
}
