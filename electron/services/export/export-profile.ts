// Writing a profile as the export dialog requests: unsigned, signed, encrypted for chosen devices
// (optionally signed), or one encrypted file per device. Each written file is read back and
// checked, so the dialog shows what is really on disk.

import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { DEFAULT_CONTENT_CIPHER, encryptProfile, sign, verify } from '../cms/index.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import type { Identity } from '../identity/index.ts';
import type { Keystore } from '../keystore/keystore.ts';
import { readPlist, writePlist } from '../../../shared/plist/index.ts';
import { openDocument } from '../../../shared/profile/open.ts';
import { describeEnvelope } from '../../../shared/profile/signed.ts';
import { dictGet } from '../../../shared/plist/model.ts';
import { parseCertificate } from '../../../shared/x509/certificate.ts';
import { recipientFileName } from './file-names.ts';
import type { ExportProgress, ExportRequest, ExportResult, WrittenFileCheck } from './request.ts';

/** Raised for a request that cannot be carried out as given; nothing was written. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
}

export interface ExportOptions {
  readonly onProgress?: (progress: ExportProgress) => void;
}

export async function exportProfile(request: ExportRequest, keystore: Keystore, options: ExportOptions = {}): Promise<ExportResult> {
  // Exports are XML, which is what devices and admins expect. XML input is kept byte for byte,
  // so the signed content is exactly the text the admin saw in the XML editor.
  const read = readPlist(request.profile, { file: request.profileName });
  const xml = read.format === 'xml' ? request.profile : writePlist(read.value, 'xml');
  const identity = request.identityId ? keystore.identity(request.identityId) : undefined;
  const digest = request.digest ?? 'sha256';
  const cipher = request.cipher ?? DEFAULT_CONTENT_CIPHER;
  const signIfAsked = (bytes: Uint8Array) => (identity ? sign(bytes, identity, { digest }).der : bytes);

  switch (request.mode) {
    case 'unsigned':
      return { files: [await writeAndCheck(requireOutPath(request), xml, identity)], failures: [] };

    case 'signed':
      if (!identity) throw new ExportError('Choose a signing identity to export a signed profile.');
      return { files: [await writeAndCheck(requireOutPath(request), sign(xml, identity, { digest }).der, identity)], failures: [] };

    case 'encrypted': {
      const recipients = keystore.recipientCertificates(requireRecipients(request));
      const sealed = signIfAsked(encryptProfile(xml, recipients, { cipher, file: request.profileName }));
      return { files: [await writeAndCheck(requireOutPath(request), sealed, identity)], failures: [] };
    }

    case 'per-recipient':
      return exportPerRecipient(request, keystore, xml, signIfAsked, identity, options);

    default:
      throw new ExportError(`Unknown export mode ${String((request as { mode: unknown }).mode)}.`);
  }
}

async function exportPerRecipient(
  request: ExportRequest,
  keystore: Keystore,
  xml: Uint8Array,
  signIfAsked: (bytes: Uint8Array) => Uint8Array,
  identity: Identity | undefined,
  options: ExportOptions,
): Promise<ExportResult> {
  if (!request.outDir) throw new ExportError('Choose a folder for the per-device files.');
  const ids = requireRecipients(request);
  const certificates = keystore.recipientCertificates(ids);
  const used = new Set<string>();
  const files: WrittenFileCheck[] = [];
  const failures: { recipient: string; message: string }[] = [];

  for (const [index, der] of certificates.entries()) {
    const subject = parseCertificate(der).subject.display;
    options.onProgress?.({ done: index, total: certificates.length, current: subject });
    try {
      const sealed = signIfAsked(encryptProfile(xml, [der], { cipher: request.cipher ?? DEFAULT_CONTENT_CIPHER, file: request.profileName }));
      const check = await writeAndCheck(path.join(request.outDir, recipientFileName(der, used)), sealed, identity);
      files.push({ ...check, recipient: subject });
    } catch (error) {
      failures.push({ recipient: subject, message: error instanceof Error ? error.message : String(error) });
    }
  }

  options.onProgress?.({ done: certificates.length, total: certificates.length, current: '' });
  return { files, failures };
}

/** Writes atomically, then reads the file back and reports its signature and encryption. */
async function writeAndCheck(file: string, bytes: Uint8Array, identity: Identity | undefined): Promise<WrittenFileCheck> {
  await writeFileAtomic(file, bytes);
  const written = new Uint8Array(await readFile(file));
  const document = openDocument(written, { file });

  let signature: Partial<WrittenFileCheck> = {};
  if (document.signed) {
    // Trust the roots that came with the identity, besides the system's, as the admin does.
    const result = verify(written, { anchors: identity ? [identity.certificate, ...identity.chain] : [] });
    signature = { signatureValid: result.signatureValid, chainComplete: result.chainComplete, chainTrusted: result.chainTrusted, signerExpired: result.signerExpired, status: result.status };
  }

  let recipients: string[] | undefined;
  if (document.encrypted && document.value.kind === 'dict') {
    const envelope = dictGet(document.value, 'EncryptedPayloadContent');
    if (envelope?.kind === 'data') recipients = describeEnvelope(envelope.value).recipients.map((r) => r.description);
  }

  return { path: file, bytes: written.length, signed: document.signed, ...signature, encrypted: document.encrypted, ...(recipients ? { recipients } : {}) };
}

function requireOutPath(request: ExportRequest): string {
  if (!request.outPath) throw new ExportError('Choose where to save the exported profile.');
  return request.outPath;
}

function requireRecipients(request: ExportRequest): readonly string[] {
  if (!request.recipientIds?.length) throw new ExportError('Choose at least one device certificate to encrypt the profile for.');
  return request.recipientIds;
}
