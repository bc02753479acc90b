import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needCorpus, needTools } from '../support/environment.ts';
import { runCli } from '../support/cli-harness.ts';
import { makePki, type Pki } from '../support/openssl-pki.ts';
import { plistlibCanonical, plistlibCanonicalMany } from '../support/plist-oracle.ts';
import { WIFI_PROFILE_XML } from '../support/profile-fixtures.ts';

const tools = needTools('openssl', 'python3');

/** Reads `key` of a plist file with plistlib, as canonical JSON. */
function plistKey(file: string, key: string): unknown {
  const script = 'import plistlib,sys; d=plistlib.load(open(sys.argv[1],"rb")); sys.stdout.buffer.write(plistlib.dumps(d[sys.argv[2]]) if sys.argv[2] in d else b"")';
  const out = execFileSync('python3', ['-c', script, file, key]);
  return out.length ? plistlibCanonical(out) : undefined;
}

/** Extracts EncryptedPayloadContent of a profile (XML or binary) with plistlib. */
function envelopeOf(file: string): Buffer {
  return execFileSync('python3', ['-c', 'import plistlib,sys; sys.stdout.buffer.write(plistlib.load(open(sys.argv[1],"rb"))["EncryptedPayloadContent"])', file]);
}

describe.skipIf(tools.skip)('sign, verify, encrypt and decrypt commands' + tools.reason, () => {
  let pki: Pki;
  let profile: string;
  let p12: string;
  const env = { P12_PASS: 'correct horse' };

  beforeAll(() => {
    pki = makePki();
    profile = pki.write('wifi.mobileconfig', Buffer.from(WIFI_PROFILE_XML));
    p12 = path.join(pki.dir, 'signer.p12');
    pki.openssl(['pkcs12', '-export', '-inkey', pki.leafRsa.keyPath, '-in', pki.leafRsa.certPath, '-certfile', pki.intermediate.certPath, '-passout', 'pass:correct horse', '-out', p12]);
  });
  afterAll(() => pki?.cleanup());

  const out = (name: string) => path.join(pki.dir, name);

  it('signs with a p12 so that openssl verifies it', async () => {
    const run = await runCli(['sign', profile, '-o', out('signed.mobileconfig'), '--identity', p12, '--passphrase-env', 'P12_PASS'], env);
    expect(run.code, run.stderr).toBe(0);
    const content = pki.openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-in', out('signed.mobileconfig'), '-CAfile', pki.root.certPath, '-purpose', 'any']);
    expect(content.equals(Buffer.from(WIFI_PROFILE_XML))).toBe(true);
    const certs = pki.openssl(['cms', '-cmsout', '-inform', 'DER', '-in', out('signed.mobileconfig'), '-print']).toString();
    expect(certs).toContain('Test Intermediate CA');
  });

  it('says so for a wrong passphrase', async () => {
    const run = await runCli(['sign', profile, '-o', out('never.mobileconfig'), '--identity', p12, '--passphrase-env', 'P12_PASS'], { P12_PASS: 'wrong' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/wrong passphrase/i);
    expect(existsSync(out('never.mobileconfig'))).toBe(false);
  });

  it('verifies as valid with the root as --ca', async () => {
    await runCli(['sign', profile, '-o', out('signed-v.mobileconfig'), '--cert', pki.leafEc.certPath, '--key', pki.leafEc.keyPath, '--chain', pki.intermediate.certPath]);
    const run = await runCli(['verify', out('signed-v.mobileconfig'), '--ca', pki.root.certPath, '--json']);
    const report = JSON.parse(run.stdout);
    expect(run.code).toBe(0);
    expect(report).toMatchObject({ signed: true, status: 'valid', signatureValid: true, chainComplete: true, chainTrusted: true, signerExpired: false, digestAlgorithm: 'sha256' });
    expect(report.signers[0].subject).toBe('CN=EC Signer,O=Mobileconfig Test,C=FR');
  });

  it('verifies as untrusted without the root', async () => {
    const run = await runCli(['verify', out('signed-v.mobileconfig'), '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'untrusted', signatureValid: true, chainComplete: true, chainTrusted: false, message: expect.stringMatching(/not trusted/) });
  });

  it('reports a changed byte as invalid', async () => {
    const bytes = readFileSync(out('signed-v.mobileconfig'));
    const at = bytes.indexOf(Buffer.from('Example Org'));
    bytes[at] ^= 0x20;
    writeFileSync(out('tampered.mobileconfig'), bytes);
    const run = await runCli(['verify', out('tampered.mobileconfig'), '--ca', pki.root.certPath, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ signed: true, status: 'invalid', signatureValid: false });
  });

  it('reports an unsigned profile as unsigned', async () => {
    const run = await runCli(['verify', profile, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ signed: false, status: 'unsigned' });
  });

  it('encrypts so that openssl decrypts the payloads', async () => {
    const run = await runCli(['encrypt', profile, '-o', out('enc.mobileconfig'), '--recipient', pki.device.certPath]);
    expect(run.code, run.stderr).toBe(0);
    expect(plistKey(out('enc.mobileconfig'), 'PayloadContent')).toBeUndefined();
    expect(plistKey(out('enc.mobileconfig'), 'PayloadIdentifier')).toEqual({ string: 'com.example.wifi' });
    writeFileSync(out('envelope.der'), envelopeOf(out('enc.mobileconfig')));
    const plain = pki.openssl(['cms', '-decrypt', '-inform', 'DER', '-in', out('envelope.der'), '-recip', pki.device.certPath, '-inkey', pki.device.keyPath]);
    expect(plistlibCanonical(plain)).toEqual(plistKey(profile, 'PayloadContent'));
    const printed = pki.openssl(['cms', '-cmsout', '-inform', 'DER', '-in', out('envelope.der'), '-print']).toString();
    expect(printed).toContain('aes-256-cbc');
  });

  it('encrypts, signs, verifies and decrypts back', async () => {
    const sealed = await runCli(['encrypt', profile, '-o', out('enc-signed.mobileconfig'), '--recipient', pki.device.certPath, '--cipher', 'des-ede3-cbc', '--identity', p12, '--passphrase-env', 'P12_PASS'], env);
    expect(sealed.code, sealed.stderr).toBe(0);
    const verified = await runCli(['verify', out('enc-signed.mobileconfig'), '--ca', pki.root.certPath, '--json']);
    expect(JSON.parse(verified.stdout).status).toBe('valid');
    const opened = await runCli(['decrypt', out('enc-signed.mobileconfig'), '-o', out('dec.mobileconfig'), '--cert', pki.device.certPath, '--key', pki.device.keyPath]);
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.stderr).toMatch(/signature was dropped/);
    const [original, decrypted] = plistlibCanonicalMany([readFileSync(profile), readFileSync(out('dec.mobileconfig'))]);
    expect(decrypted).toEqual(original);
  });

  it('refuses an identity that is no recipient', async () => {
    const run = await runCli(['decrypt', out('enc.mobileconfig'), '-o', out('nope.mobileconfig'), '--cert', pki.leafRsa.certPath, '--key', pki.leafRsa.keyPath]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no recipient matches/i);
    expect(existsSync(out('nope.mobileconfig'))).toBe(false);
  });

  it('encrypt with missing recipient file', async () => {
    const missing = out('no-such-device.pem');
    const run = await runCli(['encrypt', profile, '-o', out('missing-recipient.mobileconfig'), '--recipient', missing]);
    expect(run.stderr).toBe(`mobileconfig encrypt: --recipient ${missing}: file not found\n`);
    expect(run.code).toBe(1);
    expect(existsSync(out('missing-recipient.mobileconfig'))).toBe(false);
  });

  it('encrypt with folder as recipient', async () => {
    const run = await runCli(['encrypt', profile, '-o', out('folder-recipient.mobileconfig'), '--recipient', pki.dir]);
    expect(run.stderr).toBe(`mobileconfig encrypt: --recipient ${pki.dir}: is a folder, not a file\n`);
    expect(run.code).toBe(1);
  });

  it('encrypts once per device in batch and skips a bad certificate', async () => {
    const devices = out('devices');
    const results = out('per-device');
    execFileSync('mkdir', ['-p', devices, results]);
    for (const n of [1, 2, 3]) {
      pki.openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(devices, `d${n}.key`), '-out', path.join(devices, `d${n}.pem`), '-subj', `/CN=iPad ${n}`, '-days', '30']);
    }
    writeFileSync(path.join(devices, 'broken.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');

    const run = await runCli(['encrypt', profile, '--recipients-dir', devices, '--out-dir', results]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.pem.*\(skipped\)/);
    expect(run.stderr).toMatch(/for 3 devices; 1 certificate file skipped/);
    const written = readdirSync(results).sort();
    expect(written).toHaveLength(3);
    expect(written[0]).toMatch(/^iPad_1-[0-9a-f]+\.mobileconfig$/);

    writeFileSync(out('d2-envelope.der'), envelopeOf(path.join(results, written[1])));
    const plain = pki.openssl(['cms', '-decrypt', '-inform', 'DER', '-in', out('d2-envelope.der'), '-recip', path.join(devices, 'd2.pem'), '-inkey', path.join(devices, 'd2.key')]);
    expect(plistlibCanonical(plain)).toEqual(plistKey(profile, 'PayloadContent'));
  });

  it('decrypts what openssl encrypted for two recipients', async () => {
    const payloads = execFileSync('python3', ['-c', 'import plistlib,sys; sys.stdout.buffer.write(plistlib.dumps(plistlib.load(open(sys.argv[1],"rb"))["PayloadContent"]))', profile]);
    writeFileSync(out('payloads.plist'), payloads);
    const envelope = pki.openssl(['cms', '-encrypt', '-binary', '-aes128', '-outform', 'DER', '-in', out('payloads.plist'), pki.leafRsa.certPath, pki.device.certPath]);
    const script = 'import plistlib,sys; d=plistlib.load(open(sys.argv[1],"rb")); del d["PayloadContent"]; d["EncryptedPayloadContent"]=open(sys.argv[2],"rb").read(); open(sys.argv[3],"wb").write(plistlib.dumps(d))';
    writeFileSync(out('ossl-env.der'), envelope);
    execFileSync('python3', ['-c', script, profile, out('ossl-env.der'), out('ossl-enc.mobileconfig')]);

    const run = await runCli(['decrypt', out('ossl-enc.mobileconfig'), '-o', out('ossl-dec.mobileconfig'), '--cert', pki.device.certPath, '--key', pki.device.keyPath]);
    expect(run.code, run.stderr).toBe(0);
    expect(plistKey(out('ossl-dec.mobileconfig'), 'PayloadContent')).toEqual(plistKey(profile, 'PayloadContent'));
  });
});

const corpus = needCorpus();

describe.skipIf(tools.skip || corpus.skip)('decrypt the corpus profile' + (tools.reason || corpus.reason), () => {
  it('restores the Wi-Fi payload with the companion key', async () => {
    const dir = path.join(corpus.dir, 'companions');
    const output = path.join(execFileSync('mktemp', ['-d']).toString().trim(), 'CompanyWiFi.mobileconfig');
    const run = await runCli(['decrypt', path.join(corpus.dir, 'files', 'rtroutonjp400_encrypted_CompanyWiFi.mobileconfig'), '-o', output, '--cert', path.join(dir, 'rtroutonjp400_server.crt'), '--key', path.join(dir, 'rtroutonjp400_server.key')]);
    expect(run.code, run.stderr).toBe(0);
    const payloads = plistKey(output, 'PayloadContent') as { array: { dict: [string, unknown][] }[] };
    const wifi = new Map(payloads.array[0].dict);
    expect(wifi.get('PayloadType')).toEqual({ string: 'com.apple.wifi.managed' });
    expect(wifi.get('SSID_STR')).toEqual({ string: 'Secure' });
  });
});
