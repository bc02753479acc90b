import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildChain, systemRootsIssuing } from '../../../../electron/services/cms/chain.ts';
import { parseCertificate } from '../../../../shared/x509/certificate.ts';
import { needTools } from '../../../support/environment.ts';
import { makePki, type Pki } from '../../../support/openssl-pki.ts';

// Node's own X509Certificate reads the built-in roots independently of our parser.
const builtinRoots = rootCertificates.map((pem) => new X509Certificate(pem));

describe('systemRootsIssuing', () => {
  it('finds the built-in root for its own subject', () => {
    const root = parseCertificate(new Uint8Array(builtinRoots[0].raw));
    const found = systemRootsIssuing([root]);
    expect(found.map((c) => c.sha256)).toContain(builtinRoots[0].fingerprint256.replace(/:/g, '').toLowerCase());
  });

  it('returns each matching root once', () => {
    const root = parseCertificate(new Uint8Array(builtinRoots[1].raw));
    const sameSubject = builtinRoots.filter((c) => c.subject === builtinRoots[1].subject).length;
    expect(systemRootsIssuing([root, root])).toHaveLength(sameSubject);
  });

  // verify() skips the built-in roots when the given anchors decide, which holds only while no
  // built-in root could stand inside a chain, that is while every one of them is self-signed.
  it('every built-in root is self-signed', () => {
    const notSelfSigned = builtinRoots.filter((root) => root.subject !== root.issuer || !root.verify(root.publicKey)).map((root) => root.subject);
    expect(notSelfSigned).toEqual([]);
    const notSelfIssued = builtinRoots.filter((root) => !parseCertificate(new Uint8Array(root.raw)).isSelfIssued).map((root) => root.subject);
    expect(notSelfIssued).toEqual([]);
  });

  it('trusts a chain that ends at a built-in root', () => {
    const root = parseCertificate(new Uint8Array(builtinRoots[2].raw));
    const chain = buildChain(root, [], systemRootsIssuing([root]), new Date(builtinRoots[2].validFrom));
    expect(chain.trusted).toBe(true);
    expect(chain.complete).toBe(true);
  });
});

const tools = needTools('openssl');

describe.skipIf(tools.skip)('systemRootsIssuing with a private PKI' + tools.reason, () => {
  let pki: Pki;
  beforeAll(() => {
    pki = makePki();
  });
  afterAll(() => pki?.cleanup());

  it('finds no built-in root for a private issuer', () => {
    expect(systemRootsIssuing([parseCertificate(pki.leafRsa.der), parseCertificate(pki.intermediate.der)])).toEqual([]);
  });
});
