// Checks that need the whole profile: unique `PayloadUUID`s and `PayloadIdentifier`s, and
// references to other payloads' UUIDs that no payload has.

import type { PlistDict, PlistValue } from '../plist/model.ts';
import { dictGet } from '../plist/model.ts';
import { DIAGNOSTIC_CODES } from './codes.ts';
import { childPath, pathOf, type PathNode, type ValidationContext } from './context.ts';
import { UUID_PATTERN } from './hints.ts';

/** A payload dictionary and where it sits. */
export interface LocatedPayload {
  readonly dict: PlistDict;
  readonly path: PathNode;
}

/**
 * Reports duplicate UUIDs (the top level included) and identifiers (among payloads), each on
 * the later occurrence and naming the earlier one's path, and UUIDs not in UUID form.
 * Returns each payload UUID with its payload's type, for the reference check.
 */
export function checkIdentities(context: ValidationContext, root: PlistDict, payloads: readonly LocatedPayload[]): Map<string, string | undefined> {
  const uuids = new Map<string, PathNode>();
  const identifiers = new Map<string, PathNode>();
  const payloadUuids = new Map<string, string | undefined>();

  recordUuid(context, dictGet(root, 'PayloadUUID'), childPath(undefined, 'PayloadUUID'), uuids, 'the profile');

  for (const payload of payloads) {
    const uuidPath = childPath(payload.path, 'PayloadUUID');
    const uuid = recordUuid(context, dictGet(payload.dict, 'PayloadUUID'), uuidPath, uuids, 'this payload');
    const type = dictGet(payload.dict, 'PayloadType');
    if (uuid !== undefined && !payloadUuids.has(uuid)) payloadUuids.set(uuid, type?.kind === 'string' ? type.value : undefined);

    const identifier = dictGet(payload.dict, 'PayloadIdentifier');
    if (identifier?.kind !== 'string' || identifier.value === '') continue;
    const identifierPath = childPath(payload.path, 'PayloadIdentifier');
    const earlier = identifiers.get(identifier.value);
    if (earlier) {
      context.report('error', DIAGNOSTIC_CODES.duplicatePayloadIdentifier, `PayloadIdentifier '${identifier.value}' is already used by \`${pathOf(earlier)}\`; give each payload its own identifier, for example by adding a suffix.`, identifierPath, identifier.pos);
    } else {
      identifiers.set(identifier.value, identifierPath);
    }
  }
  return payloadUuids;
}

function recordUuid(context: ValidationContext, value: PlistValue | undefined, path: PathNode, seen: Map<string, PathNode>, owner: string): string | undefined {
  // Missing, empty and wrongly typed values get their findings from the key checks.
  if (value?.kind !== 'string' || value.value === '') return undefined;
  const uuid = value.value;

  const earlier = seen.get(uuid);
  if (earlier) {
    context.report('error', DIAGNOSTIC_CODES.duplicatePayloadUuid, `PayloadUUID '${uuid}' is already used by \`${pathOf(earlier)}\`; give ${owner} a new UUID.`, path, value.pos, { kind: 'new-uuid', at: path });
  } else {
    seen.set(uuid, path);
  }

  if (!UUID_PATTERN.test(uuid)) {
    context.report('warning', DIAGNOSTIC_CODES.payloadUuidNotUuid, `PayloadUUID '${uuid}' is not in UUID form; devices only need it to be unique, but MDM servers and tools expect a UUID such as uuidgen prints.`, path, value.pos, { kind: 'new-uuid', at: path });
  }
  return uuid;
}

/**
 * Prefix of the payload types that carry certificates and identities (root, pkcs1, pem, pkcs12,
 * scep, acme). A few other security payloads share it, so the check errs on the lenient side.
 */
const CERTIFICATE_PAYLOAD_PREFIX = 'com.apple.security.';

/**
 * Reports each collected reference whose UUID no payload in the profile has, and, as a
 * warning, each that points at a payload that holds no certificate.
 */
export function checkReferences(context: ValidationContext, payloadUuids: ReadonlyMap<string, string | undefined>, profileUuid: string | undefined): void {
  let byLowerCase: Map<string, string> | undefined;

  for (const reference of context.references) {
    if (payloadUuids.has(reference.uuid)) {
      const targetType = payloadUuids.get(reference.uuid);
      if (targetType !== undefined && !targetType.startsWith(CERTIFICATE_PAYLOAD_PREFIX)) {
        context.report('warning', DIAGNOSTIC_CODES.referenceNotCertificate, `\`${reference.key}\` names payload UUID '${reference.uuid}', which belongs to a ${targetType} payload, not to a certificate, identity, SCEP or ACME payload; point it at one of those.`, reference.path, reference.pos);
      }
      continue;
    }

    byLowerCase ??= new Map([...payloadUuids.keys()].map((u) => [u.toLowerCase(), u]));
    const caseVariant = byLowerCase.get(reference.uuid.toLowerCase());
    let detail = 'point it at the PayloadUUID of a certificate, identity, SCEP or ACME payload in this profile, or add that payload.';
    if (caseVariant) detail = `payload UUID '${caseVariant}' differs only in letter case; write it exactly the same.`;
    else if (reference.uuid === profileUuid) detail = "that is the profile's own UUID, not a payload's; point it at a certificate, identity, SCEP or ACME payload.";

    context.report('error', DIAGNOSTIC_CODES.danglingReference, `Dangling reference: \`${reference.key}\` names payload UUID '${reference.uuid}', which no payload in this profile has; ${detail}`, reference.path, reference.pos);
  }
}
