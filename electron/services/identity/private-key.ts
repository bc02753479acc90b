// Reading private keys from PEM or DER files with Node's crypto.
//
// Node (OpenSSL 3) reads PKCS#1 (`RSA PRIVATE KEY`), SEC1 (`EC PRIVATE KEY`), PKCS#8
// (`PRIVATE KEY`), encrypted PKCS#8 (`ENCRYPTED PRIVATE KEY`) and legacy OpenSSL-encrypted
// PEM (`Proc-Type: 4,ENCRYPTED`). This module finds the key blocks, decides whether a
// passphrase is needed, and turns Node's OpenSSL errors into IdentityErrors.

import { createPrivateKey, type KeyObject } from 'node:crypto';

import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { parseAsn1, type Asn1Node } from '../../../shared/asn1/reader.ts';
import { TAG_OCTET_STRING, TAG_SEQUENCE } from '../../../shared/asn1/tags.ts';
import { childAt, expectSequence, hasTag } from '../../../shared/asn1/values.ts';
import { parseEncryptionScheme } from '../../../shared/pkcs12/encryption-scheme.ts';
import { Pkcs12Error } from '../../../shared/pkcs12/errors.ts';
import { looksLikePkcs12 } from './certificates.ts';
import { IdentityError } from './errors.ts';
import { looksLikePem, parsePemBlocks, type PemBlock } from './pem.ts';

/** PEM labels of private keys Node can read; `EC PARAMETERS` blocks before a SEC1 key are skipped. */
const KEY_LABELS: ReadonlySet<string> = new Set(['PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY']);

/**
 * Returns every private key in `bytes` (PEM with one or more key blocks, or a single DER key).
 * Raises IdentityError 'passphrase-required' for an encrypted key without `passphrase`,
 * 'wrong-passphrase' when decryption fails, and 'malformed' when no key can be read.
 */
export function loadPrivateKeys(bytes: Uint8Array, passphrase: string | undefined, file: string): KeyObject[] {
  if (!looksLikePem(bytes)) return [privateKeyFromDer(bytes, passphrase, file)];

  const blocks = parsePemBlocks(Buffer.from(bytes).toString('utf8'), (problem, line) => {
    throw new IdentityError('malformed', `${file}:${line}: ${problem}.`, { file });
  });
  const keyBlocks = blocks.filter((block) => KEY_LABELS.has(block.label));
  if (keyBlocks.length === 0) {
    const labels = [...new Set(blocks.map((block) => block.label))];
    const found = labels.length === 0 ? 'no PEM blocks' : `only ${labels.join(', ')} blocks`;
    throw new IdentityError('no-private-key', `${file} contains no private key (${found}). Give the key file with --key, or a .p12 with --identity.`, { file });
  }
  return keyBlocks.map((block) => privateKeyFromPem(block, passphrase, file));
}

/** True when `bytes` is PEM text with at least one private key block. */
export function containsPemPrivateKey(bytes: Uint8Array): boolean {
  if (!looksLikePem(bytes)) return false;
  const text = Buffer.from(bytes).toString('utf8');
  return [...KEY_LABELS].some((label) => text.includes(`-----BEGIN ${label}-----`));
}

function privateKeyFromPem(block: PemBlock, passphrase: string | undefined, file: string): KeyObject {
  const where = `${file}:${block.line}`;
  const encrypted = block.label === 'ENCRYPTED PRIVATE KEY' || (block.headers.get('Proc-Type') ?? '').includes('ENCRYPTED');
  if (encrypted && passphrase === undefined) {
    throw new IdentityError('passphrase-required', `The private key in ${where} is encrypted; a passphrase is needed.`, { file });
  }
  if (block.der === null) throw new IdentityError('malformed', `${where}: the ${block.label} block is not valid base64.`, { file });
  if (block.label === 'ENCRYPTED PRIVATE KEY') checkKeyDerivationCost(block.der, where, file);

  try {
    return createPrivateKey({ key: block.text, format: 'pem', ...(encrypted && { passphrase }) });
  } catch (error) {
    throw explainKeyError(error, encrypted, where, file);
  }
}

// DER has no label, so try the encodings in turn: PKCS#8 (plain or encrypted), PKCS#1, SEC1.
function privateKeyFromDer(bytes: Uint8Array, passphrase: string | undefined, file: string): KeyObject {
  const key = Buffer.from(bytes);
  const attempts: { type: 'pkcs8' | 'pkcs1' | 'sec1'; passphrase?: string }[] = [{ type: 'pkcs8' }, { type: 'pkcs1' }, { type: 'sec1' }];
  if (passphrase !== undefined) {
    checkKeyDerivationCost(bytes, file, file);
    attempts.unshift({ type: 'pkcs8', passphrase });
  }

  let lastError: unknown;
  for (const attempt of attempts) {
    try {
      return createPrivateKey({ key, format: 'der', ...attempt });
    } catch (error) {
      lastError = error;
    }
  }
  if (looksLikePkcs12(bytes)) {
    throw new IdentityError('malformed', `${file} is a PKCS#12 file, not a private key. Pass it as the identity (--identity) instead.`, { file });
  }
  if (passphrase !== undefined) throw explainKeyError(lastError, true, file, file);
  throw new IdentityError(
    'malformed',
    `${file} is not a private key in PEM or DER (PKCS#8, PKCS#1 or SEC1). If it is an encrypted DER key, give its passphrase.`,
    { file, cause: lastError },
  );
}

/**
 * Checks the encryption scheme of an encrypted PKCS#8 key (EncryptedPrivateKeyInfo) before
 * OpenSSL decrypts it, because OpenSSL runs whatever key derivation the file names: 2^31 PBKDF2
 * iterations, or a negative count, stall the import for minutes. Raises IdentityError
 * 'limit-exceeded' above MAX_ITERATIONS, 'unsupported-algorithm' for schemes this check cannot
 * bound (scrypt, PBES1), and 'malformed' for unreadable parameters. DER that is not shaped like
 * an EncryptedPrivateKeyInfo is left to OpenSSL.
 */
function checkKeyDerivationCost(der: Uint8Array, where: string, file: string): void {
  let algorithm: Asn1Node;
  try {
    const fields = expectSequence(parseAsn1(der, { allowTrailing: true }), 'EncryptedPrivateKeyInfo');
    algorithm = childAt(fields, 0, 'EncryptedPrivateKeyInfo.encryptionAlgorithm');
    if (fields.length !== 2 || !hasTag(algorithm, 'universal', TAG_SEQUENCE) || !hasTag(fields[1], 'universal', TAG_OCTET_STRING)) return;
  } catch (error) {
    if (error instanceof Asn1Error) return;
    throw error;
  }

  try {
    parseEncryptionScheme(algorithm, 'EncryptedPrivateKeyInfo.encryptionAlgorithm');
  } catch (error) {
    if (error instanceof Pkcs12Error && error.code === 'limit-exceeded') {
      throw new IdentityError('limit-exceeded', `${where}: the encrypted private key's ${error.message}; it is not decrypted, to avoid a long stall.`, { file, cause: error });
    }
    if (error instanceof Pkcs12Error && error.code === 'unsupported-algorithm') {
      throw new IdentityError('unsupported-algorithm', `${where}: the private key is encrypted with a scheme that is not supported (${error.message}). Encrypt it again with \`openssl pkcs8 -topk8 -v2 aes-256-cbc\`.`, { file, oid: error.oid, cause: error });
    }
    if (error instanceof Asn1Error || error instanceof Pkcs12Error) {
      throw new IdentityError('malformed', `${where}: the encryption parameters of the private key are invalid (${error.message}).`, { file, cause: error });
    }
    throw error;
  }
}

function explainKeyError(error: unknown, encrypted: boolean, where: string, file: string): IdentityError {
  const code = (error as { code?: string }).code ?? '';
  // A wrong passphrase either fails the padding check (bad decrypt) or, about one time in
  // 256, decrypts to bytes that are not a key. Both cases get the same message.
  if (encrypted) {
    return new IdentityError('wrong-passphrase', `Wrong passphrase for ${where} (or the key is damaged): the private key could not be decrypted.`, { file, cause: error });
  }
  // OpenSSL's decoders report "unsupported" both for damaged keys and for unknown key types.
  const reason = code === 'ERR_OSSL_UNSUPPORTED' ? 'it is damaged or of a key type OpenSSL does not support' : (error as Error).message;
  return new IdentityError('malformed', `${where}: the private key cannot be read (${reason}).`, { file, cause: error });
}
