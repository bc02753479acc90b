import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { IdentityError, importIdentityFromFiles, readIdentityFiles, type PromptTerminal } from '../../../../electron/services/identity/index.ts';
import { needTools } from '../../../support/environment.ts';
import { OpensslWorkspace, type Issued } from './fixtures.ts';

const PASS = 'file passphrase';

/** Creates a terminal stand-in that types `lines` one at a time, each after the previous prompt. */
function typingTerminal(isTTY: boolean, lines: readonly string[]): { terminal: PromptTerminal; written: () => string } {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  let next = 0;
  output.on('data', (chunk: Buffer) => {
    written += chunk.toString('utf8');
    // Answer each prompt as it appears, as a person would.
    if (chunk.toString('utf8').startsWith('Passphrase for') && next < lines.length) setImmediate(() => input.write(`${lines[next++]}\r`));
  });
  Object.assign(input, { isTTY, setRawMode: () => undefined });
  return { terminal: { input, output }, written: () => written };
}

async function rejection(promise: Promise<unknown>): Promise<IdentityError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(IdentityError);
  return error as IdentityError;
}

const tools = needTools('openssl');

describe.skipIf(tools.skip)('identity import from files' + tools.reason, () => {
  let ws: OpensslWorkspace;
  let signer: Issued;
  let p12Path: string;
  let encryptedKeyPath: string;

  beforeAll(() => {
    ws = new OpensslWorkspace();
    signer = ws.makeSelfSigned('signer', '/CN=File Signer', 'p256');
    ws.exportP12('signer', signer, PASS);
    p12Path = ws.path('signer.p12');
    encryptedKeyPath = ws.write('signer-enc.key', ws.run(['pkcs8', '-topk8', '-in', signer.keyPath, '-v2', 'aes-256-cbc', '-passout', `pass:${PASS}`]));
  });
  afterAll(() => ws?.remove());

  it('passphrase from environment', async () => {
    const identity = await importIdentityFromFiles({ identity: p12Path }, { passphraseEnv: 'ID_PASS' }, { environment: { ID_PASS: PASS } });
    expect(identity.description.subject).toBe('CN=File Signer');
  });

  it('passphrase from file', async () => {
    const passFile = ws.write('pass.txt', `${PASS}\n`);
    const identity = await importIdentityFromFiles({ identity: p12Path }, { passphraseFile: passFile });
    expect(identity.description.keyType).toBe('EC P-256');
  });

  it('wrong passphrase from environment', async () => {
    const error = await rejection(importIdentityFromFiles({ identity: p12Path }, { passphraseEnv: 'ID_PASS' }, { environment: { ID_PASS: 'nope' } }));
    expect(error.code).toBe('wrong-passphrase');
    expect(error.message).toContain(p12Path);
  });

  it('unencrypted key needs no prompt', async () => {
    const { terminal, written } = typingTerminal(false, []);
    const identity = await importIdentityFromFiles({ cert: signer.certPath, key: signer.keyPath }, {}, { terminal });
    expect(identity.description.subject).toBe('CN=File Signer');
    expect(written()).toBe('');
  });

  it('encrypted key without TTY names options', async () => {
    const { terminal } = typingTerminal(false, []);
    const error = await rejection(importIdentityFromFiles({ cert: signer.certPath, key: encryptedKeyPath }, {}, { terminal }));
    expect(error.code).toBe('passphrase-unavailable');
    expect(error.message).toBe(`${encryptedKeyPath} needs a passphrase, but standard input is not a terminal to prompt on. Pass --passphrase-env VAR or --passphrase-file FILE.`);
  });

  it('prompt retries after wrong passphrase', async () => {
    const { terminal, written } = typingTerminal(true, ['wrong', PASS]);
    const identity = await importIdentityFromFiles({ identity: p12Path }, {}, { terminal });
    expect(identity.description.subject).toBe('CN=File Signer');
    expect(written()).toBe(`Passphrase for ${p12Path}: \nWrong passphrase, try again.\nPassphrase for ${p12Path}: \n`);
  });

  it('prompt gives up after attempts', async () => {
    const { terminal } = typingTerminal(true, ['one', 'two']);
    const error = await rejection(importIdentityFromFiles({ identity: p12Path }, {}, { terminal, maxPromptAttempts: 2 }));
    expect(error.code).toBe('wrong-passphrase');
  });

  it('missing identity file', async () => {
    const missing = ws.path('missing.p12');
    const error = await rejection(importIdentityFromFiles({ identity: missing }, { passphraseEnv: 'X' }, { environment: { X: '' } }));
    expect(error.code).toBe('unreadable-file');
    expect(error.message).toBe(`${missing} does not exist.`);
  });

  it('identity and key together rejected', async () => {
    const error = await rejection(importIdentityFromFiles({ identity: p12Path, key: signer.keyPath }, {}));
    expect(error.code).toBe('invalid-arguments');
  });

  it('no identity options rejected', async () => {
    const error = await rejection(importIdentityFromFiles({}, {}));
    expect(error.message).toBe('No identity given. Pass --identity FILE.p12, or --cert FILE and --key FILE.');
  });

  it('chain file added', async () => {
    const root = ws.makeRoot('root', '/CN=File Root');
    const leaf = ws.makeIssued('leaf', '/CN=File Leaf', root);
    const identity = await importIdentityFromFiles({ cert: leaf.certPath, key: leaf.keyPath, chain: [root.certPath] }, {});
    expect(identity.description.chain.map((summary) => summary.subject)).toEqual(['CN=File Root']);
  });
});

// A pipe or device reports size 0, so only a bounded read stops at the limit. mkfifo makes a pipe
// whose writer sends 20 MB, more than the 16 MiB an identity file may have.
describe.skipIf(process.platform === 'win32')('identity files without a size', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-identity-pipe-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects pipe over limit', async () => {
    const pipe = path.join(dir, 'cert.pem');
    execFileSync('mkfifo', [pipe]);
    const writer = spawn('sh', ['-c', 'head -c 20000000 /dev/zero > "$1"', 'writer', pipe], { stdio: 'ignore' });
    const writerDone = new Promise((resolve) => writer.on('close', resolve));

    let caught: unknown;
    try {
      readIdentityFiles({ cert: pipe, key: path.join(dir, 'missing.key') });
    } catch (error) {
      caught = error;
    }
    writer.kill();
    await writerDone;

    expect(caught).toBeInstanceOf(IdentityError);
    expect((caught as IdentityError).code).toBe('limit-exceeded');
    expect((caught as IdentityError).message).toBe(`${pipe} is more than the 16777216 bytes an identity file may have.`);
  });
});
