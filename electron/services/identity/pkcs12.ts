// Reading the keys and certificates of a PKCS#12 (.p12/.pfx) file.
//
// Steps: parse the PFX wrapper, check the MAC with the passphrase, decrypt each SafeContents,
// then decrypt the shrouded key bags and hand the PKCS#8 keys to Node. The MAC comes first so
// that a wrong passphrase is reported as such before anything is decrypted.

import { createPrivateKey, type KeyObject } from 'node:crypto';

import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { Pkcs12Error } from '../../../shared/pkcs12/errors.ts';
import { parseAuthenticatedSafe, parsePfx, type Pfx } from '../../../shared/pkcs12/pfx.ts';
import { parseSafeContents, type BagAttributes, type SafeBag } from '../../../shared/pkcs12/safe-bags.ts';
import { IdentityError, type IdentityErrorCode } from './errors.ts';
import { decryptWithScheme, passwordEncodings, verifyMac, type PasswordEncoding } from './pkcs12-decrypt.ts';
import type { PasswordEncryptionScheme } from '../../../shared/pkcs12/encryption-scheme.ts';

/** Largest PKCS#12 file read; identity files are a few KiB. */
export const MAX_PKCS12_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Most key-derivation iterations one import may spend, all MAC checks and decryptions
 * together. A file made by OpenSSL 3 defaults needs about 6,000. The bound stops a file with
 * many bags at the per-value iteration limit from running for minutes.
 */
export const MAX_TOTAL_ITERATIONS = 4_000_000;

export interface Pkcs12Key {
  readonly key: KeyObject;
  readonly attributes: BagAttributes;
}

export interface Pkcs12Certificate {
  readonly der: Uint8Array;
  readonly attributes: BagAttributes;
}

export interface Pkcs12Contents {
  readonly keys: Pkcs12Key[];
  readonly certificates: Pkcs12Certificate[];
  /** Facts the user may want to know: a missing MAC, bags that were skipped. */
  readonly notes: string[];
}

/**
 * Reads all private keys and certificates of a PKCS#12 file. With `passphrase` undefined the
 * empty passphrase is tried, and failure raises 'passphrase-required' instead of
 * 'wrong-passphrase'. Every failure is an IdentityError naming `file`.
 */
export function readPkcs12(bytes: Uint8Array, passphrase: string | undefined, file: string, maxTotalIterations = MAX_TOTAL_ITERATIONS): Pkcs12Contents {
  if (bytes.length > MAX_PKCS12_FILE_BYTES) {
    throw new IdentityError('limit-exceeded', `${file} is ${bytes.length} bytes, more than the ${MAX_PKCS12_FILE_BYTES} bytes a PKCS#12 file may have.`, { file });
  }
  return withStructureErrors(file, () => {
    const pfx = parsePfx(bytes);
    const notes: string[] = [];
    const badPassphrase = (): IdentityError => passphraseError(passphrase, file);
    const budget = new IterationBudget(file, maxTotalIterations);

    // The MAC shows which passphrase encoding is right. Without a MAC, every encoding is tried.
    const encodings = orderEncodings(pfx, passwordEncodings(passphrase), budget, badPassphrase);
    const macVerified = pfx.mac !== null;
    if (!macVerified) notes.push(`${file} has no MAC, so its integrity was not checked.`);

    const bags: SafeBag[] = [];
    parseAuthenticatedSafe(pfx.authenticatedSafe).forEach((info, index) => {
      const structure = `AuthenticatedSafe[${index}]`;
      if (info.kind === 'plain') {
        bags.push(...parseSafeContents(info.safeContents, structure));
        return;
      }
      const decrypted = decryptAny(info.scheme, info.encryptedContent, encodings, budget, (plaintext) => parseSafeContents(plaintext, structure));
      if (decrypted === null) throw macVerified ? damaged(file, 'a certificate or key container') : badPassphrase();
      bags.push(...decrypted);
    });

    const keys: Pkcs12Key[] = [];
    const certificates: Pkcs12Certificate[] = [];
    bags.forEach((bag, index) => {
      switch (bag.type) {
        case 'key':
          keys.push({ key: privateKeyFromPkcs8(bag.privateKeyInfo, file, index), attributes: bag.attributes });
          break;
        case 'shrouded-key': {
          const key = decryptAny(bag.scheme, bag.encryptedData, encodings, budget, (plaintext) => privateKeyFromPkcs8(plaintext, file, index));
          if (key === null) throw macVerified ? damaged(file, 'the private key') : badPassphrase();
          keys.push({ key, attributes: bag.attributes });
          break;
        }
        case 'certificate':
          certificates.push({ der: bag.certificate, attributes: bag.attributes });
          break;
        case 'other':
          notes.push(`${file}: ignored ${bag.description}, which identity import does not use.`);
          break;
        default:
          assertNeverBag(bag);
      }
    });
    return { keys, certificates, notes };
  });
}

/** Puts the MAC-verified encoding first, or raises when no encoding verifies the MAC. */
function orderEncodings(pfx: Pfx, encodings: PasswordEncoding[], budget: IterationBudget, badPassphrase: () => IdentityError): PasswordEncoding[] {
  if (pfx.mac === null) return encodings;
  const mac = pfx.mac;
  const verified = encodings.find((encoding) => {
    budget.spend(mac.iterations);
    return verifyMac(mac, pfx.authenticatedSafe, encoding);
  });
  if (verified === undefined) throw badPassphrase();
  return [verified, ...encodings.filter((encoding) => encoding !== verified)];
}

/**
 * Decrypts with each encoding in turn and returns the first result that `interpret` accepts.
 * A wrong key can yield valid padding by chance, so garbage that fails to parse counts as
 * "did not decrypt" too. Returns null when no encoding works.
 */
function decryptAny<T>(scheme: PasswordEncryptionScheme, ciphertext: Uint8Array, encodings: PasswordEncoding[], budget: IterationBudget, interpret: (plaintext: Uint8Array) => T): T | null {
  for (const encoding of encodings) {
    // The PKCS#12 PBE schemes run the KDF twice, once for the key and once for the IV.
    budget.spend(scheme.kind === 'pkcs12-pbe' ? 2 * scheme.iterations : scheme.iterations);
    const plaintext = decryptWithScheme(scheme, ciphertext, encoding);
    if (plaintext === null) continue;
    try {
      return interpret(plaintext);
    } catch (error) {
      if (error instanceof Asn1Error || (error instanceof IdentityError && error.code === 'malformed')) continue;
      throw error;
    }
  }
  return null;
}

/** Counts key-derivation iterations against a total. */
class IterationBudget {
  private spent = 0;

  constructor(
    private readonly file: string,
    private readonly limit: number,
  ) {}

  spend(iterations: number): void {
    this.spent += iterations;
    if (this.spent > this.limit) {
      throw new IdentityError(
        'limit-exceeded',
        `${this.file} needs more than ${this.limit} key-derivation iterations in total, so it is not opened (to avoid a long stall).`,
        { file: this.file },
      );
    }
  }
}

function privateKeyFromPkcs8(der: Uint8Array, file: string, bagIndex: number): KeyObject {
  try {
    return createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
  } catch (error) {
    throw new IdentityError('malformed', `${file}: the private key in bag ${bagIndex} cannot be read (${(error as Error).message}).`, { file, cause: error });
  }
}

function passphraseError(passphrase: string | undefined, file: string): IdentityError {
  if (passphrase === undefined) {
    return new IdentityError('passphrase-required', `${file} is protected by a passphrase. Give the passphrase to open the file.`, { file });
  }
  return new IdentityError('wrong-passphrase', `Wrong passphrase for ${file}: the integrity check failed. Check the passphrase and try again (if it is right, the file is damaged).`, { file });
}

function damaged(file: string, part: string): IdentityError {
  return new IdentityError('malformed', `${file}: ${part} cannot be decrypted although the passphrase is right, so the file is damaged.`, { file });
}

/** Runs `read`, turning structure errors from the shared parsers into IdentityErrors naming `file`. */
function withStructureErrors<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof Asn1Error) {
      throw new IdentityError('malformed', `${file} is not a valid PKCS#12 file: ${error.message}.`, { file, cause: error });
    }
    if (error instanceof Pkcs12Error) {
      const codes: Record<Pkcs12Error['code'], IdentityErrorCode> = {
        'malformed': 'malformed',
        'unsupported-version': 'unsupported-algorithm',
        'unsupported-algorithm': 'unsupported-algorithm',
        'limit-exceeded': 'limit-exceeded',
      };
      throw new IdentityError(codes[error.code], `${file}: ${error.message}.`, { file, oid: error.oid, cause: error });
    }
    throw error;
  }
}

function assertNeverBag(bag: never): never {
  throw new Error(`Unexpected SafeBag: ${JSON.stringify(bag)}`);
}
