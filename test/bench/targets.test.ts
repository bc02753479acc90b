import { describe, expect, it } from 'vitest';

import { CLI_VERSION_ROW, NODE_EMPTY_ROW } from '../../bench/cases/startup.ts';
import type { BenchResult } from '../../bench/report/results.ts';
import { checkTarget } from '../../bench/targets.ts';

/** Builds a whole-process time row with the given medians; the other fields do not matter here. */
function row(name: string, group: BenchResult['group'], ours: number, peer: number | null): BenchResult {
  return {
    name,
    title: name,
    group,
    measure: 'whole process',
    units: 'ms',
    ours,
    peer,
    peerName: peer === null ? null : 'openssl',
    ratio: peer === null ? null : ours / peer,
    runs: 1,
    oursSamples: [ours],
    peerSamples: peer === null ? [] : [peer],
    oursMaxRssMiB: null,
    peerMaxRssMiB: null,
    note: '',
  };
}

const startupRows = [row(NODE_EMPTY_ROW, 'startup', 60, 4), row(CLI_VERSION_ROW, 'startup', 68, 4)];

describe('checkTarget', () => {
  it('sign within 1.5x is met', () => {
    const sign = row('sign.rsa-process.100', 'sign', 14, 10);
    expect(checkTarget(sign, [...startupRows, sign])).toEqual({ description: "within 1.5× of OpenSSL's wall time", met: true });
  });

  it('sign at exactly 1.5x is met', () => {
    const sign = row('sign.ec-process.100', 'sign', 15, 10);
    expect(checkTarget(sign, [sign])?.met).toBe(true);
  });

  it('unmet sign names the start-up floor', () => {
    const sign = row('sign.rsa-process.100', 'sign', 114, 9);
    const target = checkTarget(sign, [...startupRows, sign]);
    expect(target?.met).toBe(false);
    expect(target?.runtimeBound).toBe(true);
    // 60 / 9 = 6.67 and 68 / 9 = 7.56.
    expect(target?.detail).toBe("Node's empty start alone (60.0 ms) is 6.7× openssl's sign time (9.00 ms) and `mobileconfig --version` (68.0 ms) is 7.6×, so no Node program can meet it on this input");
  });

  it('unmet verify above the floor', () => {
    const verify = row('verify.ec-process.20000', 'verify', 200, 50);
    const target = checkTarget(verify, [row(NODE_EMPTY_ROW, 'startup', 60, 4), verify]);
    expect(target?.met).toBe(false);
    expect(target?.runtimeBound).toBe(false);
    expect(target?.detail).toBe("Node's empty start alone (60.0 ms) is 1.2× openssl's verify time (50.0 ms)");
  });

  it('unmet sign without start-up rows', () => {
    const sign = row('sign.rsa-process.100', 'sign', 114, 9);
    expect(checkTarget(sign, [sign])).toEqual({ description: "within 1.5× of OpenSSL's wall time", met: false });
  });

  it('sign without peer is not measured', () => {
    expect(checkTarget(row('sign.rsa-process.100', 'sign', 114, null), startupRows)?.met).toBeNull();
  });

  it('start-up and in-process rows have no target', () => {
    expect(checkTarget(startupRows[0], startupRows)).toBeUndefined();
    expect(checkTarget({ ...row('sign.rsa-call.100', 'sign', 1, null), measure: 'in-process' }, startupRows)).toBeUndefined();
  });
});
