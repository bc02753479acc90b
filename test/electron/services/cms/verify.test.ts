import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../../../../electron/services/cms/sign.ts';
import { verify, type VerifyResult } from '../../../../electron/services/cms/verify.ts';
import { derLeaf, encodeDerTree, parseDerTree, signedDataFields } from '../../../support/der-tree.ts';
import { needCorpus, needTools } from '../../../support/environment.ts';
import { makePki, type Pki, type PkiEntity } from '../../../support/openssl-pki.ts';

const tools = needTools('openssl');
const PROFILE = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>PayloadDisplayName</key><string>Café ✓ Résumé</string></dict></plist>\n');

/** Returns a copy of `der` with one byte of the embedded profile changed. */
function tamperContent(der: Uint8Array): Uint8Array {
  const copy = Buffer.from(der);
  const at = copy.indexOf(Buffer.from('PayloadDisplayName'));
  if (at < 0) throw new Error('content not found in the CMS bytes');
  copy[at] ^= 0x01;
  return new Uint8Array(copy);
}

describe.skipIf(tools.skip)('verify' + tools.reason, () => {
  let pki: Pki;
  const anchors = (): { anchors: Uint8Array[]; systemRoots: false } => ({ anchors: [pki.root.der], systemRoots: false });
  beforeAll(() => {
    pki = makePki();
    pki.write('profile.xml', PROFILE);
  });
  afterAll(() => pki?.cleanup());

  const opensslSign = (signer: PkiEntity, ...extra: string[]): Uint8Array =>
    new Uint8Array(pki.openssl(['cms', '-sign', '-binary', '-nodetach', '-outform', 'DER', '-in', 'profile.xml', '-signer', signer.certPath, '-inkey', signer.keyPath, ...extra]));
  const ourSign = (signer: PkiEntity, chain: PkiEntity[] = [pki.intermediate], signingTime?: Date): Uint8Array =>
    sign(PROFILE, { certificate: signer.der, privateKey: signer.privateKey, chain: chain.map((c) => c.der) }, { signingTime }).der;

  it('accepts openssl signatures', () => {
    const cases: [string, PkiEntity, string[]][] = [
      ['sha1 rsa', pki.leafRsa, ['-md', 'sha1']],
      ['sha256 rsa', pki.leafRsa, ['-md', 'sha256']],
      ['sha384 ec', pki.leafEc, ['-md', 'sha384']],
      ['sha512 ec384', pki.leafEc384, ['-md', 'sha512']],
      ['keyid', pki.leafEc, ['-keyid']],
      ['stream', pki.leafRsa, ['-stream']],
      ['keyid stream', pki.leafRsa, ['-keyid', '-stream', '-md', 'sha1']],
    ];
    for (const [name, signer, extra] of cases) {
      const result = verify(opensslSign(signer, '-certfile', pki.intermediate.certPath, ...extra), anchors());
      expect({ name, status: result.status, problems: result.problems }).toEqual({ name, status: 'valid', problems: [] });
      expect(result.signatureValid).toBe(true);
      expect(result.chainComplete).toBe(true);
      expect(result.chainTrusted).toBe(true);
      expect(Buffer.from(result.content!).equals(PROFILE)).toBe(true);
    }
  });

  it('reports digest algorithm', () => {
    expect(verify(opensslSign(pki.leafRsa, '-md', 'sha1'), anchors()).digestAlgorithm).toBe('sha1');
    expect(verify(opensslSign(pki.leafEc, '-md', 'sha512'), anchors()).digestAlgorithm).toBe('sha512');
  });

  it('accepts openssl RSA-PSS signature', () => {
    const result = verify(opensslSign(pki.leafRsa, '-certfile', pki.intermediate.certPath, '-keyopt', 'rsa_padding_mode:pss'), anchors());
    expect(result.signatureValid).toBe(true);
    expect(result.status).toBe('valid');
  });

  it('openssl without -certfile is incomplete', () => {
    const result = verify(opensslSign(pki.leafRsa), anchors());
    expect(result.signatureValid).toBe(true);
    expect(result.chainComplete).toBe(false);
    expect(result.chainTrusted).toBe(false);
    expect(result.status).toBe('untrusted');
  });

  it('accepts our signature', () => {
    const result = verify(ourSign(pki.leafRsa), anchors());
    expect(result.status).toBe('valid');
    expect(result.signatureValid).toBe(true);
    expect(result.signers.map((signer) => signer.subject)).toEqual(['CN=Résumé Signer,UID=42+OU=Devices,O=Exämple\\, Inc.,ST=Île-de-France,C=FR']);
    expect(result.message).toMatch(/^the signature is valid and the signer is trusted/);
  });

  it('leaf-only signature is incomplete', () => {
    const result = verify(ourSign(pki.leafEc, []), anchors());
    expect(result.signatureValid).toBe(true);
    expect(result.chainComplete).toBe(false);
    expect(result.status).toBe('untrusted');
  });

  it('intermediate anchor trusts leaf-only file', () => {
    const result = verify(ourSign(pki.leafEc, []), { anchors: [pki.intermediate.der], systemRoots: false });
    expect(result.chainTrusted).toBe(true);
    expect(result.chainComplete).toBe(false);
    expect(result.status).toBe('valid');
  });

  it('missing root is complete but untrusted', () => {
    const result = verify(ourSign(pki.leafRsa), { systemRoots: false });
    expect(result.chainComplete).toBe(true);
    expect(result.chainTrusted).toBe(false);
    expect(result.status).toBe('untrusted');
    expect(result.problems.join('\n')).toContain('ends at a CA issued by CN=Test Root CA,O=Mobileconfig Test,C=FR');
  });

  it('one-byte content change is invalid', () => {
    for (const der of [ourSign(pki.leafRsa), opensslSign(pki.leafEc, '-certfile', pki.intermediate.certPath)]) {
      const result = verify(tamperContent(der), anchors());
      expect(result.signed).toBe(true);
      expect(result.signatureValid).toBe(false);
      expect(result.status).toBe('invalid');
      expect(result.problems[0]).toMatch(/does not match its SHA256 messageDigest/);
    }
  });

  it('changed signature is invalid', () => {
    const der = Buffer.from(ourSign(pki.leafRsa));
    // The RSA signature is the last 256 bytes of this DER (SignerInfo ends with it).
    der[der.length - 10] ^= 0xff;
    const result = verify(new Uint8Array(der), anchors());
    expect(result.status).toBe('invalid');
    expect(result.problems[0]).toMatch(/signature does not verify/);
  });

  it('expired signer is expired', () => {
    const result = verify(ourSign(pki.expired, [pki.intermediate]), anchors());
    expect(result.signatureValid).toBe(true);
    expect(result.signerExpired).toBe(true);
    expect(result.signerExpiredAtSigningTime).toBe(true);
    expect(result.status).toBe('expired');
  });

  it('future signer is not yet valid', () => {
    pki.openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'future.key']);
    pki.openssl(['req', '-new', '-key', 'future.key', '-subj', '/CN=Future Signer', '-out', 'future.csr']);
    pki.openssl(['ca', '-batch', '-config', 'ca.cnf', '-cert', 'intermediate.pem', '-keyfile', 'intermediate.key', '-in', 'future.csr', '-out', 'future.pem', '-startdate', '20300101000000Z', '-enddate', '20310101000000Z', '-notext']);
    expect(pki.openssl(['x509', '-in', 'future.pem', '-noout', '-startdate']).toString().trim()).toBe('notBefore=Jan  1 00:00:00 2030 GMT');
    const certificate = new Uint8Array(pki.openssl(['x509', '-in', 'future.pem', '-outform', 'DER']));
    const privateKey = createPrivateKey(readFileSync(path.join(pki.dir, 'future.key')));
    const der = sign(PROFILE, { certificate, privateKey, chain: [pki.intermediate.der] }).der;
    const file = pki.write('future.der', der);
    const openssl = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', file, '-CAfile', pki.root.certPath, '-out', '/dev/null'], { encoding: 'utf8' });
    expect(openssl.stderr).toMatch(/certificate is not yet valid/);

    const result = verify(der, anchors());
    expect(result.status).toBe('not-yet-valid');
    expect(result.signatureValid).toBe(true);
    expect(result.signerNotYetValid).toBe(true);
    expect(result.signerNotYetValidAtSigningTime).toBe(true);
    expect(result.signerExpired).toBe(false);
    expect(result.signerExpiredAtSigningTime).toBe(false);
    expect(result.message).toBe('the signature is valid but a certificate is not valid yet: certificate CN=Future Signer is not valid until 2030-01-01T00:00:00.000Z');
  });

  it('missing signer certificate cannot be checked', () => {
    const der = opensslSign(pki.leafRsa, '-nocerts');
    const result = verify(der, anchors());
    expect(result.status).toBe('error');
    expect(result.signed).toBe(true);
    expect(result.signatureValid).toBe(false);
    expect(result.message).toMatch(/^the signature cannot be checked: the signer certificate \(issuer CN=Test Intermediate CA,O=Mobileconfig Test,C=FR, serial 9c00aa55\) is not in the file/);
    expect(result.message).not.toMatch(/invalid/);
  });

  it('extra certificates find the signer', () => {
    const der = opensslSign(pki.leafRsa, '-nocerts');
    const file = pki.write('nocerts.der', der);
    // OpenSSL 3.0 checks the signature with -certfile but builds chains only from the file, so the chain is checked apart.
    pki.openssl(['cms', '-verify', '-noverify', '-binary', '-inform', 'DER', '-in', file, '-certfile', pki.leafRsa.certPath, '-out', '/dev/null']);
    pki.openssl(['verify', '-CAfile', pki.root.certPath, '-untrusted', pki.intermediate.certPath, pki.leafRsa.certPath]);

    const result = verify(der, { ...anchors(), extraCertificates: [pki.leafRsa.der, pki.intermediate.der] });
    expect(result.status).toBe('valid');
    expect(result.signatureValid).toBe(true);
    expect(result.chainTrusted).toBe(true);
    expect(result.chainComplete).toBe(false);
    expect(result.problems).toContainEqual(expect.stringMatching(/signer certificate CN=Résumé Signer.* is not in the file, so devices cannot check the signature/));
  });

  it('extra certificates never complete chain', () => {
    const result = verify(ourSign(pki.leafEc, []), { ...anchors(), extraCertificates: [pki.intermediate.der] });
    expect(result.status).toBe('valid');
    expect(result.chainTrusted).toBe(true);
    expect(result.chainComplete).toBe(false);
  });

  it('intermediate anchor adds a problem', () => {
    const result = verify(ourSign(pki.leafEc), { anchors: [pki.intermediate.der], systemRoots: false });
    expect(result.status).toBe('valid');
    expect(result.chainComplete).toBe(true);
    expect(result.problems).toEqual([
      'the trust anchor CN=Test Intermediate CA,O=Mobileconfig Test,C=FR is not a root certificate: devices trust only roots, so they may show the profile as "Not Verified" (pass the root with --ca to check)',
    ]);
  });

  it('intermediate anchor on incomplete chain', () => {
    const result = verify(ourSign(pki.leafEc, []), { anchors: [pki.root.der, pki.intermediate.der], systemRoots: false });
    expect(result.status).toBe('valid');
    expect(result.chainComplete).toBe(false);
    expect(result.problems).toEqual([
      'the chain of CN=EC Signer,O=Mobileconfig Test,C=FR is incomplete: add the intermediate certificates when signing',
      'the trust anchor CN=Test Intermediate CA,O=Mobileconfig Test,C=FR is not a root certificate: devices trust only roots, so they may show the profile as "Not Verified"',
    ]);
  });

  it('root anchor beside intermediate adds none', () => {
    const result = verify(ourSign(pki.leafEc), { anchors: [pki.intermediate.der, pki.root.der], systemRoots: false });
    expect(result.status).toBe('valid');
    expect(result.problems).toEqual([]);
  });

  // With the built-in roots allowed, a root given as anchor decides without them, and other
  // anchors fall back to them. None of the built-in roots issued this private PKI, so both ways
  // must give what the anchors alone give.
  it('root anchor decides with built-in roots on', () => {
    const signed = ourSign(pki.leafEc);
    const now = new Date();
    const result = verify(signed, { anchors: [pki.root.der], now });
    expect(result.status).toBe('valid');
    expect(result.chainComplete).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result).toEqual(verify(signed, { anchors: [pki.root.der], systemRoots: false, now }));
  });

  it('intermediate anchor with built-in roots on', () => {
    const signed = ourSign(pki.leafEc);
    const now = new Date();
    const result = verify(signed, { anchors: [pki.intermediate.der], now });
    expect(result.status).toBe('valid');
    expect(result.problems).toHaveLength(1);
    expect(result).toEqual(verify(signed, { anchors: [pki.intermediate.der], systemRoots: false, now }));
  });

  it('root anchor on leaf-only file with built-in roots on', () => {
    const signed = ourSign(pki.leafEc, []);
    const now = new Date();
    const result = verify(signed, { anchors: [pki.root.der], now });
    expect(result.status).toBe('untrusted');
    expect(result.chainComplete).toBe(false);
    expect(result).toEqual(verify(signed, { anchors: [pki.root.der], systemRoots: false, now }));
  });

  it('signing time inside validity', () => {
    const result = verify(ourSign(pki.expired, [pki.intermediate], new Date('2020-06-01T00:00:00Z')), anchors());
    expect(result.signerExpired).toBe(true);
    expect(result.signerExpiredAtSigningTime).toBe(false);
    expect(result.signingTime).toBe('2020-06-01T00:00:00.000Z');
  });

  it('now option checks another time', () => {
    // In mid-2020 the signer was valid but the test CAs, made today, were not yet.
    const result = verify(ourSign(pki.expired, [pki.intermediate]), { ...anchors(), now: new Date('2020-06-01T00:00:00Z') });
    expect(result.signerExpired).toBe(false);
    expect(result.status).toBe('not-yet-valid');
    expect(result.problems).toContainEqual(expect.stringMatching(/^certificate CN=Test Intermediate CA,O=Mobileconfig Test,C=FR is not valid until/));
  });

  it('unsigned inputs are unsigned', () => {
    const plist = verify(PROFILE);
    expect(plist.status).toBe('unsigned');
    expect(plist.signed).toBe(false);
    const enveloped = new Uint8Array(pki.openssl(['cms', '-encrypt', '-binary', '-outform', 'DER', '-in', 'profile.xml', pki.device.certPath]));
    expect(verify(enveloped).status).toBe('unsigned');
    expect(verify(enveloped).message).toMatch(/EnvelopedData/);
  });

  it('accepts PEM armour', () => {
    const pem = pki.openssl(['cms', '-sign', '-binary', '-nodetach', '-outform', 'PEM', '-in', 'profile.xml', '-signer', pki.leafRsa.certPath, '-inkey', pki.leafRsa.keyPath, '-certfile', pki.intermediate.certPath]);
    expect(verify(new Uint8Array(pem), anchors()).status).toBe('valid');
  });

  it('unsupported digest names its OID', () => {
    const result = verify(opensslSign(pki.leafRsa, '-md', 'sha3-256'), anchors());
    expect(result.status).toBe('error');
    expect(result.message).toContain('2.16.840.1.101.3.4.2.8');
  });

  it('damaged digestAlgorithms list is an error', () => {
    // The first SHA-256 OID in the file is the SignedData digestAlgorithms entry, which no signature covers.
    const sha256Oid = Buffer.from('0609608648016503040201', 'hex');
    const cases: [string, number, number, RegExp, RegExp][] = [
      ['2.16 to 2.18', 2, 0x02, /unknown digest algorithm/, /does not contain sha256 \(2\.16\.840\.1\.101\.3\.4\.2\.1\), the digest algorithm of signer 1/],
      ['sha256 to sha384', 10, 0x03, /no matching digest/, /does not contain sha256/],
    ];
    for (const [name, index, mask, opensslError, message] of cases) {
      const der = Buffer.from(opensslSign(pki.leafRsa, '-certfile', pki.intermediate.certPath));
      der[der.indexOf(sha256Oid) + index] ^= mask;
      const file = pki.write(`digest-list-${index}.der`, der);
      const openssl = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', file, '-CAfile', pki.root.certPath, '-out', '/dev/null'], { encoding: 'utf8' });
      expect(openssl.status, name).not.toBe(0);
      expect(openssl.stderr, name).toMatch(opensslError);

      const result = verify(new Uint8Array(der), anchors());
      expect(result.status, name).toBe('error');
      expect(result.message, name).toMatch(message);
    }
  });

  it('extra unknown digestAlgorithms entry is an error', () => {
    const tree = parseDerTree(opensslSign(pki.leafRsa, '-certfile', pki.intermediate.certPath));
    const digestSet = signedDataFields(tree)[1];
    digestSet.children.push({ ...digestSet.children[0], children: [derLeaf(6, [0x2b, 0x0e, 0x03, 0x02, 0x1b])] });
    const file = pki.write('digest-list-extra.der', encodeDerTree(tree));
    const openssl = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', file, '-CAfile', pki.root.certPath, '-out', '/dev/null'], { encoding: 'utf8' });
    expect(openssl.stderr).toMatch(/unknown digest algorithm/);

    const result = verify(new Uint8Array(readFileSync(file)), anchors());
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/contains 1\.3\.14\.3\.2\.27, which is not a digest algorithm/);
  });

  it('detached signature is an error', () => {
    const detached = new Uint8Array(pki.openssl(['cms', '-sign', '-binary', '-outform', 'DER', '-in', 'profile.xml', '-signer', pki.leafRsa.certPath, '-inkey', pki.leafRsa.keyPath]));
    const result = verify(detached, anchors());
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/detached/);
  });

  it('truncated input never throws', () => {
    const der = ourSign(pki.leafRsa);
    for (let length = 1; length < der.length; length += 7) {
      let result: VerifyResult | undefined;
      expect(() => {
        result = verify(der.subarray(0, length), anchors());
      }).not.toThrow();
      expect(result!.status).toBe('error');
    }
  });

  it('corrupted bytes never throw', () => {
    const der = ourSign(pki.leafEc);
    for (let i = 0; i < der.length; i += 3) {
      const copy = new Uint8Array(der);
      copy[i] ^= 0x5a;
      expect(['error', 'invalid', 'unsigned', 'untrusted', 'valid']).toContain(verify(copy, anchors()).status);
    }
  });
});

const corpus = needCorpus();
describe.skipIf(tools.skip || corpus.skip)('verify corpus signed profile' + tools.reason + corpus.reason, () => {
  const file = path.join(corpus.dir, 'files', 'encdns_signed_cloudflare-default-https_2026_letsencrypt-ecdsa.mobileconfig');

  it('signature is valid', () => {
    const result = verify(new Uint8Array(readFileSync(file)));
    expect(result.signed).toBe(true);
    expect(result.signatureValid).toBe(true);
    expect(result.digestAlgorithm).toBe('sha256');
    expect(result.signers[0].subject).toBe('CN=encrypted-dns.brunch.io');
    expect(result.signers[0].issuer).toBe("CN=E8,O=Let's Encrypt,C=US");
  });

  it('built-in roots as anchors report as the store does', () => {
    // Given as anchors, the roots decide the chain without the store; read from the store, they
    // take the other path through verify. Both must give the same report.
    const bytes = new Uint8Array(readFileSync(file));
    const now = new Date('2026-01-15T00:00:00Z');
    const roots = rootCertificates.map((pem) => new Uint8Array(new X509Certificate(pem).raw));
    const fromStore = verify(bytes, { now });
    expect(fromStore.chainTrusted).toBe(true);
    expect(verify(bytes, { anchors: roots, now })).toEqual(fromStore);
  });

  it('status follows signer expiry', () => {
    // The expectation comes from openssl's reading of the signer's notAfter, not from the code under test.
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-signer-'));
    const signerPem = path.join(dir, 'signer.pem');
    execFileSync('openssl', ['cms', '-verify', '-noverify', '-binary', '-inform', 'DER', '-in', file, '-signer', signerPem, '-out', path.join(dir, 'content.xml')], { stdio: 'ignore' });
    const endDate = execFileSync('openssl', ['x509', '-in', signerPem, '-noout', '-enddate'], { encoding: 'utf8' }).trim();
    rmSync(dir, { recursive: true, force: true });
    const notAfter = new Date(endDate.slice(endDate.indexOf('=') + 1));
    expect(notAfter.getTime()).toBe(Date.parse('2026-05-28T04:30:44Z'));

    const result = verify(new Uint8Array(readFileSync(file)));
    expect(result.signerExpired).toBe(Date.now() > notAfter.getTime());
    if (Date.now() > notAfter.getTime()) expect(result.status).toBe('expired');
    else expect(result.status).toBe(result.chainTrusted ? 'valid' : 'untrusted');
  });
});
