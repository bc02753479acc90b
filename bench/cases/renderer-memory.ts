// Peak memory of Chromium's renderer processes that this benchmark process started.
//
// Chromium runs the page in a renderer process, a descendant of the browser that Playwright
// starts as a child of this process. Linux records each process's peak resident set size as
// VmHWM in /proc/PID/status, so the peak can be read while the page is still open.

import { readdirSync, readFileSync } from 'node:fs';

/** Returns the largest peak resident size, in MiB, among renderer processes below this process, or null where /proc cannot tell. */
export function rendererPeakRssMiB(): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }

  const parents = new Map<number, number>();
  const renderers: number[] = [];
  for (const name of entries) {
    const pid = Number(name);
    const status = readProcFile(pid, 'status');
    const parent = /^PPid:\s+(\d+)/m.exec(status ?? '');
    if (parent) parents.set(pid, Number(parent[1]));
    if ((readProcFile(pid, 'cmdline') ?? '').includes('--type=renderer')) renderers.push(pid);
  }

  let peakKiB: number | null = null;
  for (const pid of renderers) {
    if (!descendsFrom(pid, process.pid, parents)) continue;
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readProcFile(pid, 'status') ?? '');
    if (match) peakKiB = Math.max(peakKiB ?? 0, Number(match[1]));
  }
  return peakKiB === null ? null : peakKiB / 1024;
}

function descendsFrom(pid: number, ancestor: number, parents: ReadonlyMap<number, number>): boolean {
  // A chain of parents ends at PID 1 or 0; the step limit guards against a cycle from PIDs reused mid-scan.
  for (let current = parents.get(pid), steps = 0; current !== undefined && current > 1 && steps < 64; current = parents.get(current), steps++) {
    if (current === ancestor) return true;
  }
  return false;
}

function readProcFile(pid: number, name: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    // The process ended between listing and reading.
    return null;
  }
}
