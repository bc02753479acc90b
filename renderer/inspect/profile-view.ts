// What the inspection cards show of a plist beyond the report: the payload tree with schema
// titles and the validation findings, computed from the XML text main sends.

import { dictGet, dictGetString, type PlistDict, type PlistKind, type PlistValue } from '../../shared/plist/model.ts';
import { PlistError } from '../../shared/plist/errors.ts';
import { formatPlistDate } from '../../shared/profile/json-value.ts';
import { parseXmlPlistText } from '../../shared/plist/xml/reader.ts';
import { COMMON_KEYS_TYPE, type KeySchema, type SchemaRegistry } from '../../shared/schema/index.ts';
import { validateProfile, type Diagnostic } from '../../shared/validation/index.ts';
import { scalarText } from '../forms/fields/value-text.ts';

/** Maximum string length shown in a tree row. Longer strings are cut with an ellipsis. */
export const MAX_PREVIEW_LENGTH = 120;

/** One key (or array item) in the tree. */
export interface KeyNode {
  /** The key, or `[index]` for an array item. */
  readonly name: string;
  /** The schema's title for the key, when the schema has one. */
  readonly title?: string;
  readonly kind: PlistKind;
  /** The value in one line: the text of a scalar, or the size of a container. */
  readonly preview: string;
  /** The schema marks the key as a secret; the preview is masked. */
  readonly sensitive: boolean;
  readonly children: readonly KeyNode[];
}

/** One payload of a profile. */
export interface PayloadNode {
  readonly index: number;
  readonly payloadType: string;
  /** Returns the schema title of the payload type, or the type itself when no schema describes it. */
  readonly title: string;
  readonly schemaKnown: boolean;
  readonly displayName?: string;
  readonly identifier?: string;
  readonly uuid?: string;
  readonly keys: readonly KeyNode[];
}

export interface PlistView {
  readonly root: PlistValue | null;
  /** Set when the XML text does not parse, which the main process would have reported already. */
  readonly parseError: string | null;
  readonly payloads: readonly PayloadNode[];
  readonly findings: readonly Diagnostic[];
}

/** Parses `xml` and returns its payload tree, and the validation findings for a profile. */
export function viewPlist(xml: string, file: string, registry: SchemaRegistry, validate: boolean): PlistView {
  let root: PlistValue;
  try {
    root = parseXmlPlistText(xml, { file }).value;
  } catch (error) {
    if (!(error instanceof PlistError)) throw error;
    return { root: null, parseError: error.message, payloads: [], findings: [] };
  }
  const payloads = root.kind === 'dict' ? payloadNodes(root, registry) : [];
  const findings = validate ? validateProfile(root, { schemas: registry }) : [];
  return { root, parseError: null, payloads, findings };
}

/** Returns the payload dictionaries of a profile: the PayloadContent array, or a Profile Service's one dictionary. */
function payloadNodes(root: PlistDict, registry: SchemaRegistry): PayloadNode[] {
  const content = dictGet(root, 'PayloadContent');
  const dicts = content?.kind === 'array' ? content.items : content?.kind === 'dict' ? [content] : [];
  return dicts.flatMap((item, index) => (item.kind === 'dict' ? [payloadNode(item, index, registry)] : []));
}

function payloadNode(payload: PlistDict, index: number, registry: SchemaRegistry): PayloadNode {
  const payloadType = dictGetString(payload, 'PayloadType') ?? '';
  const schema = registry.forPayload(payloadType, (key) => dictGetString(payload, key));
  const common = registry.get(COMMON_KEYS_TYPE)?.keys ?? [];
  const keySchemas = [...(schema?.keys ?? []), ...common];
  return {
    index,
    payloadType,
    title: schema?.title ?? (payloadType || 'Payload without a PayloadType'),
    schemaKnown: schema !== undefined,
    displayName: dictGetString(payload, 'PayloadDisplayName'),
    identifier: dictGetString(payload, 'PayloadIdentifier'),
    uuid: dictGetString(payload, 'PayloadUUID'),
    keys: dictNodes(payload, keySchemas),
  };
}

/** Returns the tree rows of a dictionary, titled from `schemas` where a key has one. */
export function dictNodes(dict: PlistDict, schemas: readonly KeySchema[] = []): KeyNode[] {
  return dict.entries.map((entry) => keyNode(entry.key, entry.value, schemas.find((schema) => schema.name === entry.key)));
}

function keyNode(name: string, value: PlistValue, schema: KeySchema | undefined): KeyNode {
  const sensitive = schema?.sensitive === true;
  let children: KeyNode[] = [];
  if (value.kind === 'dict') children = dictNodes(value, schema?.subkeys ?? []);
  else if (value.kind === 'array') children = value.items.map((item, index) => keyNode(`[${index}]`, item, schema?.items));
  return { name, title: schema?.title, kind: value.kind, preview: sensitive ? maskedPreview(value) : previewOf(value), sensitive, children };
}

/** Returns a one-line description of a value: its text for scalars, its size for containers and data. */
export function previewOf(value: PlistValue): string {
  if (value.kind === 'string' && value.value.length > MAX_PREVIEW_LENGTH) return `${value.value.slice(0, MAX_PREVIEW_LENGTH)}…`;
  if (value.kind === 'date') return formatPlistDate(value.value);
  if (value.kind === 'data') return `${value.value.length} bytes`;
  if (value.kind === 'array') return `${value.items.length} ${value.items.length === 1 ? 'item' : 'items'}`;
  if (value.kind === 'dict') return `${value.entries.length} ${value.entries.length === 1 ? 'key' : 'keys'}`;
  return scalarText(value);
}

function maskedPreview(value: PlistValue): string {
  if (value.kind === 'string') return `•••••••• (secret, ${value.value.length} characters)`;
  if (value.kind === 'data') return `•••••••• (secret, ${value.value.length} bytes)`;
  return previewOf(value);
}
