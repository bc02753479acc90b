// Walks a profile: the root dictionary against the top-level (or Profile Service) schema, then
// each payload in `PayloadContent` against the schema of its `PayloadType` merged with the keys
// every payload has.

import type { PlistDict, PlistValue } from '../plist/model.ts';
import { dictGet } from '../plist/model.ts';
import { COMMON_KEYS_TYPE, TOP_LEVEL_TYPE, type KeySchema, type PayloadSchema } from '../schema/model.ts';
import { DIAGNOSTIC_CODES } from './codes.ts';
import { childPath, type PathNode, type ValidationContext } from './context.ts';
import { checkDictionary } from './dictionary.ts';
import { checkIdentities, checkReferences, type LocatedPayload } from './identity.ts';
import { checkPlatformSupport } from './platform.ts';

const CONFIGURATION = 'Configuration';
const PROFILE_SERVICE = 'Profile Service';
const TYPE_ONLY_PAYLOAD_CONTENT: ReadonlySet<string> = new Set(['PayloadContent']);
const TYPE_ONLY_BOTH: ReadonlySet<string> = new Set(['PayloadContent', 'PayloadType']);

/** Validates a profile whose root is `root`; findings go to `context`. */
export function validateRoot(context: ValidationContext, root: PlistDict, fallbackTopLevel: PayloadSchema): void {
  const registry = context.settings.registry;
  const rootType = dictGet(root, 'PayloadType');
  const rootTypeName = rootType?.kind === 'string' ? rootType.value : undefined;

  // Root schema: a Profile Service profile has its own; everything else is read as a Configuration profile.
  const profileService = rootTypeName === PROFILE_SERVICE ? registry.get(PROFILE_SERVICE) : undefined;
  const schema = profileService?.role === 'profile' ? profileService : (registry.get(TOP_LEVEL_TYPE) ?? fallbackTopLevel);
  const isConfiguration = schema.payloadType === TOP_LEVEL_TYPE;

  let typeOnly = isConfiguration ? TYPE_ONLY_PAYLOAD_CONTENT : undefined;
  if (isConfiguration && rootType?.kind === 'string' && rootTypeName !== CONFIGURATION) {
    reportWrongProfileType(context, rootType.value, rootType);
    typeOnly = TYPE_ONLY_BOTH;
  }
  checkDictionary(context, root, schema.keys, undefined, undefined, { definitions: schema.definitions, platformChecks: true }, { typeOnly, owner: 'the profile' });
  if (!isConfiguration) {
    checkIdentities(context, root, []);
    return;
  }

  // Payloads
  const payloads: LocatedPayload[] = [];
  const content = dictGet(root, 'PayloadContent');
  if (content?.kind === 'array') {
    if (content.items.length === 0) {
      context.report('warning', DIAGNOSTIC_CODES.noPayloads, 'PayloadContent is empty, so the profile installs nothing; add at least one payload.', childPath(undefined, 'PayloadContent'), content.pos);
    }
    for (let i = 0; i < content.items.length; i++) {
      const path = childPath(childPath(undefined, 'PayloadContent'), i);
      const item = content.items[i];
      if (item.kind !== 'dict') {
        context.report('error', DIAGNOSTIC_CODES.wrongType, `Each item of PayloadContent must be a payload dictionary, but item ${i} is ${item.kind === 'integer' ? 'an' : 'a'} ${item.kind}.`, path, item.pos);
        continue;
      }
      validatePayload(context, item, path);
      payloads.push({ dict: item, path });
    }
  }

  // Whole-profile checks
  const payloadUuids = checkIdentities(context, root, payloads);
  const profileUuid = dictGet(root, 'PayloadUUID');
  checkReferences(context, payloadUuids, profileUuid?.kind === 'string' ? profileUuid.value : undefined);
}

function reportWrongProfileType(context: ValidationContext, actual: string, value: PlistValue): void {
  const path = childPath(undefined, 'PayloadType');
  const known = context.settings.registry.get(actual);
  const detail = known?.role === 'payload' ? ` \`${actual}\` is a payload type: put this payload inside the PayloadContent array of a profile whose PayloadType is Configuration.` : '';
  context.report('error', DIAGNOSTIC_CODES.wrongProfileType, `The profile's PayloadType is '${actual}' but must be 'Configuration'.${detail}`, path, value.pos, {
    kind: 'set-value',
    at: path,
    value: { kind: 'string', value: CONFIGURATION },
  });
}

function validatePayload(context: ValidationContext, dict: PlistDict, path: PathNode): void {
  const registry = context.settings.registry;
  const typeValue = dictGet(dict, 'PayloadType');
  const payloadType = typeValue?.kind === 'string' ? typeValue.value : undefined;
  const commonKeys = registry.get(COMMON_KEYS_TYPE)?.keys ?? [];

  const found = payloadType ? registry.forPayload(payloadType, (key) => stringAt(dict, key)) : undefined;
  const schema = found?.role === 'payload' ? found : undefined;
  if (!schema) {
    if (payloadType) {
      context.report('info', DIAGNOSTIC_CODES.unknownPayloadType, `No schema is known for payload type '${payloadType}', so only the common payload keys are checked; load Apple's schemas (--schemas DIR) if it is an Apple payload.`, childPath(path, 'PayloadType'), typeValue?.pos);
    }
    checkDictionary(context, dict, commonKeys, undefined, path, { definitions: undefined, platformChecks: true }, { reportUnknown: false, owner: 'this payload' });
    return;
  }

  const available = checkPlatformSupport(context, schema.supportedOS, { label: `Payload type \`${schema.payloadType}\``, path: childPath(path, 'PayloadType'), pos: typeValue?.pos }, true);
  checkDictionary(context, dict, payloadKeys(schema, commonKeys), undefined, path, { definitions: schema.definitions, platformChecks: available }, { owner: `payload ${schema.payloadType}` });
}

function stringAt(dict: PlistDict, key: string): string | undefined {
  const value = dictGet(dict, key);
  return value?.kind === 'string' ? value.value : undefined;
}

const mergedKeys = new WeakMap<PayloadSchema, { common: readonly KeySchema[]; keys: readonly KeySchema[] }>();

/** Returns the common payload keys followed by the schema's own, which win a name clash; built once per schema. */
function payloadKeys(schema: PayloadSchema, common: readonly KeySchema[]): readonly KeySchema[] {
  const cached = mergedKeys.get(schema);
  if (cached && cached.common === common) return cached.keys;

  const own = new Set(schema.keys.map((k) => k.name));
  const keys = [...common.filter((k) => !own.has(k.name)), ...schema.keys];
  mergedKeys.set(schema, { common, keys });
  return keys;
}
