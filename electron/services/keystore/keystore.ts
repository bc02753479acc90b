// The app's identities (signing and decryption keys with their certificates) and the device
// certificates profiles are encrypted for.
//
// Keys stay in the main process: callers outside it get IdentitySummary and RecipientSummary,
// which carry certificate facts and an opaque id. The store is persisted only encrypted by the
// injected SecretCipher (Electron safeStorage in the app); without one it keeps everything for
// the session and `persistence()` reports that.

import { randomUUID } from 'node:crypto';
import { importIdentity, loadCertificates, type Identity, type ImportIdentityRequest } from '../identity/index.ts';
import { describeCertificate } from '../../../shared/cms/index.ts';
import { parseCertificate } from '../../../shared/x509/certificate.ts';
import { decodeBase64, decodeText, encodeBase64, encodeUtf8 } from '../../../shared/text/encoding.ts';
import type { KeystoreStorage, SecretCipher } from './secret-box.ts';
import { expiryStatus, type IdentitySummary, type Persistence, type RecipientSummary } from './summaries.ts';

export type { Persistence } from './summaries.ts';

export type KeystoreErrorCode = 'not-found' | 'unreadable-store' | 'storage-failed';

export class KeystoreError extends Error {
  override readonly name = 'KeystoreError';
  constructor(
    readonly code: KeystoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface KeystoreOptions {
  readonly cipher?: SecretCipher | null;
  readonly storage?: KeystoreStorage | null;
  readonly now?: () => Date;
  /** Receives one line per event; never key material or passphrases. */
  readonly log?: (line: string) => void;
}

interface StoredIdentity {
  readonly id: string;
  readonly source: string;
  readonly identity: Identity;
}

interface StoredRecipient {
  readonly id: string;
  readonly source: string;
  readonly der: Uint8Array;
}

/** Version 1 of the persisted JSON; it exists only encrypted. */
interface PersistedStore {
  readonly version: 1;
  readonly identities: readonly { id: string; source: string; key: string; certificate: string; chain: string[] }[];
  readonly recipients: readonly { id: string; source: string; certificate: string }[];
}

export class Keystore {
  private readonly identities = new Map<string, StoredIdentity>();
  private readonly recipients = new Map<string, StoredRecipient>();
  private readonly cipher: SecretCipher | null;
  private readonly storage: KeystoreStorage | null;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;

  constructor(options: KeystoreOptions = {}) {
    this.cipher = options.cipher ?? null;
    this.storage = options.storage ?? null;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
  }

  /** Returns where the store lives: encrypted on disk, or only for this session and why. */
  persistence(): Persistence {
    if (!this.storage) return { mode: 'session', reason: 'no storage was configured' };
    if (!this.cipher?.isAvailable()) {
      return { mode: 'session', reason: 'this system offers no protected storage (such as the keychain), so identities are kept for this session only' };
    }
    return { mode: 'encrypted' };
  }

  /** Loads the persisted store, if any. A store that cannot be decrypted is reported, not deleted. */
  async open(): Promise<void> {
    if (this.persistence().mode !== 'encrypted') return;
    const bytes = await this.storage!.load();
    if (!bytes) return;

    let stored: PersistedStore;
    try {
      stored = JSON.parse(decodeText(this.cipher!.decrypt(bytes), 'utf-8')) as PersistedStore;
    } catch (error) {
      throw new KeystoreError('unreadable-store', 'The saved identities cannot be decrypted (the system keychain may have changed). Import them again; the old file is left in place.', { cause: error });
    }

    for (const entry of stored.identities) {
      const identity = importIdentity({ certPem: bytesOf(entry.certificate), keyPem: bytesOf(entry.key), chain: entry.chain.map(bytesOf), file: entry.source });
      this.identities.set(entry.id, { id: entry.id, source: entry.source, identity });
    }
    for (const entry of stored.recipients) this.recipients.set(entry.id, { id: entry.id, source: entry.source, der: bytesOf(entry.certificate) });
    this.log(`keystore opened: ${this.identities.size} identities, ${this.recipients.size} recipients`);
  }

  /**
   * Imports an identity. Raises IdentityError (wrong passphrase, no matching certificate, ...)
   * before anything is stored, so a failed import leaves the store as it was. Importing the
   * same certificate again returns the existing entry.
   */
  async importIdentity(request: ImportIdentityRequest & { readonly file: string }): Promise<IdentitySummary> {
    const identity = importIdentity(request);
    const fingerprint = identity.description.sha256;
    const existing = [...this.identities.values()].find((entry) => entry.identity.description.sha256 === fingerprint);
    if (existing) return this.summarizeIdentity(existing);

    const entry = { id: randomUUID(), source: request.file, identity };
    this.identities.set(entry.id, entry);
    await this.persist();
    this.log(`identity imported: id ${entry.id}, subject ${identity.description.subject}, from ${request.file}`);
    return this.summarizeIdentity(entry);
  }

  listIdentities(): IdentitySummary[] {
    return [...this.identities.values()].map((entry) => this.summarizeIdentity(entry));
  }

  async removeIdentity(id: string): Promise<void> {
    if (!this.identities.delete(id)) throw notFound('identity', id);
    await this.persist();
    this.log(`identity removed: id ${id}`);
  }

  /** Returns the identity with its private key, for services in the main process only. */
  identity(id: string): Identity {
    const entry = this.identities.get(id);
    if (!entry) throw notFound('identity', id);
    return entry.identity;
  }

  /** Imports device certificates; each file may hold several. Bad files are reported and skipped. */
  async importRecipients(files: readonly { readonly file: string; readonly bytes: Uint8Array }[]): Promise<{ added: RecipientSummary[]; failures: { file: string; message: string }[] }> {
    const added: RecipientSummary[] = [];
    const failures: { file: string; message: string }[] = [];
    const known = new Set([...this.recipients.values()].map((entry) => describeCertificate(parseCertificate(entry.der)).sha256));

    for (const { file, bytes } of files) {
      try {
        for (const der of loadCertificates(bytes, file)) {
          const summary = describeCertificate(parseCertificate(der));
          if (known.has(summary.sha256)) continue;
          known.add(summary.sha256);
          const entry = { id: randomUUID(), source: file, der };
          this.recipients.set(entry.id, entry);
          added.push(this.summarizeRecipient(entry));
        }
      } catch (error) {
        failures.push({ file, message: error instanceof Error ? error.message : String(error) });
      }
    }

    if (added.length > 0) await this.persist();
    this.log(`recipients imported: ${added.length} added, ${failures.length} files failed`);
    return { added, failures };
  }

  listRecipients(): RecipientSummary[] {
    return [...this.recipients.values()].map((entry) => this.summarizeRecipient(entry));
  }

  async removeRecipient(id: string): Promise<void> {
    if (!this.recipients.delete(id)) throw notFound('recipient', id);
    await this.persist();
  }

  /** Returns the DER certificate of each recipient id, in the order given. */
  recipientCertificates(ids: readonly string[]): Uint8Array[] {
    return ids.map((id) => {
      const entry = this.recipients.get(id);
      if (!entry) throw notFound('recipient', id);
      return entry.der;
    });
  }

  private summarizeIdentity(entry: StoredIdentity): IdentitySummary {
    const { chain, notes, ...certificate } = entry.identity.description;
    return { id: entry.id, source: entry.source, certificate, chain, expiry: expiryStatus(certificate, this.now()), notes };
  }

  private summarizeRecipient(entry: StoredRecipient): RecipientSummary {
    const parsed = parseCertificate(entry.der);
    const certificate = describeCertificate(parsed);
    const unusable = parsed.publicKeyAlgorithm.kind === 'rsa' ? undefined : `its ${certificate.keyType} key cannot receive encrypted profiles: Apple devices unwrap only RSA key transport`;
    return { id: entry.id, source: entry.source, certificate, expiry: expiryStatus(certificate, this.now()), ...(unusable ? { unusable } : {}) };
  }

  private async persist(): Promise<void> {
    if (this.persistence().mode !== 'encrypted') return;

    const stored: PersistedStore = {
      version: 1,
      identities: [...this.identities.values()].map((entry) => ({
        id: entry.id,
        source: entry.source,
        key: encodeBase64(new Uint8Array(entry.identity.privateKey.export({ format: 'der', type: 'pkcs8' }))),
        certificate: encodeBase64(entry.identity.certificate),
        chain: entry.identity.chain.map(encodeBase64),
      })),
      recipients: [...this.recipients.values()].map((entry) => ({ id: entry.id, source: entry.source, certificate: encodeBase64(entry.der) })),
    };

    try {
      await this.storage!.save(this.cipher!.encrypt(encodeUtf8(JSON.stringify(stored))));
    } catch (error) {
      throw new KeystoreError('storage-failed', `The identities could not be saved: ${error instanceof Error ? error.message : String(error)}. They stay available for this session.`, { cause: error });
    }
  }
}

function bytesOf(base64: string): Uint8Array {
  const bytes = decodeBase64(base64);
  if (!bytes) throw new KeystoreError('unreadable-store', 'The saved identities are damaged (invalid base64). Import them again.');
  return bytes;
}

function notFound(kind: 'identity' | 'recipient', id: string): KeystoreError {
  return new KeystoreError('not-found', `No ${kind} with id ${id}; it may have been removed. Refresh the list and choose again.`);
}
