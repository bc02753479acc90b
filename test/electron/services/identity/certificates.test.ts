import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { IdentityError, loadCertificates } from '../../../../electron/services/identity/index.ts';
import { needTools } from '../../../support/environment.ts';
import { catchIdentityError, OpensslWorkspace, type Issued } from './fixtures.ts';

function loadError(bytes: Uint8Array, file: string): IdentityError {
  return catchIdentityError(() => loadCertificates(bytes, file));
}

const tools = needTools('openssl');

describe.skipIf(tools.skip)('certificate loading' + tools.reason, () => {
  let ws: OpensslWorkspace;
  let root: Issued;
  let intermediate: Issued;
  let leaf: Issued;

  beforeAll(() => {
    ws = new OpensslWorkspace();
    root = ws.makeRoot('root', '/CN=Bundle Root');
    intermediate = ws.makeIssued('intermediate', '/CN=Bundle Intermediate', root, { ca: true });
    leaf = ws.makeIssued('leaf', '/CN=Bundle Leaf', intermediate, { spec: 'p256' });
  });
  afterAll(() => ws?.remove());

  const derOf = (issued: Issued): Uint8Array => new Uint8Array(ws.der(issued.certPath));

  it('PEM bundle in order', () => {
    const bundle = Buffer.concat([leaf.cert, intermediate.cert, root.cert]);
    expect(loadCertificates(bundle, 'bundle.pem')).toEqual([derOf(leaf), derOf(intermediate), derOf(root)]);
  });

  it('PEM with text between blocks', () => {
    // `openssl x509 -text` puts the decoded certificate before the PEM block.
    const withText = Buffer.concat([ws.run(['x509', '-in', leaf.certPath, '-text']), Buffer.from('Bag Attributes\n    localKeyID: 01 02\n'), root.cert]);
    expect(loadCertificates(withText, 'annotated.pem')).toEqual([derOf(leaf), derOf(root)]);
  });

  it('PEM with CRLF line ends', () => {
    const crlf = Buffer.from(intermediate.cert.toString('utf8').replaceAll('\n', '\r\n'));
    expect(loadCertificates(crlf, 'crlf.pem')).toEqual([derOf(intermediate)]);
  });

  it('DER certificate', () => {
    expect(loadCertificates(ws.der(leaf.certPath), 'leaf.cer')).toEqual([derOf(leaf)]);
  });

  it('concatenated DER certificates', () => {
    const joined = Buffer.concat([ws.der(intermediate.certPath), ws.der(root.certPath)]);
    expect(loadCertificates(joined, 'chain.der')).toEqual([derOf(intermediate), derOf(root)]);
  });

  it('TRUSTED CERTIFICATE block', () => {
    const trusted = ws.run(['x509', '-in', root.certPath, '-trustout', '-addtrust', 'serverAuth']);
    expect(trusted.toString('utf8')).toContain('BEGIN TRUSTED CERTIFICATE');
    expect(loadCertificates(trusted, 'trusted.pem')).toEqual([derOf(root)]);
  });

  it('PKCS#12 given as certificate', () => {
    const p12 = ws.exportP12('as-cert', leaf, 'pw');
    const error = loadError(p12, 'as-cert.p12');
    expect(error.message).toBe('as-cert.p12 is a PKCS#12 file, not a certificate. Pass it as the identity (--identity) instead.');
  });

  it('empty file', () => {
    const error = loadError(new Uint8Array(0), 'empty.pem');
    expect(error.code).toBe('malformed');
    expect(error.message).toBe('empty.pem is empty. Expected PEM or DER certificates.');
  });

  it('key file has no certificate', () => {
    const error = loadError(leaf.key, 'leaf.key');
    expect(error.message).toBe('leaf.key contains no certificate (only PRIVATE KEY blocks).');
  });

  it('PKCS7 bundle gets a hint', () => {
    const p7b = ws.run(['crl2pkcs7', '-nocrl', '-certfile', leaf.certPath]);
    const error = loadError(p7b, 'chain.p7b');
    expect(error.message).toContain('only PKCS7 blocks');
    expect(error.message).toContain('openssl pkcs7 -print_certs');
  });

  it('text without PEM or DER', () => {
    const error = loadError(Buffer.from('hello, this is not a certificate'), 'notes.txt');
    expect(error.code).toBe('malformed');
    expect(error.message).toMatch(/^notes\.txt is neither PEM nor a DER certificate/);
  });

  it('text input names byte once', () => {
    const error = loadError(Buffer.from('hello, this is not a certificate'), 'notes.txt');
    expect(error.message.match(/at byte/g)).toHaveLength(1);
    expect(error.message).toMatch(/ at byte 0\.$/);
  });

  it('second DER element error names its start', () => {
    const der = ws.der(leaf.certPath);
    const error = loadError(Buffer.concat([der, der.subarray(0, 20)]), 'two.der');
    expect(error.message).toMatch(/^two\.der is neither PEM nor a DER certificate: /);
    expect(error.message).toContain(` at byte 0, in the element that starts at byte ${der.length} of the file.`);
  });

  it('truncated DER', () => {
    const der = ws.der(leaf.certPath);
    const error = loadError(der.subarray(0, der.length - 5), 'cut.cer');
    expect(error.code).toBe('malformed');
    expect(error.message).toContain('cut.cer');
  });

  it('invalid base64 body', () => {
    const broken = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB*&^%\n-----END CERTIFICATE-----\n');
    expect(loadError(broken, 'broken.pem').message).toBe('broken.pem:1: the CERTIFICATE block is not valid base64.');
  });

  it('mismatched END label', () => {
    const broken = Buffer.from('-----BEGIN CERTIFICATE-----\nAAAA\n-----END PRIVATE KEY-----\n');
    expect(loadError(broken, 'labels.pem').message).toBe('labels.pem:1: "BEGIN CERTIFICATE" ends with "END PRIVATE KEY".');
  });

  it('valid base64 but not a certificate', () => {
    const wrong = Buffer.from(`-----BEGIN CERTIFICATE-----\n${Buffer.from([0x30, 0x03, 0x02, 0x01, 0x05]).toString('base64')}\n-----END CERTIFICATE-----\n`);
    expect(loadError(wrong, 'wrong.pem').message).toMatch(/^wrong\.pem:1: not a valid X\.509 certificate: /);
  });
});
