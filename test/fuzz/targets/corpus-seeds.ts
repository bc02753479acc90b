// Seeds taken from the shared corpus of real files, sorted by target. Whole files seed the
// plist, document and signed-CMS targets. Certificates, PKCS#12 files, PEM text and
// EncryptedPayloadContent found inside the profiles seed the others.

import { parseContentInfo } from '../../../shared/cms/content-info.ts';
import { parseSignedData } from '../../../shared/cms/signed-data.ts';
import { decodeCmsArmour, isCmsContentInfo } from '../../../shared/cms/index.ts';
import { OID_ENVELOPED_DATA, OID_SIGNED_DATA } from '../../../shared/asn1/oids.ts';
import { isBinaryPlist } from '../../../shared/plist/binary/reader.ts';
import { dictGetString, type PlistValue } from '../../../shared/plist/model.ts';
import { openDocument } from '../../../shared/profile/open.ts';
import { parseCertificate } from '../../../shared/x509/certificate.ts';
import { readCorpusFiles } from '../engine/files.ts';

export interface CorpusSeeds {
  readonly all: Uint8Array[];
  readonly xml: Uint8Array[];
  readonly binary: Uint8Array[];
  readonly signed: Uint8Array[];
  readonly enveloped: Uint8Array[];
  readonly pkcs12: Uint8Array[];
  readonly pem: Uint8Array[];
  readonly certificates: Uint8Array[];
}

let cached: CorpusSeeds | undefined;

/** Returns the corpus seeds; every list is empty when the corpus is missing or turned off. */
export function corpusSeeds(): CorpusSeeds {
  cached ??= collectCorpusSeeds();
  return cached;
}

function collectCorpusSeeds(): CorpusSeeds {
  const seeds: CorpusSeeds = { all: [], xml: [], binary: [], signed: [], enveloped: [], pkcs12: [], pem: [], certificates: [] };
  for (const { bytes } of readCorpusFiles()) {
    seeds.all.push(bytes);
    if (isBinaryPlist(bytes)) seeds.binary.push(bytes);
    else if (looksLikeCms(bytes)) seeds.signed.push(bytes);
    else seeds.xml.push(bytes);
    collectInner(bytes, seeds);
  }
  return seeds;
}

/** True for DER, and for PEM or base64 text around DER; broken armour counts as CMS too. */
function looksLikeCms(bytes: Uint8Array): boolean {
  try {
    return decodeCmsArmour(bytes) !== null;
  } catch {
    return true;
  }
}

/** Adds what a readable corpus file carries inside it: certificates, key files, envelopes. */
function collectInner(bytes: Uint8Array, seeds: CorpusSeeds): void {
  let value: PlistValue;
  try {
    const document = openDocument(bytes);
    value = document.value;
    if (document.signed) collectSignedCertificates(bytes, seeds);
  } catch {
    // Broken corpus files are seeds as they are; they have nothing readable inside.
    return;
  }
  walk(value, undefined, seeds);
}

function collectSignedCertificates(bytes: Uint8Array, seeds: CorpusSeeds): void {
  const der = decodeCmsArmour(bytes)?.der;
  if (der === undefined || !isCmsContentInfo(der)) return;
  const info = parseContentInfo(der);
  if (info.contentType !== OID_SIGNED_DATA) return;
  for (const certificate of parseSignedData(info.content).certificates) seeds.certificates.push(certificate.raw);
}

function walk(value: PlistValue, payloadType: string | undefined, seeds: CorpusSeeds): void {
  switch (value.kind) {
    case 'dict': {
      const type = dictGetString(value, 'PayloadType') ?? payloadType;
      for (const entry of value.entries) {
        if (entry.key === 'EncryptedPayloadContent' && entry.value.kind === 'data') seeds.enveloped.push(entry.value.value);
        else walk(entry.value, type, seeds);
      }
      return;
    }
    case 'array':
      for (const item of value.items) walk(item, payloadType, seeds);
      return;
    case 'string':
      if (value.value.includes('-----BEGIN ')) seeds.pem.push(new TextEncoder().encode(value.value));
      return;
    case 'data':
      try {
        collectData(value.value, payloadType, seeds);
      } catch {
        // Data that only looked like CMS seeds nothing.
      }
      return;
    default:
      return;
  }
}

function collectData(bytes: Uint8Array, payloadType: string | undefined, seeds: CorpusSeeds): void {
  if (payloadType === 'com.apple.security.pkcs12') {
    seeds.pkcs12.push(bytes);
    return;
  }
  if (isBinaryPlist(bytes)) {
    seeds.binary.push(bytes);
    return;
  }
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).includes('-----BEGIN ')) {
    seeds.pem.push(bytes);
    return;
  }
  if (isCmsContentInfo(bytes)) {
    const type = parseContentInfo(bytes).contentType;
    if (type === OID_ENVELOPED_DATA) seeds.enveloped.push(bytes);
    else if (type === OID_SIGNED_DATA) seeds.signed.push(bytes);
    return;
  }
  try {
    parseCertificate(bytes);
    seeds.certificates.push(bytes);
  } catch {
    // Other data (icons, fonts, opaque blobs) seeds nothing.
  }
}
