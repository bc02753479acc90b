// Reads one of Apple's device-management schema files (`mdm/profiles/*.yaml`) into the model.
//
// The YAML is parsed with the failsafe schema, so every scalar arrives as a string and is
// converted by the type the file declares for it. The core schema would turn an unquoted
// `introduced: 10.10` into the number 10.1 and an allowed value `on` into a boolean.
// Apple's files share sub-key lists through YAML anchors, and two files (Home Screen layout,
// restrictions) contain themselves through them; those lists become named `definitions`.

import { LineCounter, parseDocument } from 'yaml';
import { SchemaError } from './errors.ts';
import { annotateKey } from './annotate.ts';
import { readSupportedOS } from './apple-yaml-os.ts';
import { describeSlowPattern } from './slow-pattern.ts';
import { COMMON_KEYS_TYPE, TOP_LEVEL_TYPE, VALUE_TYPES, type KeySchema, type NumericRange, type PayloadSchema, type SchemaScalar, type ValueHint, type ValueType } from './model.ts';

/** Deepest nesting of sub-keys accepted; the deepest of Apple's files (VPN) nests 7 levels. */
const MAX_KEY_DEPTH = 64;

/** Most alias expansions the YAML reader performs, which bounds "billion laughs" input. */
const MAX_ALIAS_COUNT = 1000;

const HINTS_BY_SUBTYPE: Readonly<Record<string, ValueHint>> = {
  '<url>': 'url',
  '<hostname>': 'hostname',
  '<email>': 'email',
  '<uuid>': 'uuid',
  '<domain>': 'domain',
};

type YamlMap = Record<string, unknown>;

interface Conversion {
  readonly file: string;
  /** Sub-key lists being converted, innermost last, with the name a reference to them would use. */
  readonly active: Map<unknown[], { name: string; referenced: boolean }>;
  /** Finished lists, so that a list shared through an anchor is converted once. */
  readonly done: Map<unknown[], KeySchema[]>;
  readonly definitions: Record<string, KeySchema[]>;
}

/**
 * Converts the text of one Apple schema file. `fileName` names the file in errors and gives the
 * schema's `id` (the name without `.yaml`). Throws SchemaError for malformed YAML and for YAML
 * that lacks what a payload schema needs.
 */
export function loadAppleSchemaYaml(text: string, fileName: string): PayloadSchema {
  const raw = parseYaml(text, fileName);
  const file = fileName;

  // Header
  const top = expectMap(raw, file, '(document)');
  const payload = expectMap(top.payload, file, 'payload');
  const payloadType = expectString(payload.payloadtype, file, 'payload.payloadtype');
  if (payloadType.trim() === '') throw new SchemaError('payload.payloadtype is empty', { file, at: 'payload.payloadtype' });
  const title = optionalString(top.title, file, 'title') ?? payloadType;
  const description = optionalString(top.description, file, 'description') || optionalString(payload.content, file, 'payload.content') || undefined;
  const supportedOS = payload.supportedOS === undefined ? undefined : readSupportedOS(payload.supportedOS, file, 'payload.supportedOS');

  // Keys
  if (!Array.isArray(top.payloadkeys)) throw new SchemaError('payloadkeys is missing or not a list', { file, at: 'payloadkeys' });
  const conversion: Conversion = { file, active: new Map(), done: new Map(), definitions: {} };
  const keys = convertKeyList(top.payloadkeys, conversion, 'payloadkeys', 'dictionary', payloadType, 0);

  let role: PayloadSchema['role'] = 'payload';
  if (payloadType === TOP_LEVEL_TYPE) role = 'profile';
  if (payloadType === COMMON_KEYS_TYPE) role = 'common';
  const schema: PayloadSchema = {
    id: schemaIdFromFileName(fileName),
    payloadType,
    title,
    ...(description ? { description } : {}),
    ...(supportedOS ? { supportedOS } : {}),
    role,
    keys,
    ...(Object.keys(conversion.definitions).length > 0 ? { definitions: conversion.definitions } : {}),
    origin: { kind: 'apple-yaml', file: baseName(fileName) },
  };
  return schema;
}

/** Returns the file's base name without `.yaml` / `.yml`: the schema id. */
export function schemaIdFromFileName(fileName: string): string {
  return baseName(fileName).replace(/\.ya?ml$/i, '');
}

function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1];
}

function parseYaml(text: string, file: string): unknown {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { schema: 'failsafe', prettyErrors: false, uniqueKeys: true, logLevel: 'silent', lineCounter });
  if (document.errors.length > 0) {
    const first = document.errors[0];
    throw new SchemaError(`invalid YAML: ${first.message.split('\n')[0]}`, { file, line: lineCounter.linePos(first.pos[0]).line });
  }
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The YAML reader throws a ReferenceError for an undefined or over-used alias.
    const reason = error instanceof Error ? error.message : String(error);
    throw new SchemaError(`invalid YAML: ${reason}`, { file });
  }
}

/**
 * Converts a `subkeys` (or `payloadkeys`) list. `parentType` says how the list is read: the
 * keys of a dictionary, or the one item schema of an array.
 */
function convertKeyList(list: unknown[], conversion: Conversion, at: string, parentType: 'dictionary' | 'array', referenceName: string, depth: number): KeySchema[] {
  const finished = conversion.done.get(list);
  if (finished) return finished;
  if (depth > MAX_KEY_DEPTH) throw new SchemaError(`sub-keys nest deeper than ${MAX_KEY_DEPTH} levels`, { file: conversion.file, at });

  conversion.active.set(list, { name: uniqueDefinitionName(referenceName, conversion), referenced: false });
  const keys = list.map((entry, index) => convertKey(entry, conversion, `${at}[${index}]`, depth));
  const state = conversion.active.get(list);
  conversion.active.delete(list);

  if (parentType === 'array' && keys.length !== 1) {
    throw new SchemaError(`an array's subkeys must describe exactly one item, found ${keys.length}`, { file: conversion.file, at });
  }
  if (state?.referenced) conversion.definitions[state.name] = keys;
  conversion.done.set(list, keys);
  return keys;
}

function uniqueDefinitionName(base: string, conversion: Conversion): string {
  const usedNames = new Set([...Object.keys(conversion.definitions), ...[...conversion.active.values()].map((s) => s.name)]);
  let name = base;
  for (let n = 2; usedNames.has(name); n++) name = `${base}${n}`;
  return name;
}

function convertKey(entry: unknown, conversion: Conversion, at: string, depth: number): KeySchema {
  const file = conversion.file;
  const raw = expectMap(entry, file, at);
  const name = expectString(raw.key, file, `${at}.key`);
  const type = readType(raw.type, file, `${at}.type`);

  // Scalar facts
  const key: { -readonly [K in keyof KeySchema]: KeySchema[K] } = { name, type, presence: readPresence(raw.presence, file, `${at}.presence`) };
  const title = optionalString(raw.title, file, `${at}.title`);
  if (title) key.title = title;
  const content = optionalString(raw.content, file, `${at}.content`);
  if (content) key.description = content;
  if (raw.default !== undefined && isScalarType(type)) key.default = convertScalar(raw.default, type, file, `${at}.default`);
  if (raw.rangelist !== undefined) key.rangeList = readRangeList(raw.rangelist, type, file, `${at}.rangelist`);
  if (raw.range !== undefined) key.range = readRange(raw.range, file, `${at}.range`);
  if (raw.format !== undefined) key.format = readFormat(raw.format, file, `${at}.format`);
  const subtype = optionalString(raw.subtype, file, `${at}.subtype`);
  // Apple uses only <url> and <hostname> today; other subtypes carry no check here.
  if (subtype && HINTS_BY_SUBTYPE[subtype]) key.hint = HINTS_BY_SUBTYPE[subtype];
  if (raw.supportedOS !== undefined) key.supportedOS = readSupportedOS(raw.supportedOS, file, `${at}.supportedOS`);

  // Sub-keys
  if (raw.subkeys !== undefined) {
    if (!Array.isArray(raw.subkeys)) throw new SchemaError('subkeys is not a list', { file, at: `${at}.subkeys` });
    if (type !== 'array' && type !== 'dictionary') throw new SchemaError(`a ${type} key cannot have subkeys`, { file, at: `${at}.subkeys` });
    attachSubkeys(key, raw, raw.subkeys, conversion, at, depth);
  }

  return annotateKey(key);
}

function attachSubkeys(key: { -readonly [K in keyof KeySchema]: KeySchema[K] }, raw: YamlMap, list: unknown[], conversion: Conversion, at: string, depth: number): void {
  // A list already being converted further up contains itself: refer to it by name.
  const cycle = conversion.active.get(list);
  if (cycle) {
    cycle.referenced = true;
    key.ref = cycle.name;
    return;
  }

  const type = key.type === 'array' ? 'array' : 'dictionary';
  const referenceName = optionalString(raw.subkeytype, conversion.file, `${at}.subkeytype`) ?? firstKeyName(list) ?? key.name;
  const subkeys = convertKeyList(list, conversion, `${at}.subkeys`, type, referenceName, depth + 1);
  const referenced = Object.entries(conversion.definitions).find(([, keys]) => keys === subkeys);

  if (type === 'array') {
    const item = subkeys[0];
    // Apple puts an array's item-count limits on its item.
    const repetition = (list[0] as YamlMap).repetition;
    if (repetition !== undefined) key.repetition = readRange(repetition, conversion.file, `${at}.subkeys[0].repetition`);
    if (referenced) key.ref = referenced[0];
    else key.items = item;
    return;
  }

  if (referenced) {
    key.ref = referenced[0];
    return;
  }
  const named = subkeys.filter((k) => k.name !== 'ANY');
  const anyKey = subkeys.find((k) => k.name === 'ANY');
  if (named.length > 0) key.subkeys = named;
  if (anyKey) key.anyKey = anyKey;
}

function firstKeyName(list: unknown[]): string | undefined {
  const first = list[0];
  if (first && typeof first === 'object' && typeof (first as YamlMap).key === 'string') return (first as YamlMap).key as string;
  return undefined;
}

function readType(value: unknown, file: string, at: string): ValueType {
  const text = expectString(value, file, at);
  const match = /^<([a-z]+)>$/.exec(text.trim());
  const type = match?.[1] as ValueType | undefined;
  if (!type || !VALUE_TYPES.includes(type)) {
    throw new SchemaError(`unknown type '${text}'; expected one of ${VALUE_TYPES.map((t) => `<${t}>`).join(', ')}`, { file, at });
  }
  return type;
}

function readPresence(value: unknown, file: string, at: string): 'required' | 'optional' {
  // Array item schemas often omit presence; it means nothing there.
  if (value === undefined) return 'optional';
  const text = expectString(value, file, at);
  if (text === 'required' || text === 'optional') return text;
  throw new SchemaError(`presence must be 'required' or 'optional', not '${text}'`, { file, at });
}

function readRangeList(value: unknown, type: ValueType, file: string, at: string): SchemaScalar[] {
  if (!Array.isArray(value)) throw new SchemaError('rangelist is not a list', { file, at });
  if (!isScalarType(type)) throw new SchemaError(`a ${type} key cannot have a rangelist`, { file, at });
  return value.map((item, index) => convertScalar(item, type, file, `${at}[${index}]`));
}

function readRange(value: unknown, file: string, at: string): NumericRange {
  const raw = expectMap(value, file, at);
  const range: { min?: number; max?: number } = {};
  if (raw.min !== undefined) range.min = readNumber(raw.min, file, `${at}.min`);
  if (raw.max !== undefined) range.max = readNumber(raw.max, file, `${at}.max`);
  return range;
}

function readFormat(value: unknown, file: string, at: string): string {
  const pattern = expectString(value, file, at);
  try {
    new RegExp(pattern);
  } catch {
    throw new SchemaError(`format is not a valid regular expression: ${pattern}`, { file, at });
  }
  const slow = describeSlowPattern(pattern);
  if (slow !== null) throw new SchemaError(`format ${pattern} is rejected: ${slow}; rewrite it without nested or repeated unbounded parts`, { file, at });
  return pattern;
}

type ScalarType = 'string' | 'integer' | 'real' | 'boolean' | 'date';

function isScalarType(type: ValueType): type is ScalarType {
  return type === 'string' || type === 'integer' || type === 'real' || type === 'boolean' || type === 'date';
}

function convertScalar(value: unknown, type: ScalarType, file: string, at: string): SchemaScalar {
  const text = expectString(value, file, at);
  switch (type) {
    case 'string':
    case 'date':
      return text;
    case 'integer': {
      if (!/^[+-]?\d+$/.test(text.trim())) throw new SchemaError(`'${text}' is not an integer`, { file, at });
      return Number(text);
    }
    case 'real':
      return readNumber(text, file, at);
    case 'boolean':
      if (text === 'true') return true;
      if (text === 'false') return false;
      throw new SchemaError(`'${text}' is not a boolean (true or false)`, { file, at });
    default:
      return assertNeverType(type);
  }
}

function assertNeverType(type: never): never {
  throw new Error(`unhandled scalar type ${String(type)}`);
}

function readNumber(value: unknown, file: string, at: string): number {
  const text = expectString(value, file, at).trim();
  const number = Number(text);
  if (text === '' || !Number.isFinite(number)) throw new SchemaError(`'${text}' is not a number`, { file, at });
  return number;
}

// Shape checks on the parsed YAML.

function expectMap(value: unknown, file: string, at: string): YamlMap {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SchemaError(`expected a mapping, found ${describe(value)}`, { file, at });
  }
  return value as YamlMap;
}

function expectString(value: unknown, file: string, at: string): string {
  if (typeof value !== 'string') throw new SchemaError(value === undefined ? 'missing' : `expected text, found ${describe(value)}`, { file, at });
  return value;
}

function optionalString(value: unknown, file: string, at: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  return expectString(value, file, at);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `'${String(value)}'`;
}

export { expectMap, expectString, optionalString, type YamlMap };
