import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.ts';
import { needTools } from '../support/environment.ts';
import { makePki, type Pki } from '../support/openssl-pki.ts';
import { WIFI_PROFILE_XML } from '../support/profile-fixtures.ts';

const tools = needTools('openssl');

describe.skipIf(tools.skip)('verify command' + tools.reason, () => {
  let pki: Pki;
  let profile: string;
  let signed: string;
  let noCerts: string;

  beforeAll(async () => {
    pki = makePki();
    profile = pki.write('wifi.mobileconfig', Buffer.from(WIFI_PROFILE_XML));
    signed = path.join(pki.dir, 'signed.mobileconfig');
    const run = await runCli(['sign', profile, '-o', signed, '--cert', pki.leafEc.certPath, '--key', pki.leafEc.keyPath, '--chain', pki.intermediate.certPath]);
    if (run.code !== 0) throw new Error(run.stderr);
    noCerts = path.join(pki.dir, 'nocerts.mobileconfig');
    pki.openssl(['cms', '-sign', '-binary', '-nodetach', '-nocerts', '-outform', 'DER', '-in', profile, '-signer', pki.leafRsa.certPath, '-inkey', pki.leafRsa.keyPath, '-out', noCerts]);
  });
  afterAll(() => pki?.cleanup());

  it('missing signer cannot be checked', async () => {
    const json = await runCli(['verify', noCerts, '--ca', pki.root.certPath, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.status).toBe('error');
    expect(report.signed).toBe(true);
    expect(report.signatureValid).toBe(false);
    expect(report.message).toMatch(/^the signature cannot be checked: the signer certificate \(issuer CN=Test Intermediate CA/);
    expect(report.message).toMatch(/--certfile/);

    const text = await runCli(['verify', noCerts, '--ca', pki.root.certPath]);
    expect(text.stdout).toMatch(/: error: the signature cannot be checked/);
    expect(text.stdout).not.toMatch(/invalid/);
    expect(text.stdout).not.toMatch(/signature valid:/);
  });

  it('--certfile supplies signer and intermediate', async () => {
    const bundle = pki.write('extra.pem', readFileSync(pki.leafRsa.certPath, 'utf8') + readFileSync(pki.intermediate.certPath, 'utf8'));
    const run = await runCli(['verify', noCerts, '--ca', pki.root.certPath, '--certfile', bundle, '--json']);
    expect(run.code, run.stdout).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.status).toBe('valid');
    expect(report.signatureValid).toBe(true);
    expect(report.chainTrusted).toBe(true);
    expect(report.chainComplete).toBe(false);
  });

  it('--certfile repeats and reads DER', async () => {
    const run = await runCli(['verify', noCerts, '--ca', pki.root.certPath, '--certfile', path.join(pki.dir, 'leaf-rsa.der'), '--certfile', path.join(pki.dir, 'intermediate.der'), '--json']);
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.stdout).status).toBe('valid');
  });

  it('bad --ca names the option file', async () => {
    const folder = path.join(pki.dir, 'a-folder');
    mkdirSync(folder);
    const p12 = path.join(pki.dir, 'leaf.p12');
    pki.openssl(['pkcs12', '-export', '-inkey', pki.leafRsa.keyPath, '-in', pki.leafRsa.certPath, '-passout', 'pass:x', '-out', p12]);
    const missing = path.join(pki.dir, 'nope.pem');

    const notFound = await runCli(['verify', signed, '--ca', missing]);
    expect(notFound.code).toBe(1);
    expect(notFound.stderr).toBe(`mobileconfig verify: --ca ${missing}: file not found\n`);

    const isFolder = await runCli(['verify', signed, '--ca', folder]);
    expect(isFolder.stderr).toBe(`mobileconfig verify: --ca ${folder}: is a folder, not a file\n`);

    const identity = await runCli(['verify', signed, '--ca', p12]);
    expect(identity.stderr).toMatch(/^mobileconfig verify: --ca \S+leaf\.p12: the file is a PKCS#12 identity, not a certificate: extract its certificates with 'openssl pkcs12 /);
    expect(identity.stderr).not.toMatch(/--identity/);

    const certfile = await runCli(['verify', signed, '--certfile', missing]);
    expect(certfile.stderr).toBe(`mobileconfig verify: --certfile ${missing}: file not found\n`);
  });

  it('inspect bad --ca uses same form', async () => {
    const missing = path.join(pki.dir, 'nope.pem');
    const run = await runCli(['inspect', signed, '--ca', missing]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`mobileconfig inspect: --ca ${missing}: file not found\n`);
  });

  it('intermediate --ca stays valid with a warning', async () => {
    const run = await runCli(['verify', signed, '--ca', pki.intermediate.certPath, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.status).toBe('valid');
    expect(report.chainComplete).toBe(true);
    expect(report.problems).toEqual([expect.stringMatching(/^the trust anchor CN=Test Intermediate CA,O=Mobileconfig Test,C=FR is not a root certificate: devices trust only roots, so they may show the profile as "Not Verified"/)]);
  });

  it('not-yet-valid signer in JSON', async () => {
    pki.openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'future.key']);
    pki.openssl(['req', '-new', '-key', 'future.key', '-subj', '/CN=Future Signer', '-out', 'future.csr']);
    pki.openssl(['ca', '-batch', '-config', 'ca.cnf', '-cert', 'intermediate.pem', '-keyfile', 'intermediate.key', '-in', 'future.csr', '-out', 'future.pem', '-startdate', '20300101000000Z', '-enddate', '20310101000000Z', '-notext']);
    const future = path.join(pki.dir, 'future.mobileconfig');
    await runCli(['sign', profile, '-o', future, '--cert', path.join(pki.dir, 'future.pem'), '--key', path.join(pki.dir, 'future.key'), '--chain', pki.intermediate.certPath]);

    const run = await runCli(['verify', future, '--ca', pki.root.certPath, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.status).toBe('not-yet-valid');
    expect(report.signerNotYetValid).toBe(true);
    expect(report.signerNotYetValidAtSigningTime).toBe(true);
    expect(report.signerExpired).toBe(false);
    expect(report.signerExpiredAtSigningTime).toBe(false);
    expect(report.message).toBe('the signature is valid but a certificate is not valid yet: certificate CN=Future Signer is not valid until 2030-01-01T00:00:00.000Z');
  });

  it('help defines the facts', async () => {
    const run = await runCli(['verify', '--help']);
    expect(run.stdout).toMatch(/chainComplete {6}the file contains the signer certificate and every intermediate; the root\n\s+may be left out/);
    expect(run.stdout).toMatch(/not-yet-valid {2}the signature verifies but a certificate on the chain is not valid yet/);
    expect(run.stdout).toMatch(/--certfile FILE/);
  });
});
