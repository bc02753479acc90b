import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needCorpus, needTools } from '../support/environment.ts';
import { runCli } from '../support/cli-harness.ts';
import { makePki, type Pki } from '../support/openssl-pki.ts';
import { stubXml, WIFI_PROFILE_PAYLOADS, WIFI_PROFILE_XML } from '../support/profile-fixtures.ts';

interface JsonReport {
  file: string;
  ok: boolean;
  error?: string;
  container?: string;
  plistFormat?: string;
  kind?: string;
  signed?: boolean;
  encrypted?: boolean;
  digestAlgorithm?: string;
  signers?: { subject: string; issuer: string; serialNumber: string; notBefore: string; notAfter: string; sha256: string }[];
  top?: Record<string, unknown>;
  payloads?: Record<string, unknown>[];
  stub?: { facts: Record<string, unknown>; signerCerts: { subject: string; sha256: string }[] };
  encryption?: { recipients: { issuer?: string; serialNumber?: string }[]; contentEncryptionAlgorithm: string };
  warnings: string[];
}

async function inspectJson(...files: string[]): Promise<{ code: number; reports: JsonReport[]; stderr: string }> {
  const run = await runCli(['inspect', '--json', ...files]);
  return { code: run.code, reports: JSON.parse(run.stdout) as JsonReport[], stderr: run.stderr };
}

/** Certificate facts as openssl prints them, in the report's formats. */
function opensslFacts(pki: Pki, certPath: string) {
  const print = (...options: string[]) => pki.openssl(['x509', '-in', certPath, '-noout', ...options, '-nameopt', 'RFC2253']).toString().trim();
  const isoDate = (line: string) => new Date(line.slice(line.indexOf('=') + 1)).toISOString();
  return {
    subject: print('-subject').replace(/^subject=/, ''),
    issuer: print('-issuer').replace(/^issuer=/, ''),
    serialNumber: print('-serial').replace(/^serial=/, '').toLowerCase(),
    notBefore: isoDate(print('-startdate')),
    notAfter: isoDate(print('-enddate')),
    sha256: print('-fingerprint', '-sha256').replace(/^.*=/, '').replace(/:/g, '').toLowerCase(),
  };
}

describe('inspect usage', () => {
  it('exits 2 without files', async () => {
    const run = await runCli(['inspect']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/give at least one file/);
  });

  it('exits 2 on an unknown option', async () => {
    const run = await runCli(['inspect', '--colour', 'x.mobileconfig']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--colour/);
  });

  it('exits 1 for a missing file and names it', async () => {
    const { code, reports } = await inspectJson('/nonexistent/missing.mobileconfig');
    expect(code).toBe(1);
    expect(reports[0]).toMatchObject({ file: '/nonexistent/missing.mobileconfig', ok: false, error: 'file not found' });
  });
});

const tools = needTools('openssl', 'python3');

describe.skipIf(tools.skip)('inspect --json' + tools.reason, () => {
  let pki: Pki;
  let unsignedPath: string;
  let signedPath: string;
  let stubPath: string;
  let binaryStubPath: string;
  let brokenPath: string;

  beforeAll(() => {
    pki = makePki();
    unsignedPath = pki.write('wifi.mobileconfig', Buffer.from(WIFI_PROFILE_XML));
    signedPath = path.join(pki.dir, 'wifi-signed.mobileconfig');
    pki.openssl(['cms', '-sign', '-binary', '-nodetach', '-outform', 'DER', '-in', unsignedPath, '-signer', pki.leafEc.certPath, '-inkey', pki.leafEc.keyPath, '-certfile', pki.intermediate.certPath, '-out', signedPath]);
    stubPath = pki.write('profile-abc.stub', Buffer.from(stubXml(Buffer.from(pki.root.der).toString('base64'))));
    binaryStubPath = path.join(pki.dir, 'profile-bin.stub');
    execFileSync('python3', ['-c', 'import plistlib,sys; d=plistlib.load(open(sys.argv[1],"rb")); open(sys.argv[2],"wb").write(plistlib.dumps(d, fmt=plistlib.FMT_BINARY))', stubPath, binaryStubPath]);
    brokenPath = pki.write('broken.mobileconfig', Buffer.from('<plist version="1.0"><dict><key>A</key></dict></plist>'));
  });

  afterAll(() => pki?.cleanup());

  it('describes an unsigned profile', async () => {
    const { code, reports } = await inspectJson(unsignedPath);
    expect(code).toBe(0);
    expect(reports[0]).toMatchObject({ ok: true, container: 'xml', plistFormat: 'xml', kind: 'profile', signed: false, encrypted: false });
    expect(reports[0].top).toMatchObject({ PayloadType: 'Configuration', PayloadIdentifier: 'com.example.wifi', PayloadUUID: 'A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF', PayloadDisplayName: 'Café ✓ Résumé', PayloadVersion: 1 });
    expect(reports[0].payloads).toEqual(WIFI_PROFILE_PAYLOADS);
  });

  it('describes the signer as openssl does', async () => {
    const { reports } = await inspectJson(signedPath);
    expect(reports[0]).toMatchObject({ ok: true, container: 'cms-signed', plistFormat: 'xml', kind: 'profile', signed: true, digestAlgorithm: 'sha256' });
    expect(reports[0].signers).toHaveLength(1);
    expect(reports[0].signers![0]).toMatchObject(opensslFacts(pki, pki.leafEc.certPath));
  });

  for (const [name, file] of [['XML', () => stubPath], ['binary', () => binaryStubPath]] as const) {
    it(`describes a ${name} stub`, async () => {
      const { reports } = await inspectJson(file());
      expect(reports[0]).toMatchObject({ ok: true, kind: 'stub', plistFormat: name === 'XML' ? 'xml' : 'binary' });
      expect(reports[0].stub?.facts).toEqual({
        ProfileWasSigned: true,
        ProfileWasEncrypted: false,
        ProfileWasTrusted: true,
        ProfileTrustLevel: 2,
        MCProfileIsRemovalStub: false,
        InstallDate: '2025-03-14T09:26:53Z',
        ProductVersion: '17.4',
      });
      expect(reports[0].stub?.signerCerts).toHaveLength(1);
      expect(reports[0].stub?.signerCerts[0]).toMatchObject(opensslFacts(pki, pki.root.certPath));
      expect(reports[0].payloads).toEqual([{ PayloadType: 'com.apple.wifi.managed', PayloadIdentifier: 'com.example.stub.wifi', PayloadUUID: '11111111-2222-4333-8444-555555555555' }]);
    });
  }

  it('reports a bad file and still the good ones', async () => {
    const { code, reports, stderr } = await inspectJson(brokenPath, unsignedPath);
    expect(code).toBe(1);
    expect(reports[0].ok).toBe(false);
    expect(reports[0].error).toMatch(/line 1, column \d+: .*<key>.*no value|key "A" has no value|A/);
    expect(reports[1].ok).toBe(true);
    expect(stderr).toContain(`${brokenPath}: `);
  });

  it('describes dropped certificate files', async () => {
    const { code, reports } = await inspectJson(pki.intermediate.certPath, path.join(pki.dir, 'intermediate.der'));
    expect(code).toBe(0);
    for (const report of reports) {
      expect(report).toMatchObject({ ok: true, kind: 'certificate' });
      expect((report as unknown as { certificates: unknown[] }).certificates).toEqual([expect.objectContaining(opensslFacts(pki, pki.intermediate.certPath))]);
    }
  });

  it('recognises a PKCS#12 file', async () => {
    const p12 = path.join(pki.dir, 'leaf.p12');
    pki.openssl(['pkcs12', '-export', '-inkey', pki.leafEc.keyPath, '-in', pki.leafEc.certPath, '-passout', 'pass:x', '-out', p12]);
    const { code, reports } = await inspectJson(p12);
    expect(code).toBe(0);
    expect(reports[0]).toMatchObject({ ok: true, kind: 'identity' });
    expect(reports[0].warnings[0]).toMatch(/import it in the certificate manager/);
  });

  it('recognises a signed device attribute response', async () => {
    const response = pki.write('response.plist', Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict><key>UDID</key><string>00008030-001A2B3C4D5E6F70</string><key>PRODUCT</key><string>iPhone15,2</string><key>VERSION</key><string>21E236</string><key>CHALLENGE</key><string>one-time-secret</string></dict></plist>
`));
    const signed = path.join(pki.dir, 'response.p7s');
    pki.openssl(['cms', '-sign', '-binary', '-nodetach', '-outform', 'DER', '-in', response, '-signer', pki.device.certPath, '-inkey', pki.device.keyPath, '-out', signed]);
    const run = await runCli(['inspect', '--json', signed]);
    const [report] = JSON.parse(run.stdout) as (JsonReport & { deviceAttributes: { deviceId: string; challenge: string; attributes: { name: string; value: string }[] } })[];
    expect(report).toMatchObject({ ok: true, kind: 'device-attributes', signed: true });
    expect(report.deviceAttributes.deviceId).toBe('00008030-001A2B3C4D5E6F70');
    expect(report.deviceAttributes.challenge).toBe('string');
    expect(report.deviceAttributes.attributes.map((a) => a.name)).toEqual(['UDID', 'PRODUCT', 'VERSION']);
    expect(report.signers![0].subject).toBe('CN=Device Identity 0001');
    expect(run.stdout).not.toContain('one-time-secret');
  });

  it('prints a readable summary without --json', async () => {
    const run = await runCli(['inspect', signedPath]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('CMS signed, xml plist inside');
    expect(run.stdout).toContain('signer: CN=EC Signer,O=Mobileconfig Test,C=FR');
    expect(run.stdout).toContain('[0] com.apple.wifi.managed "Wi-Fi Café ✓"');
  });
});

const corpus = needCorpus();

describe.skipIf(corpus.skip)('inspect on the corpus' + corpus.reason, () => {
  const files = corpus.skip ? [] : readdirSync(path.join(corpus.dir, 'files')).sort();
  const manifest = corpus.skip ? new Map<string, string>() : readManifestKinds(corpus.dir);

  // Broken by name but well-formed: their faults are for the validator, or a warning.
  const OPENS_DESPITE_NAME = new Map([
    ['talieisin_broken_missing-payload-uuid_crlf-comment.mobileconfig', ''],
    ['talieisin_broken_outer-type-NotConfiguration_crlf.mobileconfig', ''],
    ['msintune_broken_docker-signin_leading-space-before-xmldecl.mobileconfig', 'white space'],
  ]);

  // Listed as "other" but not a plist document: a bare fragment with no <plist> root.
  const REJECTED_DESPITE_KIND = new Map([['msintune_other_plist-fragment-no-root.plist', /no <plist> root element/]]);

  for (const name of files) {
    const kind = manifest.get(`files/${name}`);
    const shouldOpen = (kind !== 'fixture-broken' || OPENS_DESPITE_NAME.has(name)) && !REJECTED_DESPITE_KIND.has(name);
    it(`${shouldOpen ? 'opens' : 'rejects'} ${name}`, async () => {
      const { code, reports } = await inspectJson(path.join(corpus.dir, 'files', name));
      expect(reports[0].ok).toBe(shouldOpen);
      expect(code).toBe(shouldOpen ? 0 : 1);
      if (!shouldOpen) expect(reports[0].error!.length).toBeGreaterThan(10);
      const rejection = REJECTED_DESPITE_KIND.get(name);
      if (rejection) expect(reports[0].error).toMatch(rejection);
      const warning = OPENS_DESPITE_NAME.get(name);
      if (warning) expect(reports[0].warnings.join(' ')).toMatch(new RegExp(warning));
    });
  }

  it('finds the recipient of the encrypted profile', async () => {
    const { reports } = await inspectJson(path.join(corpus.dir, 'files', 'rtroutonjp400_encrypted_CompanyWiFi.mobileconfig'));
    const crt = path.join(corpus.dir, 'companions', 'rtroutonjp400_server.crt');
    const serial = execFileSync('openssl', ['x509', '-in', crt, '-noout', '-serial']).toString().trim().replace('serial=', '').toLowerCase();
    expect(reports[0]).toMatchObject({ ok: true, encrypted: true, kind: 'profile' });
    expect(reports[0].encryption?.recipients.map((r) => r.serialNumber)).toEqual([serial]);
    expect(reports[0].encryption?.contentEncryptionAlgorithm).toMatch(/1\.2\.840\.113549\.3\.7/);
  });

  it('describes the signed corpus profile signer as openssl does', async () => {
    const file = path.join(corpus.dir, 'files', 'encdns_signed_cloudflare-default-https_2026_letsencrypt-ecdsa.mobileconfig');
    const { reports } = await inspectJson(file);
    const subject = execFileSync('sh', ['-c', `openssl cms -verify -noverify -inform DER -in "${file}" -out /dev/null -signer /dev/stdout 2>/dev/null | openssl x509 -noout -subject -nameopt RFC2253`]).toString().trim();
    expect(reports[0]).toMatchObject({ ok: true, signed: true, digestAlgorithm: 'sha256', kind: 'profile' });
    expect(`subject=${reports[0].signers![0].subject}`).toBe(subject);
  });
});

function readManifestKinds(dir: string): Map<string, string> {
  const rows = readFileSync(path.join(dir, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1);
  return new Map(rows.filter(Boolean).map((row) => {
    const cells = row.split('\t');
    return [cells[0], cells[5]];
  }));
}
