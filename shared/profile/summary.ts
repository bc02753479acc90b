// Summaries of a profile or stub for inspection: top-level settings, payload list, stub facts.

import { dictGet, dictGetString, type PlistDict, type PlistValue } from '../plist/model.ts';
import { PAYLOAD_SUMMARY_KEYS, PROFILE_SERVICE_TYPE, STUB_FACT_KEYS } from './keys.ts';
import { plistToJson, type JsonValue } from './json-value.ts';

export interface PayloadSummary {
  readonly PayloadType?: JsonValue;
  readonly PayloadIdentifier?: JsonValue;
  readonly PayloadUUID?: JsonValue;
  readonly PayloadDisplayName?: JsonValue;
}

export type TopSummary = Record<string, JsonValue>;

/** Returns the scalar top-level keys of `root` in document order (arrays, dicts and data are left out). */
export function summarizeTop(root: PlistDict): TopSummary {
  const top: TopSummary = {};
  for (const entry of root.entries) {
    if (isScalar(entry.value)) top[entry.key] = plistToJson(entry.value);
  }
  return top;
}

/**
 * Lists the payloads of a profile: the dictionaries of a `PayloadContent` array, or, for an
 * over-the-air Profile Service profile whose `PayloadContent` is one dictionary, nothing (the
 * root is the payload).
 */
export function summarizePayloads(root: PlistDict): PayloadSummary[] {
  const content = dictGet(root, 'PayloadContent');
  if (content?.kind !== 'array') return [];
  return content.items.map((item) => (item.kind === 'dict' ? summarizePayload(item) : {}));
}

export function summarizePayload(payload: PlistDict): PayloadSummary {
  const out: Record<string, JsonValue> = {};
  for (const key of PAYLOAD_SUMMARY_KEYS) {
    const value = dictGet(payload, key);
    if (value && isScalar(value)) out[key] = plistToJson(value);
  }
  return out as PayloadSummary;
}

/** The enrolment settings of an over-the-air Profile Service profile, whose root is the payload. */
export interface ProfileServiceSummary {
  readonly URL?: JsonValue;
  readonly DeviceAttributes?: JsonValue;
  /** True when a `Challenge` is present; the challenge itself is a secret and is not shown. */
  readonly hasChallenge: boolean;
}

/** Returns the Profile Service settings when `root` is a Profile Service profile, else undefined. */
export function summarizeProfileService(root: PlistDict): ProfileServiceSummary | undefined {
  const content = dictGet(root, 'PayloadContent');
  if (dictGetString(root, 'PayloadType') !== PROFILE_SERVICE_TYPE || content?.kind !== 'dict') return undefined;

  const url = dictGet(content, 'URL');
  const attributes = dictGet(content, 'DeviceAttributes');
  return {
    URL: url ? plistToJson(url) : undefined,
    DeviceAttributes: attributes ? plistToJson(attributes) : undefined,
    hasChallenge: dictGet(content, 'Challenge') !== undefined,
  };
}

/** Returns the installation facts of an iOS profile stub that are present, by key. */
export function summarizeStubFacts(root: PlistDict): Record<string, JsonValue> {
  const facts: Record<string, JsonValue> = {};
  for (const key of STUB_FACT_KEYS) {
    const value = dictGet(root, key);
    if (value) facts[key] = plistToJson(value);
  }
  for (const key of ['InstallDate', 'ProductVersion', 'ProductBuildVersion']) {
    const value = dictGet(root, key);
    if (value && isScalar(value)) facts[key] = plistToJson(value);
  }
  return facts;
}

/** Returns the DER certificates under a stub's `SignerCerts`, skipping entries that are not data. */
export function stubSignerCertificates(root: PlistDict): Uint8Array[] {
  const certs = dictGet(root, 'SignerCerts');
  if (certs?.kind !== 'array') return [];
  return certs.items.flatMap((item) => (item.kind === 'data' ? [item.value] : []));
}

function isScalar(value: PlistValue): boolean {
  return value.kind !== 'array' && value.kind !== 'dict' && value.kind !== 'data';
}
