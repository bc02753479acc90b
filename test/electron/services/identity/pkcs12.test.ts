import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate, sign, verify } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { IdentityError, importIdentity, type Identity } from '../../../../electron/services/identity/index.ts';
import { readPkcs12 } from '../../../../electron/services/identity/pkcs12.ts';
import { derExplicit, derInteger, derOctetString, derOid, derSequence } from '../../../../shared/asn1/writer.ts';
import { needCorpus, needTools } from '../../../support/environment.ts';
import { catchIdentityError, OpensslWorkspace, type Issued } from './fixtures.ts';

const PASS = 'correct horse';

function fingerprintOf(der: Uint8Array): string {
  return new X509Certificate(der).fingerprint256.replaceAll(':', '').toLowerCase();
}

/** Signs with the imported key and verifies with the certificate's public key. */
function signsAndVerifies(identity: Identity): boolean {
  const data = Buffer.from('profile bytes');
  const signature = sign('sha256', data, identity.privateKey);
  return verify('sha256', data, new X509Certificate(identity.certificate).publicKey, signature);
}

const tools = needTools('openssl');

describe.skipIf(tools.skip)('PKCS#12 import' + tools.reason, () => {
  let ws: OpensslWorkspace;
  let root: Issued;
  let intermediate: Issued;
  let leaf: Issued;

  beforeAll(() => {
    ws = new OpensslWorkspace();
    root = ws.makeRoot('root', '/CN=Identity Test Root/O=Mobileconfig Studio Tests');
    intermediate = ws.makeIssued('intermediate', '/CN=Identity Test Intermediate/O=Mobileconfig Studio Tests', root, { ca: true, serial: '0x2001' });
    leaf = ws.makeIssued('leaf', '/CN=Profile Signer/O=Mobileconfig Studio Tests', intermediate, { serial: '0x3001' });
  });
  afterAll(() => ws?.remove());

  it('OpenSSL 3 default file', () => {
    const p12 = ws.exportP12('default', leaf, PASS);
    const info = ws.p12Info('default', PASS);
    expect(info).toContain('MAC: sha256');
    expect(info).toContain('Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC');
    expect(info).toContain('PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC');

    const identity = importIdentity({ p12, passphrase: PASS, file: 'default.p12' });
    expect(fingerprintOf(identity.certificate)).toBe(ws.fingerprint(leaf.certPath));
    expect(identity.description.keyType).toBe('RSA 2048');
    expect(identity.chain).toEqual([]);
    expect(identity.description.notes).toEqual([]);
    expect(signsAndVerifies(identity)).toBe(true);
  });

  it('legacy 3DES key and RC2-40 certificates', () => {
    const p12 = ws.exportP12('legacy', leaf, PASS, ['-legacy']);
    const info = ws.p12Info('legacy', PASS);
    expect(info).toContain('MAC: sha1');
    expect(info).toContain('Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC');
    expect(info).toContain('PKCS7 Encrypted data: pbeWithSHA1And40BitRC2-CBC');

    const identity = importIdentity({ p12, passphrase: PASS, file: 'legacy.p12' });
    expect(fingerprintOf(identity.certificate)).toBe(ws.fingerprint(leaf.certPath));
    expect(signsAndVerifies(identity)).toBe(true);
  });

  // Each row: extra `openssl pkcs12 -export` options, then a line `-info` must print.
  const VARIANTS: ReadonlyArray<readonly [string, readonly string[], string]> = [
    ['keypbe 3DES certpbe RC2-40', ['-provider', 'legacy', '-provider', 'default', '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-RC2-40'], 'pbeWithSHA1And40BitRC2-CBC'],
    ['certpbe 3DES', ['-certpbe', 'PBE-SHA1-3DES'], 'PKCS7 Encrypted data: pbeWithSHA1And3-KeyTripleDES-CBC'],
    ['certpbe RC2-128', ['-provider', 'legacy', '-provider', 'default', '-certpbe', 'PBE-SHA1-RC2-128'], 'pbeWithSHA1And128BitRC2-CBC'],
    ['keypbe 2-key 3DES', ['-keypbe', 'PBE-SHA1-2DES'], 'pbeWithSHA1And2-KeyTripleDES-CBC'],
    ['certpbe NONE', ['-certpbe', 'NONE'], 'Certificate bag'],
    ['keypbe NONE keyBag', ['-keypbe', 'NONE'], 'Key bag'],
    ['PBES2 AES-128', ['-keypbe', 'AES-128-CBC', '-certpbe', 'AES-128-CBC'], 'PBES2, PBKDF2, AES-128-CBC'],
    ['PBES2 3DES', ['-keypbe', 'DES-EDE3-CBC'], 'PBES2, PBKDF2, DES-EDE3-CBC'],
    ['MAC SHA-1', ['-macalg', 'sha1'], 'MAC: sha1'],
    ['MAC SHA-512', ['-macalg', 'sha512'], 'MAC: sha512'],
    ['iteration count 1', ['-iter', '1', '-nomaciter'], 'MAC: sha256, Iteration 1'],
  ];

  it.each(VARIANTS)('variant %s', (label, options, infoLine) => {
    const name = label.replaceAll(' ', '-');
    const p12 = ws.exportP12(name, leaf, PASS, options);
    expect(ws.p12Info(name, PASS)).toContain(infoLine);

    const identity = importIdentity({ p12, passphrase: PASS, file: `${name}.p12` });
    expect(fingerprintOf(identity.certificate)).toBe(ws.fingerprint(leaf.certPath));
    expect(signsAndVerifies(identity)).toBe(true);
  });

  it('EC P-256 with ecdsa-with-SHA256 certificate', () => {
    const ec = ws.makeSelfSigned('ec256', '/CN=EC Signer P-256', 'p256');
    const text = ws.run(['x509', '-in', ec.certPath, '-noout', '-text']).toString('utf8');
    expect(text).toContain('Signature Algorithm: ecdsa-with-SHA256');
    expect(text).toContain('NIST CURVE: P-256');
    const p12 = ws.exportP12('ec256', ec, PASS);

    const identity = importIdentity({ p12, passphrase: PASS, file: 'ec256.p12' });
    expect(identity.description.keyType).toBe('EC P-256');
    expect(identity.privateKey.asymmetricKeyType).toBe('ec');
    expect(fingerprintOf(identity.certificate)).toBe(ws.fingerprint(ec.certPath));
    expect(signsAndVerifies(identity)).toBe(true);
  });

  it('EC P-384', () => {
    const ec = ws.makeSelfSigned('ec384', '/CN=EC Signer P-384', 'p384');
    const identity = importIdentity({ p12: ws.exportP12('ec384', ec, PASS), passphrase: PASS, file: 'ec384.p12' });
    expect(identity.description.keyType).toBe('EC P-384');
    expect(signsAndVerifies(identity)).toBe(true);
  });

  it('EC P-256 legacy file', () => {
    const ec = ws.makeSelfSigned('ec256legacy', '/CN=EC Legacy', 'p256');
    const identity = importIdentity({ p12: ws.exportP12('ec256legacy', ec, PASS, ['-legacy']), passphrase: PASS, file: 'ec256legacy.p12' });
    expect(identity.description.keyType).toBe('EC P-256');
    expect(signsAndVerifies(identity)).toBe(true);
  });

  it('RSA 4096', () => {
    const big = ws.makeSelfSigned('rsa4096', '/CN=RSA 4096 Signer', 'rsa4096');
    const identity = importIdentity({ p12: ws.exportP12('rsa4096', big, PASS), passphrase: PASS, file: 'rsa4096.p12' });
    expect(identity.description.keyType).toBe('RSA 4096');
    expect(signsAndVerifies(identity)).toBe(true);
  });

  it('chain from certfile', () => {
    const chainPath = ws.write('chain-root-first.pem', Buffer.concat([root.cert, intermediate.cert]));
    const p12 = ws.exportP12('with-chain', leaf, PASS, ['-certfile', chainPath]);

    const identity = importIdentity({ p12, passphrase: PASS, file: 'with-chain.p12' });
    expect(fingerprintOf(identity.certificate)).toBe(ws.fingerprint(leaf.certPath));
    // The chain runs from the signer's issuer upwards, whatever the order in the file.
    expect(identity.chain.map(fingerprintOf)).toEqual([ws.fingerprint(intermediate.certPath), ws.fingerprint(root.certPath)]);
    expect(identity.description.chain.map((summary) => summary.subject)).toEqual([ws.subject(intermediate.certPath), ws.subject(root.certPath)]);
  });

  it('signer picked by key, not position', () => {
    // Certificates first (root, leaf, intermediate), key last: openssl itself never writes
    // this order, so two -nomac files are spliced and openssl confirms it reads the result.
    const bundle = ws.write('root-leaf-intermediate.pem', Buffer.concat([root.cert, leaf.cert, intermediate.cert]));
    const certsOnly = ws.run(['pkcs12', '-export', '-nokeys', '-in', bundle, '-passout', `pass:${PASS}`, '-nomac']);
    const keyOnly = ws.run(['pkcs12', '-export', '-nocerts', '-inkey', leaf.keyPath, '-passout', `pass:${PASS}`, '-nomac']);
    const p12 = ws.spliceP12('spliced', [certsOnly, keyOnly]);
    const listed = ws.run(['pkcs12', '-in', ws.path('spliced.p12'), '-nokeys', '-nomacver', '-passin', `pass:${PASS}`]).toString('utf8');
    const subjects = [...listed.matchAll(/^subject=.*CN = ([^,\n]+)/gm)].map((match) => match[1]);
    expect(subjects).toEqual(['Identity Test Root', 'Profile Signer', 'Identity Test Intermediate']);

    const identity = importIdentity({ p12, passphrase: PASS, file: 'spliced.p12' });
    expect(fingerprintOf(identity.certificate)).toBe(ws.fingerprint(leaf.certPath));
    expect(identity.chain.map(fingerprintOf)).toEqual([ws.fingerprint(intermediate.certPath), ws.fingerprint(root.certPath)]);
    expect(identity.description.notes).toEqual(['spliced.p12 has no MAC, so its integrity was not checked.']);
  });

  it('wrong passphrase', () => {
    const p12 = ws.exportP12('wrong', leaf, PASS);
    const error = catchIdentityError(() => importIdentity({ p12, passphrase: 'not the passphrase', file: 'wrong.p12' }));
    expect(error.code).toBe('wrong-passphrase');
    expect(error.file).toBe('wrong.p12');
    expect(error.message).toMatch(/^Wrong passphrase for wrong\.p12/);
  });

  it('wrong passphrase on legacy file', () => {
    const p12 = ws.exportP12('wrong-legacy', leaf, PASS, ['-legacy']);
    const error = catchIdentityError(() => importIdentity({ p12, passphrase: 'nope', file: 'wrong-legacy.p12' }));
    expect(error.code).toBe('wrong-passphrase');
  });

  it('wrong passphrase without MAC', () => {
    const p12 = ws.exportP12('wrong-nomac', leaf, PASS, ['-nomac']);
    const error = catchIdentityError(() => importIdentity({ p12, passphrase: 'nope', file: 'wrong-nomac.p12' }));
    expect(error.code).toBe('wrong-passphrase');
  });

  it('missing MAC accepted with note', () => {
    const p12 = ws.exportP12('nomac', leaf, PASS, ['-nomac']);
    const identity = importIdentity({ p12, passphrase: PASS, file: 'nomac.p12' });
    expect(fingerprintOf(identity.certificate)).toBe(ws.fingerprint(leaf.certPath));
    expect(identity.description.notes).toEqual(['nomac.p12 has no MAC, so its integrity was not checked.']);
  });

  it('empty passphrase', () => {
    const p12 = ws.exportP12('empty', leaf, '');
    expect(fingerprintOf(importIdentity({ p12, passphrase: '', file: 'empty.p12' }).certificate)).toBe(ws.fingerprint(leaf.certPath));
  });

  it('empty passphrase legacy', () => {
    const p12 = ws.exportP12('empty-legacy', leaf, '', ['-legacy']);
    expect(fingerprintOf(importIdentity({ p12, passphrase: '', file: 'empty-legacy.p12' }).certificate)).toBe(ws.fingerprint(leaf.certPath));
  });

  it('no passphrase opens empty-passphrase file', () => {
    const p12 = ws.exportP12('empty-implicit', leaf, '');
    expect(fingerprintOf(importIdentity({ p12, file: 'empty-implicit.p12' }).certificate)).toBe(ws.fingerprint(leaf.certPath));
  });

  it('no passphrase for protected file', () => {
    const p12 = ws.exportP12('needs-pass', leaf, PASS);
    const error = catchIdentityError(() => importIdentity({ p12, file: 'needs-pass.p12' }));
    expect(error.code).toBe('passphrase-required');
    expect(error.message).toContain('needs-pass.p12');
  });

  it('non-ASCII passphrase', () => {
    const passphrase = 'pässwörd ✓';
    const p12 = ws.exportP12('utf8', leaf, passphrase);
    expect(fingerprintOf(importIdentity({ p12, passphrase, file: 'utf8.p12' }).certificate)).toBe(ws.fingerprint(leaf.certPath));
  });

  it('non-ASCII passphrase legacy', () => {
    const passphrase = 'pässwörd ✓';
    const p12 = ws.exportP12('utf8-legacy', leaf, passphrase, ['-legacy']);
    expect(fingerprintOf(importIdentity({ p12, passphrase, file: 'utf8-legacy.p12' }).certificate)).toBe(ws.fingerprint(leaf.certPath));
  });

  it('truncated file', () => {
    const p12 = ws.exportP12('truncated', leaf, PASS);
    for (let length = 0; length < p12.length; length += 5) {
      const error = catchIdentityError(() => importIdentity({ p12: p12.subarray(0, length), passphrase: PASS, file: 'truncated.p12' }));
      expect(error.code).toBe('malformed');
      expect(error.message).toMatch(/^truncated\.p12 is not a valid PKCS#12 file: /);
    }
  });

  it('corrupted bytes never crash', () => {
    // Cheap files (one iteration) so that every byte position can be tried.
    const files = [
      ws.exportP12('fuzz-default', leaf, PASS, ['-iter', '1', '-nomaciter']),
      ws.exportP12('fuzz-legacy', leaf, PASS, ['-legacy', '-iter', '1', '-nomac']),
    ];
    const outcomes = new Map<string, number>();
    for (const original of files) {
      for (let position = 0; position < original.length; position += 3) {
        const corrupted = Buffer.from(original);
        corrupted[position] ^= 0x5a;
        let outcome = 'imported';
        try {
          importIdentity({ p12: corrupted, passphrase: PASS, file: 'fuzz.p12' });
        } catch (error) {
          expect(error).toBeInstanceOf(IdentityError);
          outcome = (error as IdentityError).code;
        }
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    }
    // A flipped byte under the MAC reads as a wrong passphrase; one in the structure is malformed.
    expect(outcomes.get('wrong-passphrase')).toBeGreaterThan(0);
    expect(outcomes.get('malformed')).toBeGreaterThan(0);
  });

  it('iteration count above limit', () => {
    // With plaintext bags, -iter sets only the MAC's count, so openssl spends one derivation on it.
    const p12 = ws.exportP12('iter-limit', leaf, PASS, ['-keypbe', 'NONE', '-certpbe', 'NONE', '-iter', '1000001']);
    expect(ws.p12Info('iter-limit', PASS)).toContain('Iteration 1000001');
    const error = catchIdentityError(() => importIdentity({ p12, passphrase: PASS, file: 'iter-limit.p12' }));
    expect(error.code).toBe('limit-exceeded');
    expect(error.message).toContain('1000001');
  });

  it('total iteration budget', () => {
    // A default file spends 3 x 2048 iterations: the MAC, the certificate container, the key.
    const p12 = ws.exportP12('budget', leaf, PASS);
    expect(readPkcs12(p12, PASS, 'budget.p12', 3 * 2048).keys).toHaveLength(1);
    const error = catchIdentityError(() => readPkcs12(p12, PASS, 'budget.p12', 3 * 2048 - 1));
    expect(error.code).toBe('limit-exceeded');
  });

  it('PEM given as p12', () => {
    const error = catchIdentityError(() => importIdentity({ p12: leaf.cert, passphrase: PASS, file: 'leaf.pem' }));
    expect(error.code).toBe('malformed');
    expect(error.message).toContain('leaf.pem');
  });

  it('certificates without key', () => {
    const certsOnly = ws.run(['pkcs12', '-export', '-nokeys', '-in', leaf.certPath, '-passout', `pass:${PASS}`]);
    const error = catchIdentityError(() => importIdentity({ p12: certsOnly, passphrase: PASS, file: 'certs-only.p12' }));
    expect(error.code).toBe('no-private-key');
  });

  it('key without matching certificate', () => {
    const other = ws.makeSelfSigned('other', '/CN=Other', 'rsa2048');
    const certsOnly = ws.run(['pkcs12', '-export', '-nokeys', '-in', other.certPath, '-passout', `pass:${PASS}`, '-nomac']);
    const keyOnly = ws.run(['pkcs12', '-export', '-nocerts', '-inkey', leaf.keyPath, '-passout', `pass:${PASS}`, '-nomac']);
    const p12 = ws.spliceP12('mismatch', [certsOnly, keyOnly]);
    const error = catchIdentityError(() => importIdentity({ p12, passphrase: PASS, file: 'mismatch.p12' }));
    expect(error.code).toBe('no-matching-certificate');
    expect(error.message).toContain('CN=Other');
  });

  it('two keys need a name', () => {
    const second = ws.makeSelfSigned('second', '/CN=Second Signer', 'p256');
    const first = ws.run(['pkcs12', '-export', '-inkey', leaf.keyPath, '-in', leaf.certPath, '-name', 'first', '-passout', `pass:${PASS}`, '-nomac']);
    const other = ws.run(['pkcs12', '-export', '-inkey', second.keyPath, '-in', second.certPath, '-name', 'second', '-passout', `pass:${PASS}`, '-nomac']);
    const p12 = ws.spliceP12('two-keys', [first, other]);

    const error = catchIdentityError(() => importIdentity({ p12, passphrase: PASS, file: 'two-keys.p12' }));
    expect(error.code).toBe('ambiguous-key');
    expect(error.message).toContain('first');
    expect(error.message).toContain('second');

    const chosen = importIdentity({ p12, passphrase: PASS, file: 'two-keys.p12', keyName: 'second' });
    expect(fingerprintOf(chosen.certificate)).toBe(ws.fingerprint(second.certPath));
    expect(chosen.description.keyType).toBe('EC P-256');

    // openssl sets localKeyID to the SHA-1 of the certificate, which -info prints per bag.
    const sha1Line = ws.run(['x509', '-in', leaf.certPath, '-noout', '-fingerprint', '-sha1']).toString('utf8');
    const localKeyId = sha1Line.trim().split('=')[1].replaceAll(':', '');
    const byId = importIdentity({ p12, passphrase: PASS, file: 'two-keys.p12', keyName: localKeyId });
    expect(fingerprintOf(byId.certificate)).toBe(ws.fingerprint(leaf.certPath));
  });

  it('other bags noted', () => {
    // A plain SafeContents with a crlBag (RFC 7292 bag type 1.2.840.113549.1.12.10.1.4), which
    // openssl cannot write, spliced in front of an openssl file.
    const crlBag = derSequence(derOid('1.2.840.113549.1.12.10.1.4'), derExplicit(0, derSequence(derOid('1.2.840.113549.1.9.23.1'), derExplicit(0, derOctetString(new Uint8Array([0x30, 0x00]))))));
    const extra = derSequence(derInteger(3n), derSequence(derOid('1.2.840.113549.1.7.1'), derExplicit(0, derOctetString(derSequence(derSequence(derOid('1.2.840.113549.1.7.1'), derExplicit(0, derOctetString(derSequence(crlBag)))))))));
    const identityPart = ws.run(['pkcs12', '-export', '-inkey', leaf.keyPath, '-in', leaf.certPath, '-passout', `pass:${PASS}`, '-nomac']);
    const p12 = ws.spliceP12('with-crl', [Buffer.from(extra), identityPart]);

    const identity = importIdentity({ p12, passphrase: PASS, file: 'with-crl.p12' });
    expect(fingerprintOf(identity.certificate)).toBe(ws.fingerprint(leaf.certPath));
    expect(identity.description.notes).toEqual([
      'with-crl.p12 has no MAC, so its integrity was not checked.',
      'with-crl.p12: ignored crlBag (1.2.840.113549.1.12.10.1.4), which identity import does not use.',
    ]);
  });

  it('chain files added to p12', () => {
    const p12 = ws.exportP12('leaf-only', leaf, PASS);
    const identity = importIdentity({ p12, passphrase: PASS, file: 'leaf-only.p12', chain: [intermediate.cert, ws.der(root.certPath)], chainFiles: ['intermediate.pem', 'root.cer'] });
    expect(identity.chain.map(fingerprintOf)).toEqual([ws.fingerprint(intermediate.certPath), ws.fingerprint(root.certPath)]);
  });
});

const corpus = needCorpus();
const corpusTools = needTools('openssl', 'python3');

describe.skipIf(corpus.skip || corpusTools.skip)('PKCS#12 from corpus profile' + corpus.reason + corpusTools.reason, () => {
  const profile = path.join(corpus.dir, 'files', 'rtroutonjp400_unsigned_RootCA_pkcs12.mobileconfig');

  it('legacy RC2-40 payload imports', () => {
    // plistlib reads the payload, so the test does not depend on this project's plist reader.
    const script = 'import plistlib,sys,json\nd=plistlib.load(open(sys.argv[1],"rb"))\np=d["PayloadContent"][0]\nprint(json.dumps({"password":p["Password"],"data":p["PayloadContent"].hex()}))';
    const extracted = JSON.parse(execFileSync('python3', ['-c', script, profile], { encoding: 'utf8' })) as { password: string; data: string };
    expect(extracted.password).toBe('pass123');
    const p12 = Buffer.from(extracted.data, 'hex');

    const info = spawnSync('openssl', ['pkcs12', '-info', '-noout', '-legacy', '-passin', 'pass:pass123'], { input: p12, encoding: 'utf8' });
    expect(info.stderr).toContain('PKCS7 Encrypted data: pbeWithSHA1And40BitRC2-CBC');
    const keyText = execFileSync('openssl', ['pkcs12', '-legacy', '-nocerts', '-nodes', '-passin', 'pass:pass123'], { input: p12 });
    const keyBits = /Private-Key: \((\d+) bit/.exec(execFileSync('openssl', ['pkey', '-noout', '-text'], { input: keyText, encoding: 'utf8' }))?.[1];
    const pem = execFileSync('openssl', ['pkcs12', '-legacy', '-nokeys', '-passin', 'pass:pass123'], { input: p12 });
    const fingerprintLine = execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256'], { input: pem, encoding: 'utf8' });
    const expectedFingerprint = fingerprintLine.trim().split('=')[1].replaceAll(':', '').toLowerCase();
    const subjectLine = execFileSync('openssl', ['x509', '-noout', '-subject', '-nameopt', 'RFC2253'], { input: pem, encoding: 'utf8' });

    const identity = importIdentity({ p12, passphrase: extracted.password, file: 'RootCA_pkcs12 payload' });
    expect(identity.description.sha256).toBe(expectedFingerprint);
    expect(identity.description.subject).toBe(subjectLine.trim().replace(/^subject=/, ''));
    expect(identity.description.subject).toMatch(/^CN=wifi\.company\.com,/);
    expect(identity.description.keyType).toBe(`RSA ${keyBits}`);
  });
});
