import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sign } from '../../../../electron/services/cms/index.ts';
import { importIdentity } from '../../../../electron/services/identity/index.ts';
import { needTools } from '../../../support/environment.ts';
import { OpensslWorkspace, type Issued, type KeySpec } from './fixtures.ts';

const PASS = 'interop';
const PROFILE = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>PayloadDisplayName</key><string>Café ✓</string></dict></plist>\n');

const tools = needTools('openssl');

describe.skipIf(tools.skip)('imported identity signs for openssl' + tools.reason, () => {
  let ws: OpensslWorkspace;
  let root: Issued;
  let intermediate: Issued;

  beforeAll(() => {
    ws = new OpensslWorkspace();
    root = ws.makeRoot('root', '/CN=Interop Root');
    intermediate = ws.makeIssued('intermediate', '/CN=Interop Intermediate', root, { ca: true });
  });
  afterAll(() => ws?.remove());

  const CASES: ReadonlyArray<{ name: string; spec: KeySpec; export: readonly string[] }> = [
    { name: 'EC P-256 default p12', spec: 'p256', export: [] },
    { name: 'RSA legacy p12', spec: 'rsa2048', export: ['-legacy'] },
  ];

  it.each(CASES)('$name verifies in openssl cms', ({ name, spec, export: exportOptions }) => {
    const slug = name.replaceAll(' ', '-');
    const leaf = ws.makeIssued(slug, `/CN=${name}`, intermediate, { spec });
    const chainPath = ws.write(`${slug}-chain.pem`, Buffer.concat([root.cert, intermediate.cert]));
    const p12 = ws.exportP12(slug, leaf, PASS, [...exportOptions, '-certfile', chainPath]);

    const identity = importIdentity({ p12, passphrase: PASS, file: `${slug}.p12` });
    const signed = sign(PROFILE, identity).der;
    const signedPath = ws.write(`${slug}.der`, Buffer.from(signed));

    // Only the root is given to openssl, so success also shows the intermediate was embedded.
    const verified = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', signedPath, '-CAfile', root.certPath], { encoding: 'buffer' });
    expect(verified.stderr.toString('utf8')).toContain('Verification successful');
    expect(verified.stdout.equals(PROFILE)).toBe(true);
  });
});
