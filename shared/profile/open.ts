// Opening any document the app and CLI accept, detected by content (never by file name):
// XML plist, binary plist, DER CMS SignedData, and PEM- or base64-armoured CMS.

import { readPlist, type ReadPlistResult } from '../plist/index.ts';
import { PlistError } from '../plist/errors.ts';
import type { PlistFormat, PlistValue } from '../plist/model.ts';
import { dictGet } from '../plist/model.ts';
import { classifyPlist, type DocumentKind } from './classify.ts';
import { unwrapSignedContainer, type SignatureFacts } from './signed.ts';
import { decodeArmouredCms } from './armour.ts';
import { isDerSequence } from './der-sniff.ts';

export type ContainerFormat = 'xml' | 'binary' | 'cms-signed';

export interface OpenedDocument {
  readonly file?: string;
  /** The outer form of the file. */
  readonly container: ContainerFormat;
  /** Set when the CMS was armoured as PEM or bare base64 text. */
  readonly armour?: 'pem' | 'base64';
  /** Format of the plist itself (the signed content, for signed files). */
  readonly plistFormat: PlistFormat;
  readonly kind: DocumentKind;
  readonly value: PlistValue;
  /** Decoded XML source when the plist is XML; value positions point into it. */
  readonly text?: string;
  /** The plist bytes: the whole file, or the signed content of a CMS file. */
  readonly plistBytes: Uint8Array;
  readonly signed: boolean;
  /** True when the root has `EncryptedPayloadContent`. */
  readonly encrypted: boolean;
  /** Parsed signature facts of a signed file (certificates, digest); verification is a separate step. */
  readonly signature?: SignatureFacts;
  readonly warnings: readonly string[];
}

export interface OpenOptions {
  readonly file?: string;
  /** Give the plist's XML values their source positions; default true. See XmlReadOptions. */
  readonly positions?: boolean;
}

/**
 * Opens `bytes` as a profile, stub or plist. Raises PlistError for plist problems and CmsError or
 * Asn1Error for CMS problems; every message names the file when `options.file` is given.
 */
export function openDocument(bytes: Uint8Array, options: OpenOptions = {}): OpenedDocument {
  const file = options.file;
  if (bytes.length === 0) throw new PlistError('file is empty', { file });

  // Signed: DER, or text armour around DER.
  const armoured = isDerSequence(bytes) ? null : decodeArmouredCms(bytes);
  if (isDerSequence(bytes) || armoured) {
    const der = armoured ? armoured.der : bytes;
    const unwrapped = unwrapSignedContainer(der, file);
    const plist = readInner(unwrapped.content, options);
    const warnings = [...unwrapped.warnings, ...plist.warnings];
    return finish(plist, { file, container: 'cms-signed', armour: armoured?.armour, plistBytes: unwrapped.content, signed: true, signature: unwrapped.facts, warnings });
  }

  const plist = readPlistNamed(bytes, options);
  return finish(plist, { file, container: plist.format, plistBytes: bytes, signed: false, warnings: [...plist.warnings] });
}

interface Envelope {
  readonly file?: string;
  readonly container: ContainerFormat;
  readonly armour?: 'pem' | 'base64';
  readonly plistBytes: Uint8Array;
  readonly signed: boolean;
  readonly signature?: SignatureFacts;
  readonly warnings: string[];
}

function finish(plist: ReadPlistResult, envelope: Envelope): OpenedDocument {
  const value = plist.value;
  const encrypted = value.kind === 'dict' && dictGet(value, 'EncryptedPayloadContent') !== undefined;
  return {
    ...envelope,
    plistFormat: plist.format,
    kind: classifyPlist(value),
    value,
    text: plist.text,
    encrypted,
  };
}

function readInner(content: Uint8Array, options: OpenOptions): ReadPlistResult {
  const file = options.file;
  try {
    return readPlist(content, { file, positions: options.positions });
  } catch (error) {
    if (error instanceof PlistError) {
      throw new PlistError(`the signed content is not a property list: ${error.reason}`, { file, line: error.line, column: error.column, offset: error.offset });
    }
    throw error;
  }
}

function readPlistNamed(bytes: Uint8Array, options: OpenOptions): ReadPlistResult {
  const file = options.file;
  try {
    return readPlist(bytes, { file, positions: options.positions });
  } catch (error) {
    if (error instanceof PlistError && error.file === undefined && file !== undefined) throw error.withFile(file);
    throw error;
  }
}
