// A throw-away PKI made by the openssl command line, for X.509 and CMS tests.
//
// Every test file that needs certificates calls `makePki()` once (in beforeAll). The keys and
// certificates live in a fresh temporary folder, which `cleanup()` removes. openssl is the
// independent source: tests compare what the project's code reads against what openssl prints.

import { execFileSync } from 'node:child_process';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PkiEntity {
  /** Base name of the files: `<name>.pem`, `<name>.der`, `<name>.key`. */
  readonly name: string;
  readonly certPath: string;
  readonly keyPath: string;
  readonly der: Uint8Array;
  readonly privateKey: KeyObject;
}

export interface Pki {
  readonly dir: string;
  /** Self-signed RSA 2048 root CA. */
  readonly root: PkiEntity;
  /** EC P-384 intermediate CA issued by the root. */
  readonly intermediate: PkiEntity;
  /** RSA 2048 leaf issued by the intermediate, subject with UTF-8 and a multi-valued RDN. */
  readonly leafRsa: PkiEntity;
  /** EC P-256 leaf issued by the intermediate. */
  readonly leafEc: PkiEntity;
  /** EC P-384 leaf issued by the intermediate. */
  readonly leafEc384: PkiEntity;
  /** RSA leaf issued by the intermediate, valid 2020-01-01 to 2021-01-01. */
  readonly expired: PkiEntity;
  /** RSA leaf issued by the intermediate that expires in 10 days. */
  readonly expiringSoon: PkiEntity;
  /** Self-signed RSA certificate, like a device identity used as an encryption recipient. */
  readonly device: PkiEntity;
  /** Runs openssl in the PKI folder and returns its standard output. */
  openssl(args: readonly string[], input?: Uint8Array): Buffer;
  /** Writes bytes to a file in the PKI folder and returns its path. */
  write(name: string, bytes: Uint8Array | string): string;
  cleanup(): void;
}

const EXTENSIONS = `
[ca_ext]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[leaf_ext]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = emailProtection, codeSigning
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
`;

// `openssl ca` is the way OpenSSL 3.0 sets explicit past validity dates (-startdate / -enddate).
const CA_CONFIG = `
[ca]
default_ca = ca_default
[ca_default]
database = index.txt
new_certs_dir = .
serial = serial.txt
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
x509_extensions = leaf_ext
[policy_any]
commonName = supplied
${EXTENSIONS}
`;

/** Creates the PKI. Takes a few seconds: it generates eight keys. */
export function makePki(): Pki {
  const dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-pki-'));
  const openssl = (args: readonly string[], input?: Uint8Array): Buffer => runOpenssl(dir, args, input);
  writeFileSync(path.join(dir, 'ext.cnf'), EXTENSIONS);
  writeFileSync(path.join(dir, 'ca.cnf'), CA_CONFIG);
  writeFileSync(path.join(dir, 'index.txt'), '');
  writeFileSync(path.join(dir, 'serial.txt'), '7001\n');

  const newKey = (name: string, key: string): void => {
    const options = key === 'rsa' ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'] : ['-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${key}`];
    openssl(['genpkey', ...options, '-out', `${name}.key`]);
  };
  const finish = (name: string): PkiEntity => {
    openssl(['x509', '-in', `${name}.pem`, '-outform', 'DER', '-out', `${name}.der`]);
    return {
      name,
      certPath: path.join(dir, `${name}.pem`),
      keyPath: path.join(dir, `${name}.key`),
      der: new Uint8Array(readFileSync(path.join(dir, `${name}.der`))),
      privateKey: createPrivateKey(readFileSync(path.join(dir, `${name}.key`))),
    };
  };
  const selfSigned = (name: string, key: string, subject: string, extensions: string, serial: string): PkiEntity => {
    newKey(name, key);
    openssl(['req', '-new', '-x509', '-utf8', '-key', `${name}.key`, '-subj', subject, '-days', '3650', '-set_serial', serial, '-config', 'ext.cnf', '-extensions', extensions, '-out', `${name}.pem`]);
    return finish(name);
  };
  const issued = (name: string, key: string, subject: string, issuer: string, extensions: string, serial: string, days = '365'): PkiEntity => {
    newKey(name, key);
    openssl(['req', '-new', '-utf8', '-key', `${name}.key`, '-subj', subject, '-out', `${name}.csr`]);
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-set_serial', serial, '-days', days, '-extfile', 'ext.cnf', '-extensions', extensions, '-out', `${name}.pem`]);
    return finish(name);
  };

  const root = selfSigned('root', 'rsa', '/C=FR/O=Mobileconfig Test/CN=Test Root CA', 'ca_ext', '0x01');
  const intermediate = issued('intermediate', 'P-384', '/C=FR/O=Mobileconfig Test/CN=Test Intermediate CA', 'root', 'ca_ext', '0x0a1b', '3000');
  const leafRsa = issued('leaf-rsa', 'rsa', '/C=FR/ST=Île-de-France/O=Exämple\\, Inc./OU=Devices+UID=42/CN=Résumé Signer', 'intermediate', 'leaf_ext', '0x9c00aa55');
  const leafEc = issued('leaf-ec', 'P-256', '/C=FR/O=Mobileconfig Test/CN=EC Signer', 'intermediate', 'leaf_ext', '0x00112233445566778899');
  const leafEc384 = issued('leaf-ec384', 'P-384', '/C=FR/O=Mobileconfig Test/CN=EC384 Signer', 'intermediate', 'leaf_ext', '0x7f');
  const expiringSoon = issued('expiring', 'rsa', '/CN=Expiring Signer', 'intermediate', 'leaf_ext', '0x33', '10');
  const device = selfSigned('device', 'rsa', '/CN=Device Identity 0001', 'leaf_ext', '0x44');

  newKey('expired', 'rsa');
  openssl(['req', '-new', '-key', 'expired.key', '-subj', '/CN=Expired Signer', '-out', 'expired.csr']);
  openssl(['ca', '-batch', '-config', 'ca.cnf', '-cert', 'intermediate.pem', '-keyfile', 'intermediate.key', '-in', 'expired.csr', '-out', 'expired.pem', '-startdate', '20200101000000Z', '-enddate', '20210101000000Z', '-notext']);
  const expired = finish('expired');

  return {
    dir,
    root,
    intermediate,
    leafRsa,
    leafEc,
    leafEc384,
    expired,
    expiringSoon,
    device,
    openssl,
    write(name, bytes) {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      return file;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs openssl and returns stdout; on failure the error message carries openssl's stderr. */
export function runOpenssl(cwd: string, args: readonly string[], input?: Uint8Array): Buffer {
  try {
    return execFileSync('openssl', args, { cwd, input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`openssl ${args.join(' ')} failed: ${stderr.trim()}`);
  }
}
