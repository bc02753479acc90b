import { describe, expect, it } from 'vitest';

import { BenchUsageError, isGroupSelected, parseBenchOptions } from '../../bench/options.ts';
import { median } from '../../bench/timing.ts';

describe('parseBenchOptions', () => {
  it('defaults to the full run', () => {
    expect(parseBenchOptions([])).toMatchObject({ payloadCounts: [100, 2000, 20_000], runs: 5, batchRuns: 3, deviceCount: 1000, stubCount: 1000, only: [], write: true, quick: false });
  });

  it('quick run writes nothing by default', () => {
    expect(parseBenchOptions(['--quick'])).toMatchObject({ payloadCounts: [100, 2000], runs: 3, deviceCount: 100, write: false });
  });

  it('only and write together', () => {
    expect(parseBenchOptions(['--only', 'sign', '--only', 'verify', '--write'])).toMatchObject({ only: ['sign', 'verify'], write: true });
  });

  it('help returns null', () => {
    expect(parseBenchOptions(['--help'])).toBeNull();
  });

  it.each([
    [['--only', 'speed'], /--only speed: unknown group/],
    [['--runs', '0'], /--runs 0: give a whole number from 1 to 100/],
    [['--runs', '2.5'], /--runs 2.5/],
    [['--fast'], /Unknown option '--fast'/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseBenchOptions(argv)).toThrow(BenchUsageError);
    expect(() => parseBenchOptions(argv)).toThrow(message);
  });
});

describe('isGroupSelected', () => {
  it('runs every group without --only', () => {
    expect(isGroupSelected('plist', [])).toBe(true);
    expect(isGroupSelected('startup', [])).toBe(true);
  });

  it('runs startup for sign or verify', () => {
    expect(isGroupSelected('startup', ['sign'])).toBe(true);
    expect(isGroupSelected('startup', ['verify'])).toBe(true);
    expect(isGroupSelected('startup', ['plist'])).toBe(false);
  });

  it('runs only named other groups', () => {
    expect(isGroupSelected('sign', ['verify'])).toBe(false);
    expect(isGroupSelected('verify', ['verify'])).toBe(true);
  });
});

describe('median', () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
  ])('of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('of nothing is NaN', () => {
    expect(median([])).toBeNaN();
  });
});
