import { X509Certificate, sign, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { importIdentity } from '../../../../electron/services/identity/index.ts';
import { loadPrivateKeys } from '../../../../electron/services/identity/private-key.ts';
import { needTools } from '../../../support/environment.ts';
import { catchIdentityError, OpensslWorkspace, type Issued } from './fixtures.ts';

const PASS = 'key passphrase';

const tools = needTools('openssl');

describe.skipIf(tools.skip)('PEM and DER private keys' + tools.reason, () => {
  let ws: OpensslWorkspace;
  let rsa: Issued;
  let ec: Issued;

  beforeAll(() => {
    ws = new OpensslWorkspace();
    rsa = ws.makeSelfSigned('rsa', '/CN=RSA PEM Signer', 'rsa2048');
    ec = ws.makeSelfSigned('ec', '/CN=EC PEM Signer', 'p256');
  });
  afterAll(() => ws?.remove());

  /** Imports `keyBytes` with the certificate and checks that the key signs for it. */
  function importsAndSigns(owner: Issued, keyBytes: Buffer, passphrase?: string): void {
    const identity = importIdentity({ certPem: owner.cert, keyPem: keyBytes, passphrase, file: 'cert.pem', keyFile: 'key.pem' });
    const data = Buffer.from('signed content');
    const signature = sign('sha256', data, identity.privateKey);
    expect(verify('sha256', data, new X509Certificate(identity.certificate).publicKey, signature)).toBe(true);
    expect(identity.certificate).toEqual(new Uint8Array(ws.der(owner.certPath)));
  }

  // Each row: name, the label the file must carry, how to make it from the RSA or EC key, and
  // whether it needs the passphrase.
  const FORMS: ReadonlyArray<{ name: string; owner: 'rsa' | 'ec'; label: string; args: (key: string) => string[]; encrypted?: boolean }> = [
    { name: 'PKCS#8', owner: 'rsa', label: 'BEGIN PRIVATE KEY', args: (key) => ['pkey', '-in', key] },
    { name: 'PKCS#1', owner: 'rsa', label: 'BEGIN RSA PRIVATE KEY', args: (key) => ['rsa', '-in', key, '-traditional'] },
    { name: 'SEC1', owner: 'ec', label: 'BEGIN EC PRIVATE KEY', args: (key) => ['ec', '-in', key] },
    { name: 'EC PKCS#8', owner: 'ec', label: 'BEGIN PRIVATE KEY', args: (key) => ['pkey', '-in', key] },
    { name: 'encrypted PKCS#8', owner: 'rsa', label: 'BEGIN ENCRYPTED PRIVATE KEY', args: (key) => ['pkcs8', '-topk8', '-in', key, '-v2', 'aes-256-cbc', '-passout', `pass:${PASS}`], encrypted: true },
    { name: 'encrypted EC PKCS#8', owner: 'ec', label: 'BEGIN ENCRYPTED PRIVATE KEY', args: (key) => ['pkcs8', '-topk8', '-in', key, '-v2', 'aes-128-cbc', '-passout', `pass:${PASS}`], encrypted: true },
    { name: 'legacy encrypted PKCS#1', owner: 'rsa', label: 'Proc-Type: 4,ENCRYPTED', args: (key) => ['rsa', '-in', key, '-traditional', '-aes256', '-passout', `pass:${PASS}`], encrypted: true },
    { name: 'legacy encrypted SEC1', owner: 'ec', label: 'Proc-Type: 4,ENCRYPTED', args: (key) => ['ec', '-in', key, '-des3', '-passout', `pass:${PASS}`], encrypted: true },
  ];

  it.each(FORMS)('$name key imports', ({ owner, label, args, encrypted }) => {
    const issued = owner === 'rsa' ? rsa : ec;
    const keyPem = ws.run(args(issued.keyPath));
    expect(keyPem.toString('utf8')).toContain(label);
    importsAndSigns(issued, keyPem, encrypted ? PASS : undefined);
  });

  it.each(FORMS.filter((form) => form.encrypted))('$name wrong passphrase', ({ owner, args }) => {
    const issued = owner === 'rsa' ? rsa : ec;
    const keyPem = ws.run(args(issued.keyPath));
    const error = catchIdentityError(() => importIdentity({ certPem: issued.cert, keyPem, passphrase: 'wrong', keyFile: 'enc.key' }));
    expect(error.code).toBe('wrong-passphrase');
    expect(error.message).toMatch(/^Wrong passphrase for enc\.key:1/);
  });

  it('encrypted key without passphrase', () => {
    const keyPem = ws.run(['pkcs8', '-topk8', '-in', rsa.keyPath, '-v2', 'aes-256-cbc', '-passout', `pass:${PASS}`]);
    const error = catchIdentityError(() => importIdentity({ certPem: rsa.cert, keyPem, keyFile: 'enc.key' }));
    expect(error.code).toBe('passphrase-required');
  });

  it('SEC1 after EC PARAMETERS', () => {
    const keyPem = ws.run(['ecparam', '-name', 'prime256v1', '-genkey']);
    const text = keyPem.toString('utf8');
    expect(text.indexOf('BEGIN EC PARAMETERS')).toBeLessThan(text.indexOf('BEGIN EC PRIVATE KEY'));
    const keyPath = ws.write('ecparam.key', keyPem);
    const certPath = ws.path('ecparam.pem');
    ws.run(['req', '-x509', '-new', '-key', keyPath, '-subj', '/CN=EC Params', '-days', '30', '-out', certPath]);
    const owner: Issued = { keyPath, certPath, key: keyPem, cert: ws.read('ecparam.pem') };
    importsAndSigns(owner, keyPem);
  });

  it.each([
    ['PKCS#8 DER', (key: string) => ['pkey', '-in', key, '-outform', 'DER']],
    ['PKCS#1 DER', (key: string) => ['rsa', '-in', key, '-traditional', '-outform', 'DER']],
  ] as const)('%s key imports', (_name, args) => {
    importsAndSigns(rsa, ws.run(args(rsa.keyPath)));
  });

  it('SEC1 DER key imports', () => {
    importsAndSigns(ec, ws.run(['ec', '-in', ec.keyPath, '-outform', 'DER']));
  });

  it('encrypted PKCS#8 DER imports', () => {
    importsAndSigns(rsa, ws.run(['pkcs8', '-topk8', '-in', rsa.keyPath, '-v2', 'aes-256-cbc', '-outform', 'DER', '-passout', `pass:${PASS}`]), PASS);
  });

  it('encrypted PKCS#8 DER wrong passphrase', () => {
    const keyDer = ws.run(['pkcs8', '-topk8', '-in', rsa.keyPath, '-v2', 'aes-256-cbc', '-outform', 'DER', '-passout', `pass:${PASS}`]);
    expect(catchIdentityError(() => importIdentity({ certPem: rsa.cert, keyPem: keyDer, passphrase: 'wrong' })).code).toBe('wrong-passphrase');
  });

  it('certificate and key in one file', () => {
    const combined = Buffer.concat([rsa.cert, Buffer.from('\n'), rsa.key]);
    const identity = importIdentity({ certPem: combined, file: 'combined.pem' });
    expect(identity.certificate).toEqual(new Uint8Array(ws.der(rsa.certPath)));
  });

  it('mismatched key and certificate', () => {
    const error = catchIdentityError(() => importIdentity({ certPem: rsa.cert, keyPem: ec.key, file: 'rsa.pem', keyFile: 'ec.key' }));
    expect(error.code).toBe('no-matching-certificate');
    expect(error.message).toContain('rsa.pem and ec.key');
    expect(error.message).toContain('EC P-256');
  });

  it('Ed25519 key rejected', () => {
    const ed = ws.makeSelfSigned('ed', '/CN=Ed Signer', 'ed25519');
    const error = catchIdentityError(() => importIdentity({ certPem: ed.cert, keyPem: ed.key, keyFile: 'ed.key' }));
    expect(error.code).toBe('unsupported-algorithm');
    expect(error.message).toContain('Ed25519');
  });

  it('certificate given as key', () => {
    const error = catchIdentityError(() => loadPrivateKeys(rsa.cert, undefined, 'cert-as-key.pem'));
    expect(error.code).toBe('no-private-key');
    expect(error.message).toContain('cert-as-key.pem contains no private key (only CERTIFICATE blocks)');
  });

  it('PKCS#12 given as key', () => {
    const p12 = ws.exportP12('as-key', rsa, 'pw');
    const error = catchIdentityError(() => loadPrivateKeys(p12, 'pw', 'as-key.p12'));
    expect(error.message).toBe('as-key.p12 is a PKCS#12 file, not a private key. Pass it as the identity (--identity) instead.');
  });

  it('garbage DER key', () => {
    const error = catchIdentityError(() => loadPrivateKeys(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]), undefined, 'junk.der'));
    expect(error.code).toBe('malformed');
    expect(error.message).toContain('junk.der');
  });

  it('damaged PEM key body', () => {
    const damaged = Buffer.from('-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----\n');
    const error = catchIdentityError(() => loadPrivateKeys(damaged, undefined, 'damaged.key'));
    expect(error.code).toBe('malformed');
    expect(error.message).toMatch(/^damaged\.key:1: the private key cannot be read/);
  });

  it('unterminated PEM key', () => {
    const error = catchIdentityError(() => loadPrivateKeys(Buffer.from('-----BEGIN PRIVATE KEY-----\nAAAA\n'), undefined, 'cut.key'));
    expect(error.code).toBe('malformed');
    expect(error.message).toBe('cut.key:1: "BEGIN PRIVATE KEY" has no END line.');
  });

  it('neither p12 nor PEM', () => {
    expect(catchIdentityError(() => importIdentity({})).code).toBe('invalid-arguments');
  });

  it('both p12 and PEM', () => {
    expect(catchIdentityError(() => importIdentity({ p12: new Uint8Array(1), certPem: rsa.cert })).code).toBe('invalid-arguments');
  });

  it('certificate without key', () => {
    const error = catchIdentityError(() => importIdentity({ certPem: rsa.cert, file: 'only-cert.pem' }));
    expect(error.code).toBe('no-private-key');
  });
});
