import { describe, expect, it } from 'vitest';

import { checkDeviceRules, checkKeyRules, DEFAULT_CUSTOM_RULES, matchesPattern, parseRulesJson, type CustomRules } from '../../../shared/enrolment/rules.ts';
import { compareVersions, parseVersion } from '../../../shared/enrolment/versions.ts';
import { EnrolmentError } from '../../../shared/enrolment/errors.ts';

const rules = (change: Partial<CustomRules>): CustomRules => ({ ...DEFAULT_CUSTOM_RULES, ...change });

describe('product patterns', () => {
  it.each([
    ['iPhone15,2', 'iPhone*', true],
    ['iPhone15,2', 'iPhone15,?', true],
    ['iPad13,1', 'iPhone*', false],
    ['iPhone15,2', 'iphone*', false],
    ['iPhone15,2', 'iPhone15.2', false],
    ['AppleTV11,1', '*TV*', true],
  ])('%s against %s', (product, pattern, expected) => {
    expect(matchesPattern(product, pattern)).toBe(expected);
  });
});

describe('version comparison', () => {
  const order = (a: string, b: string): number | null => {
    const left = parseVersion(a);
    const right = parseVersion(b);
    if (!left || !right) throw new Error('unparsed');
    const result = compareVersions(left, right);
    return result === null ? null : Math.sign(result);
  };

  it.each([
    ['17.4', '17.10', -1],
    ['17.4', '17.4.0', 0],
    ['17.4.1', '17.4', 1],
    ['9.3', '10.0', -1],
    ['21E236', '21E219', 1],
    ['21A329', '21E219', -1],
    ['20H19', '21A329', -1],
    ['21E219a', '21E219', 1],
  ])('%s against %s', (a, b, expected) => {
    expect(order(a, b)).toBe(expected);
  });

  it('version and build do not compare', () => {
    expect(order('17.4', '21E219')).toBeNull();
  });

  it('rejects other text', () => {
    expect(parseVersion('seventeen')).toBeNull();
    expect(parseVersion('17.')).toBeNull();
  });
});

describe('device rules', () => {
  it('allows anything by default', () => {
    expect(checkDeviceRules(DEFAULT_CUSTOM_RULES, {})).toEqual({ allowed: true });
  });

  it('rejects a disallowed product', () => {
    const verdict = checkDeviceRules(rules({ products: ['iPhone*'] }), { PRODUCT: 'iPad13,1' });
    expect(verdict).toEqual({ allowed: false, rule: 'product', reason: 'product iPad13,1 is not allowed; allowed: iPhone*' });
  });

  it('rejects a missing product', () => {
    expect(checkDeviceRules(rules({ products: ['iPhone*'] }), {})).toMatchObject({ allowed: false, rule: 'product' });
  });

  it('rejects versions outside the bounds', () => {
    const bounded = rules({ minVersion: '16.0', maxVersion: '17.4' });
    expect(checkDeviceRules(bounded, { VERSION: '15.7' })).toEqual({ allowed: false, rule: 'version', reason: 'OS version 15.7 is below the minimum 16.0' });
    expect(checkDeviceRules(bounded, { VERSION: '17.5' })).toEqual({ allowed: false, rule: 'version', reason: 'OS version 17.5 is above the maximum 17.4' });
    expect(checkDeviceRules(bounded, { VERSION: '17.4' })).toEqual({ allowed: true });
  });

  it('rejects a build against a version bound', () => {
    expect(checkDeviceRules(rules({ minVersion: '16.0' }), { VERSION: '21E236' })).toMatchObject({ allowed: false, rule: 'version' });
  });

  it('rejects a missing version', () => {
    expect(checkDeviceRules(rules({ minVersion: '16.0' }), { PRODUCT: 'iPhone15,2' })).toMatchObject({ allowed: false, rule: 'version' });
  });
});

describe('key rules', () => {
  it('accepts RSA at the minimum', () => {
    expect(checkKeyRules(DEFAULT_CUSTOM_RULES, { kind: 'rsa', bits: 2048 })).toEqual({ allowed: true });
  });

  it('rejects a small RSA key', () => {
    expect(checkKeyRules(DEFAULT_CUSTOM_RULES, { kind: 'rsa', bits: 1024 })).toEqual({ allowed: false, rule: 'key-size', reason: 'the RSA key has 1024 bits, below the minimum of 2048' });
  });

  it('rejects an EC key', () => {
    expect(checkKeyRules(DEFAULT_CUSTOM_RULES, { kind: 'ec' })).toMatchObject({ allowed: false, rule: 'key-type' });
  });
});

describe('rules file', () => {
  it('fills in defaults', () => {
    expect(parseRulesJson('{"products": ["iPhone*"], "minVersion": "17.0"}')).toEqual({ ...DEFAULT_CUSTOM_RULES, products: ['iPhone*'], minVersion: '17.0' });
  });

  it.each([
    ['bad JSON', '{', 'not valid JSON'],
    ['an array', '[]', 'must be a JSON object'],
    ['an unknown key', '{"minRsa": 2048}', 'unknown rule "minRsa"'],
    ['a key size', '{"minRsaBits": 3000}', 'minRsaBits must be one of 1024, 2048, 4096'],
    ['a version', '{"maxVersion": "latest"}', 'maxVersion must be'],
    ['a product list', '{"products": "iPhone*"}', 'products must be an array'],
    ['a flag', '{"requireDeviceCa": "yes"}', 'requireDeviceCa must be true or false'],
    ['a lifetime', '{"challengeLifetimeMinutes": 0}', 'challengeLifetimeMinutes must be'],
  ])('rejects %s', (_name, text, message) => {
    let caught: unknown;
    try {
      parseRulesJson(text, 'rules.json');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnrolmentError);
    expect((caught as EnrolmentError).message).toContain('rules.json: ');
    expect((caught as EnrolmentError).message).toContain(message);
  });
});
