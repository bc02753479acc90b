// Facts the validator needs that Apple's schema files do not state: which keys hold secrets and
// which hold other payloads' UUIDs. Guessed from key names for loaded files, and carried over
// from this project's built-in schemas when a loaded file replaces one.

import type { KeySchema, PayloadSchema } from './model.ts';

/** Names of string or data keys whose value is a secret: `Password`, `AuthPassword`, `SharedSecret`, `Challenge`, `RegistrationToken`. */
const SENSITIVE_NAME = /(password|passwordsitem|secret|challenge|passphrase|token)$/i;

/**
 * Names of string keys (or array items) that hold a certificate payload's UUID, such as
 * `PayloadCertificateUUID`, `IdentityCertificateUUID`, `EncryptCertPayloadUUID` and the items
 * of `PayloadCertificateAnchorUUID`. `VPNUUID` and `ContentFilterUUID` are tags, not
 * references, and do not match.
 */
const REFERENCE_NAME = /cert[a-z]*uuids?(item)?$/i;

type MutableKey = { -readonly [K in keyof KeySchema]: KeySchema[K] };

/** Marks a key read from Apple's YAML as sensitive or as a payload reference, by its name and type. */
export function annotateKey(key: MutableKey): KeySchema {
  if ((key.type === 'string' || key.type === 'data') && SENSITIVE_NAME.test(key.name)) key.sensitive = true;
  if (key.type === 'string' && REFERENCE_NAME.test(key.name)) key.referencesPayload = true;
  return key;
}

/**
 * Returns `next` with the annotations of `previous` that `next` lacks (sensitive, payload
 * references, value hints, stand-in keys), matched key by key through the sub-key tree.
 * Everything `next` states itself wins.
 */
export function carryAnnotations(next: PayloadSchema, previous: PayloadSchema): PayloadSchema {
  return { ...next, keys: mergeKeyLists(next.keys, previous.keys) };
}

function mergeKeyLists(next: readonly KeySchema[], previous: readonly KeySchema[]): KeySchema[] {
  const byName = new Map(previous.map((k) => [k.name, k]));
  return next.map((key) => {
    const old = byName.get(key.name);
    return old ? mergeKey(key, old) : key;
  });
}

function mergeKey(next: KeySchema, previous: KeySchema): KeySchema {
  const merged: MutableKey = { ...next };
  if (merged.sensitive === undefined && previous.sensitive) merged.sensitive = true;
  if (merged.referencesPayload === undefined && previous.referencesPayload) merged.referencesPayload = true;
  if (merged.hint === undefined && previous.hint && previous.type === next.type) merged.hint = previous.hint;
  if (merged.exclusiveWith === undefined && previous.exclusiveWith) merged.exclusiveWith = previous.exclusiveWith;
  if (next.subkeys && previous.subkeys) merged.subkeys = mergeKeyLists(next.subkeys, previous.subkeys);
  if (next.items && previous.items) merged.items = mergeKey(next.items, previous.items);
  if (next.anyKey && previous.anyKey) merged.anyKey = mergeKey(next.anyKey, previous.anyKey);
  return merged;
}
