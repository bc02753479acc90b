// The shape of bench/results.json and the helpers that turn samples into result rows.

import type { CaseGroup } from '../options.ts';
import type { MachineDescription } from '../machine.ts';
import { median, peakRss, type Sample } from '../timing.ts';

/** In-process: only the library call is timed. Whole process: from spawn to exit, interpreter start included. */
export type Measure = 'in-process' | 'whole process';

export type Units = 'ms' | 'profiles/s';

export interface TargetCheck {
  /** The target in words, such as "parse at least as fast as plistlib". */
  readonly description: string;
  /** Null when the row has no number to check (a gap). */
  readonly met: boolean | null;
  /** Method of the check, for example an extrapolation, or what keeps it from being met. */
  readonly detail?: string;
  /** True when the runtime's start alone, measured in the same run, misses the target. */
  readonly runtimeBound?: boolean;
}

export interface BenchResult {
  /** Stable identifier, such as `plist.xml-parse.2000`. */
  readonly name: string;
  readonly title: string;
  readonly group: CaseGroup;
  readonly measure: Measure;
  readonly units: Units;
  /** Median of our runs; null for a measurement that could not be made (see `note`). */
  readonly ours: number | null;
  /** Median of the peer's runs, or null when the row has no peer. */
  readonly peer: number | null;
  /** The peer tool and how it ran. */
  readonly peerName: string | null;
  /** Our time divided by the peer's time: below 1 ours is faster. For profiles/s rows, the peer's rate divided by ours, so the meaning stays the same. */
  readonly ratio: number | null;
  readonly runs: number;
  readonly oursSamples: readonly number[];
  readonly peerSamples: readonly number[];
  /** Peak resident memory of our process in MiB (Node's own baseline included). */
  readonly oursMaxRssMiB: number | null;
  readonly peerMaxRssMiB: number | null;
  /** Description of the measurement and of what differs between the two sides. */
  readonly note: string;
  readonly target?: TargetCheck;
}

export interface LoadAverage {
  readonly oneMinute: number;
  readonly fiveMinutes: number;
  readonly fifteenMinutes: number;
}

export interface BenchReport {
  /** ISO-8601 time the run started. */
  readonly date: string;
  readonly machine: MachineDescription;
  readonly loadAverageAtStart: LoadAverage;
  readonly loadAverageAtEnd: LoadAverage;
  readonly options: { readonly quick: boolean; readonly runs: number; readonly batchRuns: number; readonly only: readonly string[] };
  readonly results: readonly BenchResult[];
  /** Measurements this run could not make, each with the reason. */
  readonly gaps: readonly string[];
}

export interface RowDescription {
  readonly name: string;
  readonly title: string;
  readonly group: CaseGroup;
  readonly measure: Measure;
  readonly note: string;
  readonly peerName?: string;
}

/** Builds a time row (milliseconds) from our samples and the peer's. */
export function timeRow(row: RowDescription, ours: readonly Sample[], peer: readonly Sample[] = []): BenchResult {
  const oursMedian = median(ours.map((s) => s.ms));
  const peerMedian = peer.length > 0 ? median(peer.map((s) => s.ms)) : null;
  return {
    ...row,
    units: 'ms',
    peerName: row.peerName ?? null,
    ours: oursMedian,
    peer: peerMedian,
    ratio: peerMedian === null ? null : oursMedian / peerMedian,
    runs: ours.length,
    oursSamples: ours.map((s) => s.ms),
    peerSamples: peer.map((s) => s.ms),
    oursMaxRssMiB: peakRss(ours),
    peerMaxRssMiB: peakRss(peer),
  };
}

/** Builds a rate row: `items` processed per run, reported as items per second from the median run time. */
export function rateRow(row: RowDescription, items: number, ours: readonly Sample[], peer: readonly Sample[] = []): BenchResult {
  const timed = timeRow(row, ours, peer);
  const rate = (ms: number) => items / (ms / 1000);
  return {
    ...timed,
    units: 'profiles/s',
    ours: rate(timed.ours!),
    peer: timed.peer === null ? null : rate(timed.peer),
    oursSamples: timed.oursSamples.map(rate),
    peerSamples: timed.peerSamples.map(rate),
  };
}

/** Builds a row for a measurement this run could not make, with `reason` in its note. */
export function gapRow(row: RowDescription, units: Units, reason: string): BenchResult {
  return {
    ...row,
    units,
    peerName: row.peerName ?? null,
    ours: null,
    peer: null,
    ratio: null,
    runs: 0,
    oursSamples: [],
    peerSamples: [],
    oursMaxRssMiB: null,
    peerMaxRssMiB: null,
    note: `${row.note} Not measured: ${reason}`,
  };
}

/** Turns per-round probe output into samples: each round's median iteration time for `metric`, with the round's peak memory. */
export function probeSamples(rounds: readonly { metrics: Record<string, number[]>; maxRssMiB: number | null }[], metric: string): Sample[] {
  return rounds.map((round) => {
    const values = round.metrics[metric];
    if (!values || values.length === 0) throw new Error(`the probe printed no "${metric}" times`);
    return { ms: median(values), maxRssMiB: round.maxRssMiB };
  });
}
