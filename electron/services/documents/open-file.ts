// Reading a document from disk into the form the renderer edits: XML text plus facts.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { openDocument, type OpenedDocument } from '../../../shared/profile/open.ts';
import { PlistError } from '../../../shared/plist/errors.ts';
import { writeXmlPlist } from '../../../shared/plist/xml/writer.ts';
import { MAX_PLIST_BYTES } from '../../../shared/plist/limits.ts';
import type { DocumentInfo } from '../../../shared/ipc/contract.ts';

/** A document read from disk, before the registry gives it an id. */
export type OpenedFile = Omit<DocumentInfo, 'documentId' | 'filePath' | 'edited' | 'recoveredDraftAt'> & { readonly filePath: string };

/** Raised when a file cannot be opened as a document; the message names the file and the problem. */
export class DocumentOpenError extends Error {
  override readonly name = 'DocumentOpenError';
  readonly file: string;

  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super(reason.includes(file) ? reason : `${file}: ${reason}`, options);
    this.file = file;
  }
}

// Errors the readers raise for bad input; anything else is a bug and propagates as it is.
const INPUT_ERROR_NAMES = new Set(['PlistError', 'CmsError', 'Asn1Error', 'ProfileError']);

/** Reads `filePath` in any format the core detects and returns it as XML text. */
export async function readDocumentFile(filePath: string): Promise<OpenedFile> {
  const info = await stat(filePath);
  if (!info.isFile()) throw new DocumentOpenError(filePath, 'not a regular file');
  if (info.size > MAX_PLIST_BYTES) {
    throw new DocumentOpenError(filePath, `the file is ${info.size} bytes, over the ${MAX_PLIST_BYTES}-byte limit for profiles`);
  }

  const bytes = new Uint8Array(await readFile(filePath));
  let opened: OpenedDocument;
  try {
    opened = openDocument(bytes, { file: filePath });
  } catch (error) {
    if (error instanceof Error && INPUT_ERROR_NAMES.has(error.name)) throw new DocumentOpenError(filePath, error.message, { cause: error });
    throw error;
  }

  // The editor works on XML: binary plists and signed content in binary form are converted.
  // Binary plists can hold what XML cannot (control characters in strings), so that can fail.
  let text: string;
  try {
    text = opened.plistFormat === 'xml' && opened.text !== undefined ? opened.text : writeXmlPlist(opened.value);
  } catch (error) {
    if (!(error instanceof PlistError)) throw error;
    throw new DocumentOpenError(filePath, `the binary property list cannot be edited as XML: ${error.message}`, { cause: error });
  }

  return {
    filePath,
    displayName: path.basename(filePath),
    text,
    source: opened.container,
    kind: opened.kind,
    signed: opened.signed,
    encrypted: opened.encrypted,
    warnings: opened.warnings,
    notes: notesFor(opened),
  };
}

/** Tells the user how saving will treat what they opened. */
export function notesFor(opened: Pick<OpenedDocument, 'signed' | 'encrypted' | 'plistFormat' | 'kind'>): string[] {
  const notes: string[] = [];
  if (opened.signed) {
    notes.push('This profile was signed. Saving writes it unsigned; export it signed to keep a signature.');
  }
  if (opened.plistFormat === 'binary') {
    notes.push('This file is a binary property list. Saving writes it as XML.');
  }
  if (opened.encrypted) {
    notes.push('The payloads are encrypted (EncryptedPayloadContent) and cannot be edited until the profile is decrypted.');
  }
  if (opened.kind === 'stub') {
    notes.push('This is an iOS profile stub: a record of an installed profile, not a profile to install.');
  }
  if (opened.kind === 'provisioning') {
    notes.push('This is an app provisioning profile. Saving writes it unsigned, and devices and Xcode accept only the signed file.');
  }
  return notes;
}
