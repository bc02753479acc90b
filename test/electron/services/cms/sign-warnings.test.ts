import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signerWarnings } from '../../../../electron/services/cms/sign-warnings.ts';
import { parseCertificate } from '../../../../shared/x509/certificate.ts';
import { needTools } from '../../../support/environment.ts';
import { makePki, type Pki } from '../../../support/openssl-pki.ts';

const tools = needTools('openssl');
const DAY_MS = 24 * 60 * 60 * 1000;

describe.skipIf(tools.skip)('signerWarnings' + tools.reason, () => {
  let pki: Pki;
  beforeAll(() => {
    pki = makePki();
  });
  afterAll(() => pki?.cleanup());

  it('expiry days are singular or plural', () => {
    // The end date comes from openssl, not from the parser under test.
    const endDate = pki.openssl(['x509', '-in', pki.leafRsa.certPath, '-noout', '-enddate']).toString().trim();
    const notAfter = new Date(endDate.slice(endDate.indexOf('=') + 1));
    const signer = parseCertificate(pki.leafRsa.der);
    const chain = [parseCertificate(pki.intermediate.der)];

    const oneDay = signerWarnings(signer, chain, new Date(notAfter.getTime() - DAY_MS + 60_000));
    expect(oneDay.map((warning) => warning.code)).toEqual(['signer-expires-soon']);
    expect(oneDay[0].message).toContain(`expires in 1 day, on ${notAfter.toISOString()}.`);

    const twoDays = signerWarnings(signer, chain, new Date(notAfter.getTime() - 2 * DAY_MS));
    expect(twoDays[0].message).toContain('expires in 2 days, on');
  });
});
