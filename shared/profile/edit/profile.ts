// Profile-level edits: a new profile, and adding, duplicating, removing and reordering payloads.

import { dictGet, dictGetString, type PlistDict, type PlistDictEntry, type PlistValue } from '../../plist/model.ts';
import type { PayloadSchema } from '../../schema/model.ts';
import { initialValueFor } from './defaults.ts';
import { deleteAt, KeyPathError, moveItemAt, setAt } from './paths.ts';

const str = (value: string): PlistValue => ({ kind: 'string', value });
const int = (value: number): PlistValue => ({ kind: 'integer', value: BigInt(value) });

/** Returns an empty profile with a fresh UUID and an identifier derived from it. */
export function newProfile(uuid: string): PlistDict {
  return {
    kind: 'dict',
    entries: [
      { key: 'PayloadContent', value: { kind: 'array', items: [] } },
      { key: 'PayloadDisplayName', value: str('Untitled Profile') },
      { key: 'PayloadIdentifier', value: str(`com.example.profile.${uuid}`) },
      { key: 'PayloadRemovalDisallowed', value: { kind: 'boolean', value: false } },
      { key: 'PayloadType', value: str('Configuration') },
      { key: 'PayloadUUID', value: str(uuid) },
      { key: 'PayloadVersion', value: int(1) },
    ],
  };
}

/** Returns the payload dictionaries of a profile's `PayloadContent` array (non-dictionaries left out), with their indices. */
export function payloadsOf(root: PlistValue): { index: number; payload: PlistDict }[] {
  if (root.kind !== 'dict') return [];
  const content = dictGet(root, 'PayloadContent');
  if (content?.kind !== 'array') return [];
  const out: { index: number; payload: PlistDict }[] = [];
  content.items.forEach((item, index) => {
    if (item.kind === 'dict') out.push({ index, payload: item });
  });
  return out;
}

/**
 * Returns a new payload of `schema`'s type: the identity keys, then every required key with
 * its initial value. The identifier is the profile's followed by the type and the UUID, so
 * that it is unique and shows where it belongs.
 */
export function newPayload(schema: PayloadSchema, uuid: string, profileIdentifier: string): PlistDict {
  const entries: PlistDictEntry[] = [
    { key: 'PayloadType', value: str(schema.payloadType) },
    { key: 'PayloadVersion', value: int(1) },
    { key: 'PayloadIdentifier', value: str(`${profileIdentifier}.${schema.payloadType}.${uuid}`) },
    { key: 'PayloadUUID', value: str(uuid) },
    { key: 'PayloadDisplayName', value: str(schema.title) },
  ];
  const present = new Set(entries.map((entry) => entry.key));
  for (const key of schema.keys) {
    if (key.presence !== 'required' || present.has(key.name)) continue;
    entries.push({ key: key.name, value: initialValueFor(key) });
    present.add(key.name);
  }
  return { kind: 'dict', entries };
}

/** Returns `root` with `payload` appended to `PayloadContent` (created when missing). */
export function addPayload(root: PlistValue, payload: PlistDict): PlistValue {
  if (root.kind !== 'dict') throw new KeyPathError([], 'the profile root is not a dictionary');
  const content = dictGet(root, 'PayloadContent');
  if (content === undefined) return setAt(root, ['PayloadContent'], { kind: 'array', items: [payload] });
  if (content.kind !== 'array') throw new KeyPathError(['PayloadContent'], `expected an array, found ${content.kind}`);
  return setAt(root, ['PayloadContent'], { kind: 'array', items: [...content.items, payload] });
}

/**
 * Returns `root` with a copy of payload `index` inserted after it, under a fresh UUID. The
 * identifier gets the new UUID in place of the old one, or a `.copy` suffix (numbered until
 * unique) when it does not contain the old UUID.
 */
export function duplicatePayload(root: PlistValue, index: number, uuid: string): PlistValue {
  const payloads = payloadsOf(root);
  const source = payloads.find((p) => p.index === index)?.payload;
  if (!source) throw new KeyPathError(['PayloadContent', index], 'no payload dictionary there');

  const oldUuid = dictGetString(source, 'PayloadUUID') ?? '';
  const oldIdentifier = dictGetString(source, 'PayloadIdentifier') ?? 'payload';
  const taken = new Set(payloads.map((p) => dictGetString(p.payload, 'PayloadIdentifier')));
  let identifier = oldUuid && oldIdentifier.toLowerCase().includes(oldUuid.toLowerCase()) ? replaceIgnoringCase(oldIdentifier, oldUuid, uuid) : `${oldIdentifier}.copy`;
  for (let n = 2; taken.has(identifier); n++) identifier = `${oldIdentifier}.copy${n}`;

  const entries = source.entries.map((entry) => {
    if (entry.key === 'PayloadUUID') return { key: entry.key, value: str(uuid) };
    if (entry.key === 'PayloadIdentifier') return { key: entry.key, value: str(identifier) };
    return { key: entry.key, value: entry.value };
  });
  if (!entries.some((entry) => entry.key === 'PayloadUUID')) entries.push({ key: 'PayloadUUID', value: str(uuid) });

  const content = dictGet(root as PlistDict, 'PayloadContent');
  if (content?.kind !== 'array') throw new KeyPathError(['PayloadContent'], 'expected an array');
  const items = content.items.slice();
  items.splice(index + 1, 0, { kind: 'dict', entries });
  return setAt(root, ['PayloadContent'], { kind: 'array', items });
}

/** Root `PayloadType` of an over-the-air enrolment profile. */
export const PROFILE_SERVICE = 'Profile Service';

/** Attributes a new enrolment profile requests; the admin changes them in the form. */
const INITIAL_DEVICE_ATTRIBUTES = ['UDID', 'PRODUCT', 'VERSION'];

/** True when `root` is a Profile Service (over-the-air enrolment) profile. */
export function isProfileService(root: PlistValue | null): boolean {
  return root?.kind === 'dict' && dictGetString(root, 'PayloadType') === PROFILE_SERVICE;
}

/**
 * Returns `root` turned into a Profile Service profile: that payload is the profile's root, and
 * its `PayloadContent` is the enrolment request (URL, device attributes, challenge) instead of
 * a payload list. Only a profile without payloads can be turned, since the list would be lost.
 */
export function makeProfileService(root: PlistValue): PlistValue {
  if (payloadsOf(root).length > 0) throw new KeyPathError(['PayloadContent'], 'a profile with payloads cannot become a Profile Service profile; start a new profile for enrolment');
  let next = setAt(root, ['PayloadType'], str(PROFILE_SERVICE));
  next = setAt(next, ['PayloadContent'], {
    kind: 'dict',
    entries: [
      { key: 'URL', value: str('') },
      { key: 'DeviceAttributes', value: { kind: 'array', items: INITIAL_DEVICE_ATTRIBUTES.map(str) } },
    ],
  });
  return next;
}

/** Returns `root` without payload `index`. */
export function removePayload(root: PlistValue, index: number): PlistValue {
  return deleteAt(root, ['PayloadContent', index]);
}

/** Returns `root` with payload `from` moved to position `to`. */
export function movePayload(root: PlistValue, from: number, to: number): PlistValue {
  return moveItemAt(root, ['PayloadContent'], from, to);
}

function replaceIgnoringCase(text: string, search: string, replacement: string): string {
  const at = text.toLowerCase().indexOf(search.toLowerCase());
  return at < 0 ? text : text.slice(0, at) + replacement + text.slice(at + search.length);
}
