// Performance targets of the project, checked against the result rows: parsing at least as fast
// as plistlib, signing and verifying within 1.5x of OpenSSL's wall time, 10,000 per-device
// encryptions within a minute on two cores, and keystroke to markers under 50 ms on 1 MB.

import { CLI_VERSION_ROW, NODE_EMPTY_ROW } from './cases/startup.ts';
import { formatValue } from './report/markdown.ts';
import type { BenchResult, TargetCheck } from './report/results.ts';

/** Per-device encryptions in the encryption target, and the seconds it allows. */
export const ENCRYPTION_TARGET_COUNT = 10_000;
export const ENCRYPTION_TARGET_SECONDS = 60;

/** Largest ratio of our whole-process sign or verify time to openssl's that meets the target. */
export const CMS_TARGET_RATIO = 1.5;

/**
 * Returns the target a row is held to, or undefined for rows without one. `rows` are all rows
 * of the run; an unmet sign or verify verdict compares openssl's time with the start-up rows.
 */
export function checkTarget(row: BenchResult, rows: readonly BenchResult[] = []): TargetCheck | undefined {
  if (/^plist\.(xml|binary)-parse\./.test(row.name)) {
    return { description: 'parse at least as fast as plistlib', met: row.ratio === null ? null : row.ratio <= 1 };
  }
  if (/^(sign|verify)\.[a-z]+-process\./.test(row.name)) {
    const description = `within ${CMS_TARGET_RATIO}× of OpenSSL's wall time`;
    if (row.ratio === null || row.peer === null) return { description, met: null };
    if (row.ratio <= CMS_TARGET_RATIO) return { description, met: true };
    return { description, met: false, ...compareWithStartup(row, row.peer, rows) };
  }
  if (row.name.startsWith('encrypt.devices-2-processes.')) {
    if (row.ours === null) return { description: `${ENCRYPTION_TARGET_COUNT.toLocaleString('en')} per-device encryptions within a minute on two cores`, met: null };
    const seconds = ENCRYPTION_TARGET_COUNT / row.ours;
    return {
      description: `${ENCRYPTION_TARGET_COUNT.toLocaleString('en')} per-device encryptions within a minute on two cores`,
      met: seconds <= ENCRYPTION_TARGET_SECONDS,
      detail: `extrapolated from the measured rate: ${ENCRYPTION_TARGET_COUNT.toLocaleString('en')} profiles would take about ${seconds.toFixed(1)} s`,
    };
  }
  if (row.name.startsWith('editor.')) {
    return { description: 'keystroke to updated markers under 50 ms on a 1 MB profile', met: row.ours === null ? null : row.ours < 50 };
  }
  return undefined;
}

/**
 * Puts openssl's time for an unmet sign or verify row next to the start-up rows of the same run.
 * When Node with nothing loaded already takes more than CMS_TARGET_RATIO times openssl's time,
 * no program that starts Node can meet the target on that input.
 */
function compareWithStartup(row: BenchResult, peerMs: number, rows: readonly BenchResult[]): Pick<TargetCheck, 'detail' | 'runtimeBound'> {
  const nodeMs = rows.find((candidate) => candidate.name === NODE_EMPTY_ROW)?.ours ?? null;
  const cliMs = rows.find((candidate) => candidate.name === CLI_VERSION_ROW)?.ours ?? null;
  if (nodeMs === null) return {};

  const times = (ms: number) => `${(ms / peerMs).toFixed(1)}×`;
  const cli = cliMs === null ? '' : ` and \`mobileconfig --version\` (${formatValue(cliMs, 'ms')}) is ${times(cliMs)}`;
  const comparison = `Node's empty start alone (${formatValue(nodeMs, 'ms')}) is ${times(nodeMs)} openssl's ${row.group} time (${formatValue(peerMs, 'ms')})${cli}`;
  const runtimeBound = nodeMs > CMS_TARGET_RATIO * peerMs;
  return { detail: runtimeBound ? `${comparison}, so no Node program can meet it on this input` : comparison, runtimeBound };
}
