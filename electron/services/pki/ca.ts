// The workbench's certificate authority: a self-signed root that issues device identities
// and the server's profile signer, kept as two PEM files in a folder.
//
// The CA key is RSA by default because SCEP clients encrypt their certificate request to the
// CA certificate, and Apple devices do that only with RSA key transport.

import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { bytesEqual } from '../../../shared/asn1/bytes.ts';
import { parseCertificate, type Certificate } from '../../../shared/x509/certificate.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { buildCertificate } from './certificate-builder.ts';
import { kindExtensions, type CertificateKind } from './certificate-kinds.ts';
import { PkiError } from './errors.ts';
import { authorityKeyIdentifier, basicConstraints, extendedKeyUsage, keyIdentifier, keyUsage, subjectAltName, subjectKeyIdentifier, type AlternativeNames } from './extensions.ts';
import { generateKeys, publicKeyInfoDer, type KeySpec } from './keys.ts';
import { encodeName, type NameEntry } from './names.ts';
import { decodePemOrDer, encodePem } from './pem.ts';

export const CA_CERTIFICATE_FILE = 'ca-certificate.pem';
export const CA_KEY_FILE = 'ca-key.pem';

/** Certificates start this long before "now", so that a device whose clock runs a little slow still accepts them. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CreateCaOptions {
  readonly subject?: readonly NameEntry[];
  /** Default RSA 2048. */
  readonly key?: KeySpec;
  /** Default 3650 days. */
  readonly validityDays?: number;
  /** The time validity starts from; default now. */
  readonly now?: Date;
}

export interface IssueOptions {
  readonly subject: readonly NameEntry[];
  /** The subject's SubjectPublicKeyInfo, DER (from a request or a key). */
  readonly publicKeyInfo: Uint8Array;
  readonly kind: CertificateKind;
  /** Default 365 days. */
  readonly validityDays?: number;
  readonly alternativeNames?: AlternativeNames;
  readonly now?: Date;
}

export interface IssuedCertificate {
  readonly der: Uint8Array;
  readonly certificate: Certificate;
}

export class CertificateAuthority {
  private readonly publicKey: KeyObject;

  constructor(
    readonly certificate: Certificate,
    readonly privateKey: KeyObject,
  ) {
    this.publicKey = createPublicKey({ key: Buffer.from(certificate.publicKeyInfoRaw), format: 'der', type: 'spki' });
    if (!new X509Certificate(certificate.raw).checkPrivateKey(privateKey)) {
      throw new PkiError('ca-unavailable', `the CA key does not belong to the CA certificate ${certificate.subject.display}`, { field: 'privateKey' });
    }
  }

  /** The CA certificate, DER. */
  get certificateDer(): Uint8Array {
    return this.certificate.raw;
  }

  /** Creates a new self-signed CA. */
  static async create(options: CreateCaOptions = {}): Promise<CertificateAuthority> {
    const keys = await generateKeys(options.key ?? { type: 'rsa', bits: 2048 });
    const now = options.now ?? new Date();
    const name = encodeName(options.subject ?? [['O', 'Mobileconfig Studio'], ['CN', 'Mobileconfig Studio Enrolment CA']]);
    const spki = publicKeyInfoDer(keys.publicKey);
    const identifier = keyIdentifier(spki);

    // digitalSignature and keyEncipherment too: the CA signs SCEP replies and decrypts SCEP requests with this key.
    const { certificate } = buildCertificate(
      {
        issuerName: name,
        subjectName: name,
        publicKeyInfo: spki,
        notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
        notAfter: new Date(now.getTime() + (options.validityDays ?? 3650) * DAY_MS),
        extensions: [
          basicConstraints(true),
          keyUsage(['digitalSignature', 'keyEncipherment', 'keyCertSign', 'cRLSign']),
          subjectKeyIdentifier(identifier),
          authorityKeyIdentifier(identifier),
        ],
      },
      keys.privateKey,
    );
    return new CertificateAuthority(certificate, keys.privateKey);
  }

  /** Loads the CA from `folder`. Raises PkiError 'ca-unavailable' naming the file that is missing or unreadable. */
  static async load(folder: string): Promise<CertificateAuthority> {
    const certificateFile = path.join(folder, CA_CERTIFICATE_FILE);
    const keyFile = path.join(folder, CA_KEY_FILE);
    const certificateBytes = await readCaFile(certificateFile);
    const keyBytes = await readCaFile(keyFile);
    let certificate: Certificate;
    let privateKey: KeyObject;
    try {
      certificate = parseCertificate(decodePemOrDer(certificateBytes, 'CERTIFICATE', certificateFile));
    } catch (error) {
      throw new PkiError('ca-unavailable', `${certificateFile} is not a valid certificate: ${(error as Error).message}`, { file: certificateFile, cause: error });
    }
    try {
      privateKey = createPrivateKey(Buffer.from(keyBytes));
    } catch (error) {
      throw new PkiError('ca-unavailable', `${keyFile} is not a readable unencrypted private key: ${(error as Error).message}`, { file: keyFile, cause: error });
    }
    return new CertificateAuthority(certificate, privateKey);
  }

  /** Loads the CA from `folder`, or creates one there when the folder has no CA certificate yet. */
  static async loadOrCreate(folder: string, options: CreateCaOptions = {}): Promise<{ ca: CertificateAuthority; created: boolean }> {
    try {
      return { ca: await CertificateAuthority.load(folder), created: false };
    } catch (error) {
      if (!(error instanceof PkiError && error.code === 'ca-unavailable' && (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')) throw error;
    }
    const ca = await CertificateAuthority.create(options);
    await ca.save(folder);
    return { ca, created: true };
  }

  /**
   * Writes the certificate and the key (PKCS #8 PEM, mode 0600) to `folder`.
   * NOTE: the key is stored unencrypted, which suits a test workbench only; protect the folder.
   */
  async save(folder: string): Promise<void> {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await writeFileAtomic(path.join(folder, CA_KEY_FILE), Buffer.from(this.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string), { mode: 0o600 });
    await writeFileAtomic(path.join(folder, CA_CERTIFICATE_FILE), Buffer.from(encodePem('CERTIFICATE', this.certificate.raw)));
  }

  /** Issues a certificate for the public key given, signed by this CA. */
  issue(options: IssueOptions): IssuedCertificate {
    const now = options.now ?? new Date();
    const extensions = kindExtensions(options.kind);
    const list = [
      basicConstraints(false),
      keyUsage(extensions.keyUsage),
      extendedKeyUsage(extensions.extendedKeyUsage),
      subjectKeyIdentifier(keyIdentifier(options.publicKeyInfo)),
      authorityKeyIdentifier(this.certificate.subjectKeyIdentifier ?? keyIdentifier(this.certificate.publicKeyInfoRaw)),
    ];
    if (options.alternativeNames) list.push(subjectAltName(options.alternativeNames));

    const notAfter = new Date(Math.min(now.getTime() + (options.validityDays ?? 365) * DAY_MS, this.certificate.notAfter.getTime()));
    return buildCertificate(
      {
        issuerName: this.certificate.subjectRaw,
        subjectName: encodeName(options.subject),
        publicKeyInfo: options.publicKeyInfo,
        notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
        notAfter,
        extensions: list,
      },
      this.privateKey,
    );
  }

  /** True when this CA's key signed `certificate` and its issuer name is this CA's subject. */
  issued(certificate: Certificate): boolean {
    if (!bytesEqual(certificate.issuerRaw, this.certificate.subjectRaw)) return false;
    try {
      return new X509Certificate(certificate.raw).verify(this.publicKey);
    } catch {
      return false;
    }
  }
}

async function readCaFile(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? (error as Error).message})`;
    throw new PkiError('ca-unavailable', `${file} ${reason}; create the CA with 'mobileconfig enrolment serve --dir FOLDER' or restore the file`, { file, cause: error });
  }
}

/** Creates a self-signed certificate for a key, as a device makes for itself (phase 1, or as SCEP's temporary signer). */
export function selfSignedCertificate(privateKey: KeyObject, subject: readonly NameEntry[], validityDays: number, now = new Date()): IssuedCertificate {
  const name = encodeName(subject);
  const spki = publicKeyInfoDer(privateKey);
  const extensions = kindExtensions('device-identity');
  return buildCertificate(
    {
      issuerName: name,
      subjectName: name,
      publicKeyInfo: spki,
      notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
      notAfter: new Date(now.getTime() + validityDays * DAY_MS),
      extensions: [basicConstraints(false), keyUsage(extensions.keyUsage), extendedKeyUsage(extensions.extendedKeyUsage), subjectKeyIdentifier(keyIdentifier(spki))],
    },
    privateKey,
  );
}
