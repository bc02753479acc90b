// Custom provisioning rules: what the administrator requires of a device's request, and the
// checks that apply them. A check returns a verdict with the reason in words, which the
// server logs and sends back to the device.

import { EnrolmentError } from './errors.ts';
import { compareVersions, parseVersion } from './versions.ts';

export interface CustomRules {
  /** Glob patterns (`*` any run of characters, `?` one) the PRODUCT must match; empty allows any product. */
  readonly products: readonly string[];
  /** Lowest VERSION allowed, a dotted version or an OS build. */
  readonly minVersion?: string;
  /** Highest VERSION allowed. */
  readonly maxVersion?: string;
  /** Smallest RSA key, in bits, a certificate request may carry. */
  readonly minRsaBits: number;
  /** Reject a device whose phase-1 signer does not chain to a device CA the administrator supplied. */
  readonly requireDeviceCa: boolean;
  /** How long a challenge from a downloaded enrolment profile stays usable, in minutes. */
  readonly challengeLifetimeMinutes: number;
}

export const DEFAULT_CUSTOM_RULES: CustomRules = {
  products: [],
  minRsaBits: 2048,
  requireDeviceCa: false,
  challengeLifetimeMinutes: 60,
};

/** The key sizes Apple's SCEP payload offers (`Keysize`); a rule requires one of them. */
export const RSA_KEY_SIZES: readonly number[] = [1024, 2048, 4096];

export type RuleName = 'product' | 'version' | 'key-type' | 'key-size' | 'subject' | 'device-ca';

export type RuleVerdict = { readonly allowed: true } | { readonly allowed: false; readonly rule: RuleName; readonly reason: string };

const ALLOWED: RuleVerdict = { allowed: true };

function denied(rule: RuleName, reason: string): RuleVerdict {
  return { allowed: false, rule, reason };
}

/** Checks PRODUCT against the allowed patterns and VERSION against the bounds. */
export function checkDeviceRules(rules: CustomRules, attributes: Readonly<Record<string, string>>): RuleVerdict {
  if (rules.products.length > 0) {
    const product = attributes.PRODUCT;
    if (product === undefined) return denied('product', `the rules allow only products ${rules.products.join(', ')}, and the device sent no PRODUCT`);
    if (!rules.products.some((pattern) => matchesPattern(product, pattern))) {
      return denied('product', `product ${product} is not allowed; allowed: ${rules.products.join(', ')}`);
    }
  }

  if (rules.minVersion === undefined && rules.maxVersion === undefined) return ALLOWED;
  const reported = attributes.VERSION;
  if (reported === undefined) return denied('version', 'the rules bound the OS version, and the device sent no VERSION');
  const version = parseVersion(reported);
  if (!version) return denied('version', `VERSION "${reported}" is neither a dotted version nor an OS build`);

  for (const [bound, limit] of [['minimum', rules.minVersion], ['maximum', rules.maxVersion]] as const) {
    if (limit === undefined) continue;
    const parsedLimit = parseVersion(limit);
    const order = parsedLimit ? compareVersions(version, parsedLimit) : null;
    if (order === null) return denied('version', `VERSION ${reported} and the ${bound} ${limit} are of different forms (version or build); write the rule in the form the devices report`);
    if (bound === 'minimum' && order < 0) return denied('version', `OS version ${reported} is below the minimum ${limit}`);
    if (bound === 'maximum' && order > 0) return denied('version', `OS version ${reported} is above the maximum ${limit}`);
  }
  return ALLOWED;
}

/** Key facts of a certificate request, as read from its SubjectPublicKeyInfo. */
export interface RequestKey {
  readonly kind: string;
  /** RSA modulus size; absent for other kinds. */
  readonly bits?: number;
}

/** Checks that the request's key is RSA of at least `minRsaBits`. */
export function checkKeyRules(rules: CustomRules, key: RequestKey): RuleVerdict {
  if (key.kind !== 'rsa') return denied('key-type', `the certificate request has a ${key.kind} key; only RSA keys are accepted`);
  if ((key.bits ?? 0) < rules.minRsaBits) return denied('key-size', `the RSA key has ${key.bits} bits, below the minimum of ${rules.minRsaBits}`);
  return ALLOWED;
}

/** True when `text` matches the glob `pattern` (`*` any run, `?` one character), case-sensitively. */
export function matchesPattern(text: string, pattern: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(text);
}

/**
 * Reads rules from JSON text. Keys left out take their defaults. Raises EnrolmentError
 * 'invalid-rules' naming the file and key for bad JSON, unknown keys and wrong types.
 */
export function parseRulesJson(text: string, file?: string): CustomRules {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new EnrolmentError('invalid-rules', `the rules are not valid JSON: ${(error as Error).message}`, { file });
  }
  return checkRules(parsed, file);
}

const RULE_KEYS = ['products', 'minVersion', 'maxVersion', 'minRsaBits', 'requireDeviceCa', 'challengeLifetimeMinutes'];

/** Checks a parsed rules object (from JSON or from the app) and fills in defaults. */
export function checkRules(input: unknown, file?: string): CustomRules {
  const fail = (message: string, field: string): never => {
    throw new EnrolmentError('invalid-rules', message, { field, file });
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('the rules must be a JSON object such as {"products": ["iPhone*"], "minRsaBits": 2048}', 'rules');
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!RULE_KEYS.includes(key)) fail(`unknown rule "${key}"; the rules are ${RULE_KEYS.join(', ')}`, key);
  }

  const products = record.products ?? DEFAULT_CUSTOM_RULES.products;
  if (!Array.isArray(products) || products.some((item) => typeof item !== 'string' || item === '')) fail('products must be an array of non-empty patterns such as "iPhone*"', 'products');
  for (const key of ['minVersion', 'maxVersion'] as const) {
    const value = record[key];
    if (value !== undefined && (typeof value !== 'string' || parseVersion(value) === null)) fail(`${key} must be a dotted version such as "17.0" or an OS build such as "21A329"`, key);
  }
  const minRsaBits = record.minRsaBits ?? DEFAULT_CUSTOM_RULES.minRsaBits;
  if (typeof minRsaBits !== 'number' || !RSA_KEY_SIZES.includes(minRsaBits)) fail(`minRsaBits must be one of ${RSA_KEY_SIZES.join(', ')}, the sizes the SCEP payload offers`, 'minRsaBits');
  const requireDeviceCa = record.requireDeviceCa ?? DEFAULT_CUSTOM_RULES.requireDeviceCa;
  if (typeof requireDeviceCa !== 'boolean') fail('requireDeviceCa must be true or false', 'requireDeviceCa');
  const lifetime = record.challengeLifetimeMinutes ?? DEFAULT_CUSTOM_RULES.challengeLifetimeMinutes;
  if (typeof lifetime !== 'number' || !Number.isInteger(lifetime) || lifetime < 1 || lifetime > 7 * 24 * 60) {
    fail('challengeLifetimeMinutes must be a whole number of minutes from 1 to 10080 (one week)', 'challengeLifetimeMinutes');
  }

  return {
    products: products as string[],
    ...(record.minVersion !== undefined && { minVersion: record.minVersion as string }),
    ...(record.maxVersion !== undefined && { maxVersion: record.maxVersion as string }),
    minRsaBits: minRsaBits as number,
    requireDeviceCa: requireDeviceCa as boolean,
    challengeLifetimeMinutes: lifetime as number,
  };
}
