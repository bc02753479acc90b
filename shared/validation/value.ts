// Checks one value against its key schema, recursively into arrays and dictionaries:
// type, allowed values, range, format, value hint, item count, platform support, secrets.

import type { PlistValue, SourcePosition } from '../plist/model.ts';
import type { KeySchema, PayloadSchema, SchemaScalar, ValueType } from '../schema/model.ts';
import { DIAGNOSTIC_CODES } from './codes.ts';
import { childPath, type PathNode, type ValidationContext } from './context.ts';
import { checkHint } from './hints.ts';
import { checkDictionary } from './dictionary.ts';
import { checkPlatformSupport } from './platform.ts';
import { suggestFixForType } from './type-fixes.ts';

/** Context of a value's checks: the payload it sits in. */
export interface Scope {
  /** The payload's named definitions, for keys that refer to one (`KeySchema.ref`). */
  readonly definitions: PayloadSchema['definitions'];
  /** False inside a payload already reported as unsupported on the chosen platform. */
  readonly platformChecks: boolean;
}

/**
 * Maximum length of a string checked against a format. Formats describe short values (UUIDs,
 * codes, URLs), and a pattern the schema loader accepts can still take quadratic time.
 */
const MAX_FORMAT_INPUT = 4096;

const regexCache = new Map<string, RegExp>();

/** Returns the compiled `format`, compiling each pattern once per process. */
function compiledFormat(pattern: string): RegExp {
  let regex = regexCache.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern);
    regexCache.set(pattern, regex);
  }
  return regex;
}

/** Returns the schema type of a plist value, or undefined for a UID, which no schema type describes. */
export function schemaTypeOf(value: PlistValue): ValueType | undefined {
  switch (value.kind) {
    case 'dict':
      return 'dictionary';
    case 'uid':
      return undefined;
    default:
      return value.kind;
  }
}

function acceptsType(key: KeySchema, actual: ValueType | undefined): boolean {
  if (key.type === 'any') return true;
  if (actual === key.type || (actual !== undefined && key.otherTypes?.includes(actual))) return true;
  // An integer is a valid real: property-list readers hand both over as numbers.
  return actual === 'integer' && (key.type === 'real' || key.otherTypes?.includes('real') === true);
}

/** Checks `value` against `key`; `path` and `pos` locate it for findings. */
export function checkValue(context: ValidationContext, value: PlistValue, key: KeySchema, path: PathNode, scope: Scope): void {
  const pos = value.pos;

  // Platform
  if (scope.platformChecks && key.supportedOS) {
    const available = checkPlatformSupport(context, key.supportedOS, { label: `Key \`${key.name}\``, path, pos }, false);
    if (!available) return;
  }

  // Type
  const actual = schemaTypeOf(value);
  if (!acceptsType(key, actual)) {
    reportWrongType(context, value, key, path);
    return;
  }
  if (key.type === 'any') return;

  switch (value.kind) {
    case 'string':
      checkString(context, value.value, key, path, pos);
      return;
    case 'integer':
    case 'real':
      checkNumber(context, value.value, key, path, pos);
      return;
    case 'boolean':
      if (key.rangeList && !key.rangeList.includes(value.value)) reportNotAllowed(context, String(value.value), key, path, pos);
      return;
    case 'data':
      if (key.sensitive && value.value.length > 0) reportSecret(context, key, path, pos);
      return;
    case 'array':
      checkArray(context, value.items, key, path, pos, scope);
      return;
    case 'dict': {
      const shape = dictionaryShape(key, scope);
      checkDictionary(context, value, shape.subkeys, shape.anyKey, path, scope);
      return;
    }
    case 'date':
    case 'uid':
      return;
    default:
      return assertNeverValue(value);
  }
}

function assertNeverValue(value: never): never {
  throw new Error(`unhandled plist value ${JSON.stringify(value)}`);
}

function reportWrongType(context: ValidationContext, value: PlistValue, key: KeySchema, path: PathNode): void {
  const pos = value.pos;

  // Integer 0 or 1 for a boolean: devices often accept it, but Apple's schema check does not.
  if (key.type === 'boolean' && value.kind === 'integer' && (value.value === 0n || value.value === 1n)) {
    const severity = context.settings.strict ? 'error' : 'warning';
    const replacement = value.value === 1n;
    context.report(severity, DIAGNOSTIC_CODES.booleanAsInteger, `\`${key.name}\` is the integer ${value.value} but must be a boolean; write <${replacement}/>.`, path, pos, {
      kind: 'coerce-boolean',
      at: path,
      value: { kind: 'boolean', value: replacement },
    });
    return;
  }

  const expected = [key.type, ...(key.otherTypes ?? [])].map(describeType).join(' or ');
  const found = describeType(schemaTypeOf(value));
  const fix = suggestFixForType(value, key.type);
  const hint = fix ? `; replace it with ${describeFix(fix)}` : '';
  context.report('error', DIAGNOSTIC_CODES.wrongType, `\`${key.name}\` must be ${expected}, but it is ${found}${hint}.`, path, pos, fix ? { kind: 'set-value', at: path, value: fix } : undefined);
}

function describeFix(value: PlistValue): string {
  switch (value.kind) {
    case 'integer':
      return `<integer>${value.value}</integer>`;
    case 'boolean':
      return `<${value.value}/>`;
    case 'data':
      return 'the same base64 text as <data>';
    default:
      return `a ${describeType(schemaTypeOf(value))}`;
  }
}

function describeType(type: ValueType | undefined): string {
  switch (type) {
    case undefined:
      return 'a UID (binary plists only)';
    case 'integer':
      return 'an integer';
    case 'any':
      return 'any value';
    case 'array':
      return 'an array';
    case 'data':
      return 'data';
    default:
      return `a ${type}`;
  }
}

function checkString(context: ValidationContext, text: string, key: KeySchema, path: PathNode, pos: SourcePosition | undefined): void {
  if (text === '') {
    const needsValue = key.presence === 'required' || key.format !== undefined || key.hint !== undefined || key.referencesPayload;
    if (needsValue && !key.rangeList?.includes('')) {
      context.report('error', DIAGNOSTIC_CODES.emptyValue, `\`${key.name}\` is empty; ${emptyValueAdvice(key)}`, path, pos);
      return;
    }
  }

  if (key.rangeList && !key.rangeList.includes(text)) {
    reportNotAllowed(context, text, key, path, pos);
    return;
  }
  if (key.format && text.length > MAX_FORMAT_INPUT) {
    const length = text.length.toLocaleString('en');
    context.report('warning', DIAGNOSTIC_CODES.formatNotChecked, `\`${key.name}\` value is ${length} characters long, so it was not checked against the format ${key.format}; values of up to ${MAX_FORMAT_INPUT.toLocaleString('en')} characters are. Check it by hand.`, path, pos);
  } else if (key.format && !compiledFormat(key.format).test(text)) {
    context.report('error', DIAGNOSTIC_CODES.formatMismatch, `\`${key.name}\` value '${text}' does not match the required format ${key.format}.`, path, pos);
    return;
  }
  if (key.hint && text !== '') {
    const problem = checkHint(text, key.hint);
    if (problem) {
      context.report('error', problem.code, `\`${key.name}\`: ${problem.message}.`, path, pos);
      return;
    }
  }

  if (key.referencesPayload && text !== '') context.references.push({ uuid: text, key: key.name, path, pos });
  if (key.sensitive && text !== '') reportSecret(context, key, path, pos);
}

function emptyValueAdvice(key: KeySchema): string {
  if (key.referencesPayload) return "set it to the PayloadUUID of the payload it refers to, or remove the key.";
  if (key.name === 'PayloadUUID') return 'give the payload a UUID of its own.';
  if (key.presence === 'required') return 'fill in a value, because the key is required.';
  return 'fill in a value or remove the key.';
}

function checkNumber(context: ValidationContext, number: bigint | number, key: KeySchema, path: PathNode, pos: SourcePosition | undefined): void {
  if (key.rangeList && includesNumber(key.rangeList, number)) return;

  const range = key.range;
  if (range) {
    const belowMin = range.min !== undefined && lessThan(number, range.min);
    const aboveMax = range.max !== undefined && lessThan(range.max, number);
    if (belowMin || aboveMax) {
      const listed = key.rangeList ? ` or one of ${formatList(key.rangeList)}` : '';
      context.report('error', DIAGNOSTIC_CODES.outOfRange, `\`${key.name}\` is ${number}, outside the allowed range ${describeRange(range.min, range.max)}${listed}.`, path, pos);
    }
    return;
  }
  if (key.rangeList) reportNotAllowed(context, String(number), key, path, pos);
}

function includesNumber(list: readonly SchemaScalar[], number: bigint | number): boolean {
  for (const allowed of list) {
    if (typeof allowed !== 'number') continue;
    if (typeof number === 'bigint' ? Number.isInteger(allowed) && BigInt(allowed) === number : allowed === number) return true;
  }
  return false;
}

/** Compares a plist number (bigint or float) with a schema bound without losing precision on large integers. */
function lessThan(a: bigint | number, b: bigint | number): boolean {
  if (typeof a === 'bigint' && typeof b === 'number' && Number.isInteger(b)) return a < BigInt(b);
  if (typeof a === 'number' && typeof b === 'bigint' && Number.isInteger(a)) return BigInt(a) < b;
  return Number(a) < Number(b);
}

function describeRange(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  if (min !== undefined) return `${min} or more`;
  return `${max} or less`;
}

function formatList(list: readonly SchemaScalar[]): string {
  const shown = list.slice(0, 12).map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));
  return list.length > 12 ? `${shown.join(', ')}, ... (${list.length} values)` : shown.join(', ');
}

function reportNotAllowed(context: ValidationContext, shown: string, key: KeySchema, path: PathNode, pos: SourcePosition | undefined): void {
  const list = key.rangeList ?? [];
  // A value that differs from an allowed one only in case gets that one offered as the fix.
  const caseMatch = list.find((v): v is string => typeof v === 'string' && v.toLowerCase() === shown.toLowerCase());
  const advice = caseMatch ? ` Did you mean '${caseMatch}'? Values are case-sensitive.` : '';
  context.report('error', DIAGNOSTIC_CODES.valueNotAllowed, `\`${key.name}\` is '${shown}', which is not allowed; use one of ${formatList(list)}.${advice}`, path, pos, caseMatch ? { kind: 'set-value', at: path, value: { kind: 'string', value: caseMatch } } : undefined);
}

function reportSecret(context: ValidationContext, key: KeySchema, path: PathNode, pos: SourcePosition | undefined): void {
  if (context.settings.secretsProtected) return;
  context.report('info', DIAGNOSTIC_CODES.sensitiveValueUnencrypted, `\`${key.name}\` holds a secret that anyone with the file can read; encrypt the profile for the target device, or leave the value out so that the device asks for it.`, path, pos);
}

function checkArray(context: ValidationContext, items: readonly PlistValue[], key: KeySchema, path: PathNode, pos: SourcePosition | undefined, scope: Scope): void {
  const repetition = key.repetition;
  if (repetition?.min !== undefined && items.length < repetition.min) {
    context.report('error', DIAGNOSTIC_CODES.tooFewItems, `\`${key.name}\` has ${items.length} item${items.length === 1 ? '' : 's'} but needs at least ${repetition.min}.`, path, pos);
  }
  if (repetition?.max !== undefined && items.length > repetition.max) {
    context.report('error', DIAGNOSTIC_CODES.tooManyItems, `\`${key.name}\` has ${items.length} items but allows at most ${repetition.max}.`, path, pos);
  }

  const item = itemSchema(key, scope);
  if (!item) return;
  for (let i = 0; i < items.length; i++) checkValue(context, items[i], item, childPath(path, i), scope);
}

function itemSchema(key: KeySchema, scope: Scope): KeySchema | undefined {
  if (key.items) return key.items;
  if (key.ref) return scope.definitions?.[key.ref]?.[0];
  return undefined;
}

interface DictionaryShape {
  readonly subkeys?: readonly KeySchema[];
  readonly anyKey?: KeySchema;
}

/** Shapes of definitions, split once so that the key index for them is built once too. */
const definitionShapes = new WeakMap<readonly KeySchema[], DictionaryShape>();

function dictionaryShape(key: KeySchema, scope: Scope): DictionaryShape {
  if (!key.ref) return key;
  const keys = scope.definitions?.[key.ref];
  if (!keys) return {};
  let shape = definitionShapes.get(keys);
  if (!shape) {
    // Definitions keep Apple's `ANY` entry in the list; split it out like `anyKey`.
    shape = { subkeys: keys.filter((k) => k.name !== 'ANY'), anyKey: keys.find((k) => k.name === 'ANY') };
    definitionShapes.set(keys, shape);
  }
  return shape;
}
