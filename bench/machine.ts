// The machine and tool versions a run was made on, recorded with every result.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

import type { LoadAverage } from './report/results.ts';

export interface MachineDescription {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  /** Null when the tool is missing. */
  readonly python: string | null;
  readonly openssl: string | null;
  readonly plistutil: string | null;
  /** Whether peak memory came from GNU time (/usr/bin/time). */
  readonly peakMemorySource: 'GNU time' | 'not measured';
}

/** Runs `command` and returns its first output line, or null when it cannot run. */
function firstLine(command: string, args: string[]): string | null {
  try {
    const out = execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
    return out.trim().split('\n')[0] ?? null;
  } catch {
    // A missing tool is recorded as null; the cases that need it report the gap.
    return null;
  }
}

export function describeMachine(python: string | null): MachineDescription {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: osName(),
    node: process.version,
    python: python ? firstLine(python, ['-c', 'import sys; print("Python " + sys.version.split()[0])']) : null,
    openssl: firstLine('openssl', ['version']),
    plistutil: firstLine('plistutil', ['--version']),
    peakMemorySource: existsSync('/usr/bin/time') ? 'GNU time' : 'not measured',
  };
}

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(release);
    if (pretty) return `${pretty[1]}, kernel ${os.release()}`;
  } catch {
    // Not Linux, or no os-release file: fall back to the kernel name below.
  }
  return `${os.type()} ${os.release()}`;
}

export function loadAverage(): LoadAverage {
  const [oneMinute, fiveMinutes, fifteenMinutes] = os.loadavg().map((n) => Math.round(n * 100) / 100);
  return { oneMinute, fiveMinutes, fifteenMinutes };
}

/**
 * Returns the real python3 interpreter behind `python3` on PATH. Version managers such as pyenv
 * put a shell-script shim first, which would add its own start time to every whole-process
 * measurement of plistlib.
 */
export function resolvePython(): string | null {
  return firstLine('python3', ['-c', 'import plistlib, sys; print(sys.executable)']);
}
