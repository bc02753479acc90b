import { describe, expect, it } from 'vitest';

import { signerChainOrder } from '../../../renderer/inspect/parts/chain-order.ts';
import type { CertificateSummary } from '../../../shared/cms/index.ts';

function certificate(subject: string, issuer: string): CertificateSummary {
  return { subject, issuer, serialNumber: '01', notBefore: '', notAfter: '', sha256: `sha-${subject}`, keyType: 'RSA 2048' };
}

const root = certificate('CN=Root', 'CN=Root');
const intermediate = certificate('CN=Intermediate', 'CN=Root');
const leaf = certificate('CN=Leaf', 'CN=Intermediate');
const other = certificate('CN=Other', 'CN=Elsewhere');

describe('signerChainOrder', () => {
  it('puts the signer first, then its issuers', () => {
    expect(signerChainOrder([leaf], [intermediate, other, leaf, root]).map((c) => c.subject)).toEqual(['CN=Leaf', 'CN=Intermediate', 'CN=Root', 'CN=Other']);
  });

  it('stops where an issuer is missing', () => {
    expect(signerChainOrder([leaf], [root, leaf]).map((c) => c.subject)).toEqual(['CN=Leaf', 'CN=Root']);
  });

  it('keeps file order without a signer', () => {
    expect(signerChainOrder([], [root, leaf]).map((c) => c.subject)).toEqual(['CN=Root', 'CN=Leaf']);
  });

  it('ends on an issuer loop', () => {
    const a = certificate('CN=A', 'CN=B');
    const b = certificate('CN=B', 'CN=A');
    expect(signerChainOrder([a], [b, a]).map((c) => c.subject)).toEqual(['CN=A', 'CN=B']);
  });
});
