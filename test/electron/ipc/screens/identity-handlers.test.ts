// The certificate manager's methods with identities made by openssl: passphrase codes the
// renderer acts on, nothing stored after a failed import, PEM keys, device certificates, and
// replies that carry summaries only.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { needTools } from '../../../support/environment.ts';
import { makePki, type Pki } from '../../../support/openssl-pki.ts';
import { OTHER_WINDOW, rejection, screenSetup } from './screen-fixtures.ts';

const tools = needTools('openssl');
const PASSPHRASE = 'handler passphrase';

describe.skipIf(tools.skip)('identity handlers' + tools.reason, () => {
  let pki: Pki;
  let dir: string;
  let p12: string;
  let encryptedKey: string;

  beforeAll(async () => {
    pki = makePki();
    dir = await mkdtemp(path.join(tmpdir(), 'identity-handlers-'));
    p12 = path.join(dir, 'signer.p12');
    pki.openssl(['pkcs12', '-export', '-in', pki.leafRsa.certPath, '-inkey', pki.leafRsa.keyPath, '-certfile', pki.intermediate.certPath, '-passout', `pass:${PASSPHRASE}`, '-out', p12]);
    encryptedKey = path.join(dir, 'device.key');
    pki.openssl(['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', pki.device.keyPath, '-passout', `pass:${PASSPHRASE}`, '-out', encryptedKey]);
  });

  afterAll(async () => {
    pki?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const chooseP12 = async (setup: ReturnType<typeof screenSetup>) => {
    setup.openPaths.push([p12]);
    const chosen = await setup.call('identity.choosePkcs12', {});
    if (!chosen) throw new Error('the dialog returned nothing');
    return chosen;
  };

  it('imports a p12 and lists it', async () => {
    const setup = screenSetup();
    const chosen = await chooseP12(setup);
    expect(chosen.displayName).toBe('signer.p12');
    const summary = await setup.call('identity.importPkcs12', { fileId: chosen.fileId, passphrase: PASSPHRASE });
    const opensslSha256 = pki.openssl(['x509', '-in', pki.leafRsa.certPath, '-noout', '-fingerprint', '-sha256']).toString().trim().split('=')[1].replace(/:/g, '').toLowerCase();
    expect(summary.certificate.sha256).toBe(opensslSha256);
    expect(summary.certificate.keyType).toBe('RSA 2048');

    const state = await setup.call('keystore.state', {});
    expect(state.identities.map((identity) => identity.id)).toEqual([summary.id]);
    expect(state.persistence).toEqual({ mode: 'encrypted' });
    expect(state.loadProblem).toBeNull();
    // The reply has certificate facts and ids only.
    expect(JSON.stringify(state)).not.toMatch(/PRIVATE KEY|privateKey/);
  });

  it('reports a wrong passphrase and stores nothing', async () => {
    const setup = screenSetup();
    const chosen = await chooseP12(setup);
    const error = await rejection(setup.call('identity.importPkcs12', { fileId: chosen.fileId, passphrase: 'wrong' }));
    expect(error.code).toBe('wrong-passphrase');
    expect(error.message).not.toContain('wrong');
    expect(setup.keystore.listIdentities()).toEqual([]);
    expect(setup.storage.bytes).toBeNull();
  });

  it('asks for the passphrase of an encrypted PEM key', async () => {
    const setup = screenSetup();
    setup.openPaths.push([pki.device.certPath], [encryptedKey]);
    const chosen = await setup.call('identity.choosePem', {});
    if (!chosen) throw new Error('the dialogs returned nothing');
    expect(setup.dialogTitles).toEqual(['Choose the certificate (PEM or DER)', 'Choose the private key of device.pem']);

    const missing = await rejection(setup.call('identity.importPem', { certificateFileId: chosen.certificate.fileId, keyFileId: chosen.key.fileId }));
    expect(missing.code).toBe('passphrase-required');
    const summary = await setup.call('identity.importPem', { certificateFileId: chosen.certificate.fileId, keyFileId: chosen.key.fileId, passphrase: PASSPHRASE });
    expect(summary.certificate.subject).toBe('CN=Device Identity 0001');
  });

  it('returns null when the key dialog is cancelled', async () => {
    const setup = screenSetup();
    setup.openPaths.push([pki.device.certPath]);
    await expect(setup.call('identity.choosePem', {})).resolves.toBeNull();
  });

  it('rejects a chosen file of another window', async () => {
    const setup = screenSetup();
    const chosen = await chooseP12(setup);
    const error = await rejection(setup.call('identity.importPkcs12', { fileId: chosen.fileId, passphrase: PASSPHRASE }, OTHER_WINDOW));
    expect(error.code).toBe('not-found');
  });

  it('removes an identity', async () => {
    const setup = screenSetup();
    const summary = await setup.call('identity.importPkcs12', { fileId: (await chooseP12(setup)).fileId, passphrase: PASSPHRASE });
    await setup.call('identity.remove', { identityId: summary.id });
    expect(setup.keystore.listIdentities()).toEqual([]);
    expect((await rejection(setup.call('identity.remove', { identityId: summary.id }))).code).toBe('not-found');
  });

  it('adds device certificates and reports bad files', async () => {
    const setup = screenSetup();
    const junk = path.join(dir, 'junk.cer');
    await writeFile(junk, 'not a certificate');
    const gone = path.join(dir, 'gone.cer');
    setup.openPaths.push([pki.device.certPath, junk, gone, pki.leafEc.certPath]);
    const result = await setup.call('recipient.import', {});
    expect(result?.added.map((recipient) => recipient.certificate.subject)).toEqual(['CN=Device Identity 0001', 'CN=EC Signer,O=Mobileconfig Test,C=FR']);
    expect(result?.added[1].unusable).toMatch(/RSA key transport/);
    expect(result?.failures.map((failure) => failure.file).sort()).toEqual([gone, junk].sort());
    expect(result?.failures.find((failure) => failure.file === gone)?.message).toBe(`${gone} was not found (it may have been moved or deleted).`);
  });

  it('adds an inspected certificate file', async () => {
    const setup = screenSetup();
    const [inspected] = (await setup.call('inspect.dropped', { paths: [pki.device.certPath] })).files;
    expect(inspected.report.kind).toBe('certificate');
    const result = await setup.call('recipient.importInspected', { inspectionIds: [inspected.inspectionId] });
    expect(result.added.map((recipient) => recipient.certificate.subject)).toEqual(['CN=Device Identity 0001']);
    await setup.call('recipient.remove', { recipientId: result.added[0].id });
    expect(setup.keystore.listRecipients()).toEqual([]);
  });
});
