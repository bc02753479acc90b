// Inspection of one file's bytes: format, kind, signature, encryption, summaries.
//
// Used by `mobileconfig inspect` and by the app's drop-to-inspect screen. Failures become a
// report with `ok: false` and a one-line `error`, so one bad file never stops a batch.

import { PlistError } from '../../../shared/plist/errors.ts';
import { dictGet, type PlistDict } from '../../../shared/plist/model.ts';
import { openDocument, type OpenedDocument } from '../../../shared/profile/open.ts';
import { summarizePayloads, summarizeProfileService, summarizeStubFacts, summarizeTop, stubSignerCertificates } from '../../../shared/profile/summary.ts';
import { describeCertificateDer, describeEnvelope } from '../../../shared/profile/signed.ts';
import { parseProvisioningProfile } from '../../../shared/provisioning/parse.ts';
import { describeDeviceAttributesResponse } from '../../../shared/enrolment/device-response.ts';
import { inspectOtherFile } from './other-files.ts';
import type { InspectReport, SignatureReport } from './report.ts';

export interface InspectOptions {
  /** Verifies a signed file's bytes; when absent, the report has no `signature` section. */
  readonly verify?: (bytes: Uint8Array) => Promise<SignatureReport>;
  /** The time a provisioning profile's expiry is computed against; default the clock's time. */
  readonly now?: Date;
}

export async function inspectBytes(bytes: Uint8Array, file: string, options: InspectOptions = {}): Promise<InspectReport> {
  let document: OpenedDocument;
  try {
    document = openDocument(bytes, { file });
  } catch (error) {
    return inspectOtherFile(bytes, file) ?? { file, ok: false, error: errorReason(error, file), warnings: [] };
  }

  const warnings = [...document.warnings];
  const root = document.value.kind === 'dict' ? document.value : undefined;
  const signature = document.signed && options.verify ? await options.verify(bytes) : undefined;
  const deviceAttributes = document.kind === 'plist' ? describeDeviceAttributesResponse(document.value) : null;

  return {
    file,
    ok: true,
    container: document.container,
    armour: document.armour,
    plistFormat: document.plistFormat,
    kind: deviceAttributes ? 'device-attributes' : document.kind,
    signed: document.signed,
    encrypted: document.encrypted,
    digestAlgorithm: document.signature?.digestAlgorithm,
    signers: document.signature?.signers,
    certificates: document.signature?.certificates,
    signature,
    encryption: root && document.encrypted ? describeEncryption(root, warnings) : undefined,
    // A device response's CHALLENGE is a secret, so its keys are shown only through deviceAttributes.
    top: root && !deviceAttributes ? summarizeTop(root) : undefined,
    payloads: root && (document.kind === 'profile' || document.kind === 'stub') ? summarizePayloads(root) : undefined,
    profileService: root ? summarizeProfileService(root) : undefined,
    stub: root && document.kind === 'stub' ? describeStub(root, warnings) : undefined,
    ...(deviceAttributes ? { deviceAttributes } : {}),
    provisioning: root && document.kind === 'provisioning' ? describeProvisioning(root, options.now ?? new Date(), warnings) : undefined,
    warnings,
  };
}

function describeEncryption(root: PlistDict, warnings: string[]): InspectReport['encryption'] {
  const content = dictGet(root, 'EncryptedPayloadContent');
  if (content?.kind !== 'data') {
    warnings.push(`EncryptedPayloadContent is ${content?.kind ?? 'missing'}, not data; the encrypted payloads cannot be read`);
    return undefined;
  }
  try {
    return describeEnvelope(content.value);
  } catch (error) {
    warnings.push(`EncryptedPayloadContent is not a readable CMS EnvelopedData: ${errorReason(error)}`);
    return undefined;
  }
}

function describeStub(root: PlistDict, warnings: string[]): InspectReport['stub'] {
  const signerCerts = stubSignerCertificates(root).flatMap((der, index) => {
    try {
      return [describeCertificateDer(der)];
    } catch (error) {
      warnings.push(`SignerCerts[${index}] is not a readable X.509 certificate: ${errorReason(error)}`);
      return [];
    }
  });
  return { facts: summarizeStubFacts(root), signerCerts };
}

function describeProvisioning(root: PlistDict, now: Date, warnings: string[]): InspectReport['provisioning'] {
  const parsed = parseProvisioningProfile(root, { now });
  warnings.push(...parsed.warnings);
  return parsed.facts;
}

/** Describes the problem and its place, without the file name, which the report carries separately. */
function errorReason(error: unknown, file?: string): string {
  if (error instanceof PlistError) {
    const where = error.line !== undefined ? `line ${error.line}${error.column !== undefined ? `, column ${error.column}` : ''}: ` : error.offset !== undefined ? `at byte ${error.offset}: ` : '';
    return `${where}${error.reason}${error.keyPath ? ` (at ${error.keyPath})` : ''}`;
  }
  const text = error instanceof Error ? error.message : String(error);
  if (file && text.startsWith(`${file}: `)) return text.slice(file.length + 2);
  return text;
}
