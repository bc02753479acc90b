// Profile-level encryption: the PayloadContent array becomes a CMS EnvelopedData stored as
// `<data>` under EncryptedPayloadContent; the other top-level keys stay readable and in order.

import { CmsError } from '../../../shared/cms/errors.ts';
import { isCmsContentInfo, unwrapSignedData } from '../../../shared/cms/index.ts';
import { PlistError, readPlist, writePlist } from '../../../shared/plist/index.ts';
import { data, dictGet, type PlistDict, type PlistFormat, type PlistValue } from '../../../shared/plist/model.ts';
import { decrypt, type DecryptIdentity } from './decrypt.ts';
import { encrypt, type EncryptOptions } from './encrypt.ts';
import { cmsBytes, parseOrThrow } from './input.ts';

const PAYLOAD_CONTENT = 'PayloadContent';
const ENCRYPTED_PAYLOAD_CONTENT = 'EncryptedPayloadContent';

export interface ProfileEncryptionOptions extends EncryptOptions {
  /** Named in error messages. */
  readonly file?: string;
  /** Format of the output plist; default the format of the input. */
  readonly format?: PlistFormat;
}

/** A profile read and checked once, ready to be encrypted for one set of recipients after another. */
export interface ProfileEncryptor {
  /** Encrypts the payloads to `recipients` (DER certificates) and returns the new profile bytes. */
  encryptFor(recipients: readonly Uint8Array[]): Uint8Array;
}

/**
 * Reads and checks a profile (XML or binary plist) once for many encryptions, such as one per
 * device, so that each encryption only builds the envelope and writes the profile. Raises
 * CmsError for a profile that is already encrypted or has no PayloadContent array, PlistError
 * for unreadable input.
 */
export function prepareProfileEncryption(profileBytes: Uint8Array, options: ProfileEncryptionOptions = {}): ProfileEncryptor {
  const { root, format } = readProfile(profileBytes, options.file);
  const where = options.file ? `${options.file}: ` : '';
  if (dictGet(root, ENCRYPTED_PAYLOAD_CONTENT) !== undefined) {
    throw new CmsError('invalid-argument', `${where}the profile is already encrypted (it has ${ENCRYPTED_PAYLOAD_CONTENT}); decrypt it first to encrypt it to other recipients`);
  }
  const payloads = dictGet(root, PAYLOAD_CONTENT);
  if (payloads?.kind !== 'array') {
    throw new CmsError('invalid-argument', `${where}the profile has no ${PAYLOAD_CONTENT} array to encrypt${payloads ? ` (it is a ${payloads.kind})` : ''}`);
  }

  // The payload array travels as its own XML plist document, which is what devices decrypt and parse.
  const plaintext = writePlist(payloads, 'xml');
  const outputFormat = options.format ?? format;
  return {
    encryptFor(recipients) {
      const envelope = encrypt(plaintext, recipients, options);
      return writePlist(replaceEntry(root, PAYLOAD_CONTENT, ENCRYPTED_PAYLOAD_CONTENT, data(envelope)), outputFormat);
    },
  };
}

/**
 * Encrypts the PayloadContent of a profile (XML or binary plist) to `recipients` (DER
 * certificates) and returns the new profile bytes. Raises CmsError for a profile that is
 * already encrypted or has no PayloadContent array, PlistError for unreadable input.
 */
export function encryptProfile(profileBytes: Uint8Array, recipients: readonly Uint8Array[], options: ProfileEncryptionOptions = {}): Uint8Array {
  return prepareProfileEncryption(profileBytes, options).encryptFor(recipients);
}

export interface ProfileDecryptionOptions {
  readonly file?: string;
  readonly format?: PlistFormat;
}

/**
 * Decrypts EncryptedPayloadContent with `identity` and returns the profile with PayloadContent
 * restored in its place. A signed profile is unwrapped first; its signature does not survive
 * decryption. Accepts a decrypted plist whose root is the payload array, or a dictionary with
 * a PayloadContent array.
 */
export function decryptProfile(profileBytes: Uint8Array, identity: DecryptIdentity, options: ProfileDecryptionOptions = {}): Uint8Array {
  const { root, format } = readProfile(unwrapIfSigned(profileBytes), options.file);
  const where = options.file ? `${options.file}: ` : '';
  const envelope = dictGet(root, ENCRYPTED_PAYLOAD_CONTENT);
  if (envelope === undefined) {
    throw new CmsError('invalid-argument', `${where}the profile is not encrypted (it has no ${ENCRYPTED_PAYLOAD_CONTENT})`);
  }
  if (envelope.kind !== 'data') {
    throw new CmsError('malformed', `${where}${ENCRYPTED_PAYLOAD_CONTENT} is a ${envelope.kind}, expected data holding CMS EnvelopedData`);
  }

  const plaintext = decrypt(envelope.value, identity);
  const payloads = payloadsFromPlaintext(plaintext, where);
  const decrypted = replaceEntry(root, ENCRYPTED_PAYLOAD_CONTENT, PAYLOAD_CONTENT, payloads);
  return writePlist(decrypted, options.format ?? format);
}

function readProfile(bytes: Uint8Array, file: string | undefined): { root: PlistDict; format: PlistFormat } {
  const result = readPlist(bytes, { file });
  if (result.value.kind !== 'dict') {
    throw new PlistError(`the profile root is a ${result.value.kind}, expected a dictionary`, { file });
  }
  return { root: result.value, format: result.format };
}

function unwrapIfSigned(bytes: Uint8Array): Uint8Array {
  const der = cmsBytes(bytes);
  if (!isCmsContentInfo(der)) return bytes;
  const { content } = parseOrThrow('the signed profile', () => unwrapSignedData(der));
  if (content === null) throw new CmsError('no-content', 'the signed profile has a detached signature; the profile itself is not in the file');
  return content;
}

function payloadsFromPlaintext(plaintext: Uint8Array, where: string): PlistValue {
  let value: PlistValue;
  try {
    value = readPlist(plaintext).value;
  } catch (error) {
    if (error instanceof PlistError) {
      throw new CmsError('malformed', `${where}the decrypted content is not a property list: ${error.message}`, { cause: error });
    }
    throw error;
  }
  if (value.kind === 'array') return value;
  if (value.kind === 'dict') {
    const inner = dictGet(value, PAYLOAD_CONTENT);
    if (inner?.kind === 'array') return inner;
  }
  throw new CmsError('malformed', `${where}the decrypted content is a ${value.kind} without a ${PAYLOAD_CONTENT} array; expected the payload array or a profile dictionary`);
}

/** Returns `root` with the entry `oldKey` replaced, in the same position, by `newKey` = `value`. */
function replaceEntry(root: PlistDict, oldKey: string, newKey: string, value: PlistValue): PlistDict {
  const entries = root.entries.map((entry) => (entry.key === oldKey ? { key: newKey, value } : entry));
  return { kind: 'dict', entries };
}
