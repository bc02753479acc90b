// Performance targets of the project, checked against the result rows: parsing at least as fast
// as plistlib, signing and verifying within 1.5x of OpenSSL's wall time, 10,000 per-device
// encryptions within a minute on two cores, and keystroke to markers under 50 ms on 1 MB.

import type { BenchResult, TargetCheck } from './report/results.ts';

/** Per-device encryptions in the encryption target, and the seconds it allows. */
export const ENCRYPTION_TARGET_COUNT = 10_000;
export const ENCRYPTION_TARGET_SECONDS = 60;

/** Returns the target a row is held to, or undefined for rows without one. */
export function checkTarget(row: BenchResult): TargetCheck | undefined {
  if (/^plist\.(xml|binary)-parse\./.test(row.name)) {
    return { description: 'parse at least as fast as plistlib', met: row.ratio === null ? null : row.ratio <= 1 };
  }
  if (/^(sign|verify)\.[a-z]+-process\./.test(row.name)) {
    return { description: "within 1.5× of OpenSSL's wall time", met: row.ratio === null ? null : row.ratio <= 1.5 };
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
