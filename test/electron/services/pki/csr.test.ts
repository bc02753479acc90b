import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { OID_KP_CLIENT_AUTH } from '../../../../shared/asn1/oids.ts';
import { buildCsr, encodeName, encodePem, generateKeys, parseCsr, PkiError, verifyCsrSignature } from '../../../../electron/services/pki/index.ts';
import { extendedKeyUsage } from '../../../../electron/services/pki/extensions.ts';
import { needTools } from '../../../support/environment.ts';
import { runOpenssl } from '../../../support/openssl-pki.ts';

const tools = needTools('openssl');

describe.skipIf(tools.skip)('certificate requests' + tools.reason, () => {
  let dir: string;
  const openssl = (args: string[]): string => runOpenssl(dir, args).toString();

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-csr-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('RSA request passes openssl req -verify', async () => {
    const keys = await generateKeys({ type: 'rsa', bits: 2048 });
    const der = buildCsr({ subjectName: encodeName([['O', 'Example'], ['CN', 'Device 1']]), privateKey: keys.privateKey, challengePassword: 'one-time-42', extensions: [extendedKeyUsage([OID_KP_CLIENT_AUTH])] });
    writeFileSync(path.join(dir, 'rsa.csr'), encodePem('CERTIFICATE REQUEST', der));

    // OpenSSL 3.0 prints "Certificate request self-signature verify OK" on stderr and exits 0.
    openssl(['req', '-in', 'rsa.csr', '-noout', '-verify']);
    const text = openssl(['req', '-in', 'rsa.csr', '-noout', '-text']);
    expect(text).toMatch(/challengePassword\s*:\s*one-time-42/);
    expect(text).toMatch(/TLS Web Client Authentication/);
    expect(text).toMatch(/Public-Key: \(2048 bit\)/);
    expect(openssl(['req', '-in', 'rsa.csr', '-noout', '-subject', '-nameopt', 'RFC2253']).trim()).toBe('subject=CN=Device 1,O=Example');
  });

  it('EC request passes openssl req -verify', async () => {
    const keys = await generateKeys({ type: 'ec', curve: 'P-256' });
    const der = buildCsr({ subjectName: encodeName([['CN', 'EC Device']]), privateKey: keys.privateKey });
    writeFileSync(path.join(dir, 'ec.csr'), der);
    openssl(['req', '-in', 'ec.csr', '-inform', 'DER', '-noout', '-verify']);
    expect(openssl(['req', '-in', 'ec.csr', '-inform', 'DER', '-noout', '-text'])).toMatch(/ecdsa-with-SHA256/);
  });

  it('parses a request made by openssl', () => {
    writeFileSync(path.join(dir, 'req.cnf'), '[req]\ndistinguished_name = dn\nattributes = attrs\nprompt = no\n[dn]\nO = Example\nCN = Made By OpenSSL\n[attrs]\nchallengePassword = s3cret-value\n');
    openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'openssl.key', '-config', 'req.cnf', '-outform', 'DER', '-out', 'openssl.csr']);
    const request = parseCsr(new Uint8Array(readFileSync(path.join(dir, 'openssl.csr'))));

    expect(request.subject.display).toBe('CN=Made By OpenSSL,O=Example');
    expect(request.challengePassword).toBe('s3cret-value');
    expect(request.publicKeyInfo.algorithm).toEqual({ kind: 'rsa', bits: 2048 });
    expect(verifyCsrSignature(request)).toBe(true);
  });

  it('tampered request fails signature check', async () => {
    const keys = await generateKeys({ type: 'ec', curve: 'P-256' });
    const der = buildCsr({ subjectName: encodeName([['CN', 'Device A']]), privateKey: keys.privateKey });
    const tampered = der.slice();
    const at = Buffer.from(tampered).indexOf('Device A');
    tampered[at + 7] = 'B'.charCodeAt(0);
    const request = parseCsr(tampered);
    expect(request.subject.display).toBe('CN=Device B');
    expect(verifyCsrSignature(request)).toBe(false);
  });

  it('truncated request raises malformed-request', async () => {
    const keys = await generateKeys({ type: 'ec', curve: 'P-256' });
    const der = buildCsr({ subjectName: encodeName([['CN', 'Device']]), privateKey: keys.privateKey });
    const error = (() => {
      try {
        parseCsr(der.subarray(0, der.length - 10));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(PkiError);
    expect((error as PkiError).code).toBe('malformed-request');
  });

  it('certificate given as request is rejected', () => {
    expect(() => parseCsr(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00))).toThrow(/not valid PKCS #10/);
  });
});
