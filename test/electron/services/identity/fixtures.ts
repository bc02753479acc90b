// Keys, certificates and PKCS#12 files made with openssl in a temporary folder, for the
// identity tests. Nothing here is committed: every run makes fresh keys.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { expect } from 'vitest';

import { IdentityError } from '../../../../electron/services/identity/errors.ts';
import { parseAsn1 } from '../../../../shared/asn1/reader.ts';
import { derExplicit, derInteger, derOctetString, derOid, derSequence } from '../../../../shared/asn1/writer.ts';
import { OID_DATA } from '../../../../shared/asn1/oids.ts';

/** Runs `run`, expects it to raise an IdentityError, and returns that error. */
export function catchIdentityError(run: () => unknown): IdentityError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(IdentityError);
  return caught as IdentityError;
}

export type KeySpec = 'rsa2048' | 'rsa4096' | 'p256' | 'p384' | 'ed25519';

export interface Issued {
  readonly keyPath: string;
  readonly certPath: string;
  readonly key: Buffer;
  readonly cert: Buffer;
}

/** A temporary folder with openssl helpers; call `remove()` when done. */
export class OpensslWorkspace {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'identity-test-'));

  /** Runs openssl in the folder and returns its standard output. */
  run(args: readonly string[], input?: string | Buffer): Buffer {
    return execFileSync('openssl', args, { cwd: this.dir, input, stdio: ['pipe', 'pipe', 'pipe'] });
  }

  path(name: string): string {
    return path.join(this.dir, name);
  }

  read(name: string): Buffer {
    return readFileSync(this.path(name));
  }

  write(name: string, content: string | Buffer): string {
    writeFileSync(this.path(name), content);
    return this.path(name);
  }

  /** Makes a private key (PKCS#8 PEM) named `name`.key. */
  makeKey(name: string, spec: KeySpec): string {
    const options: Record<KeySpec, string[]> = {
      rsa2048: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
      rsa4096: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:4096'],
      p256: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
      p384: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
      ed25519: ['-algorithm', 'ED25519'],
    };
    const keyPath = this.path(`${name}.key`);
    this.run(['genpkey', ...options[spec], '-out', keyPath]);
    return keyPath;
  }

  /** Makes a self-signed CA certificate with a new key. */
  makeRoot(name: string, subject: string, spec: KeySpec = 'rsa2048'): Issued {
    const keyPath = this.makeKey(name, spec);
    const certPath = this.path(`${name}.pem`);
    this.run([
      'req', '-x509', '-new', '-key', keyPath, '-subj', subject, '-sha256', '-days', '3650', '-set_serial', '0x01',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', certPath,
    ]);
    return this.issued(keyPath, certPath);
  }

  /** Makes a certificate for a new key, issued by `issuer`; `ca` makes it an intermediate CA. */
  makeIssued(name: string, subject: string, issuer: Issued, options: { spec?: KeySpec; ca?: boolean; serial?: string; days?: number } = {}): Issued {
    const keyPath = this.makeKey(name, options.spec ?? 'rsa2048');
    const csrPath = this.path(`${name}.csr`);
    const certPath = this.path(`${name}.pem`);
    const extensions = options.ca
      ? 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n'
      : 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n';
    const extPath = this.write(`${name}.ext`, extensions);
    this.run(['req', '-new', '-key', keyPath, '-subj', subject, '-out', csrPath]);
    this.run([
      'x509', '-req', '-in', csrPath, '-CA', issuer.certPath, '-CAkey', issuer.keyPath, '-sha256',
      '-set_serial', options.serial ?? '0x1000', '-days', String(options.days ?? 825), '-extfile', extPath, '-out', certPath,
    ]);
    return this.issued(keyPath, certPath);
  }

  /** Makes a self-signed end-entity certificate (no CA) with a new key. */
  makeSelfSigned(name: string, subject: string, spec: KeySpec): Issued {
    const keyPath = this.makeKey(name, spec);
    const certPath = this.path(`${name}.pem`);
    this.run(['req', '-x509', '-new', '-key', keyPath, '-subj', subject, '-sha256', '-days', '365', '-set_serial', '0x2a', '-out', certPath]);
    return this.issued(keyPath, certPath);
  }

  /**
   * Exports a PKCS#12 file with `openssl pkcs12 -export`. `extra` carries options such as
   * `-legacy`, `-certpbe PBE-SHA1-3DES`, `-nomac` or `-certfile chain.pem`.
   */
  exportP12(name: string, leaf: Issued, passphrase: string, extra: readonly string[] = []): Buffer {
    const out = this.path(`${name}.p12`);
    this.run(['pkcs12', '-export', '-inkey', leaf.keyPath, '-in', leaf.certPath, '-passout', `pass:${passphrase}`, ...extra, '-out', out]);
    return readFileSync(out);
  }

  /** Returns what `openssl pkcs12 -info` prints about a file's MAC and bag encryption. */
  p12Info(name: string, passphrase: string): string {
    const result = spawnSync('openssl', ['pkcs12', '-in', this.path(`${name}.p12`), '-info', '-noout', '-legacy', '-passin', `pass:${passphrase}`], { cwd: this.dir, encoding: 'utf8' });
    return `${result.stdout}${result.stderr}`;
  }

  /** Returns openssl's SHA-256 fingerprint of a PEM certificate, lower-case hex without colons. */
  fingerprint(certPath: string): string {
    const text = this.run(['x509', '-in', certPath, '-noout', '-fingerprint', '-sha256']).toString('utf8');
    return text.trim().split('=')[1].replaceAll(':', '').toLowerCase();
  }

  /** Returns the subject as `openssl x509 -subject -nameopt RFC2253` prints it, without the `subject=` prefix. */
  subject(certPath: string): string {
    return this.run(['x509', '-in', certPath, '-noout', '-subject', '-nameopt', 'RFC2253']).toString('utf8').trim().replace(/^subject=/, '');
  }

  /** Returns the DER of a PEM certificate, converted by openssl. */
  der(certPath: string): Buffer {
    return this.run(['x509', '-in', certPath, '-outform', 'DER']);
  }

  /**
   * Joins the AuthenticatedSafe entries of several `-nomac` PKCS#12 files, in the order given,
   * into one PFX without a MAC. openssl always writes the key's certificate first; this makes
   * files where it is not.
   */
  spliceP12(name: string, parts: readonly Buffer[]): Buffer {
    const contentInfos = parts.flatMap((part) => {
      const authSafe = parseAsn1(part).children[1];
      const octets = authSafe.children[1].children[0].contents;
      return parseAsn1(octets).children.map((child) => child.raw);
    });
    const authenticatedSafe = derSequence(...contentInfos);
    const pfx = derSequence(derInteger(3n), derSequence(derOid(OID_DATA), derExplicit(0, derOctetString(authenticatedSafe))));
    this.write(`${name}.p12`, Buffer.from(pfx));
    return Buffer.from(pfx);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private issued(keyPath: string, certPath: string): Issued {
    return { keyPath, certPath, key: readFileSync(keyPath), cert: readFileSync(certPath) };
  }
}
