import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { importIdentity } from '../../../../electron/services/identity/index.ts';
import type { CertificateSummary } from '../../../../shared/cms/index.ts';
import { needTools } from '../../../support/environment.ts';
import { OpensslWorkspace, type Issued } from './fixtures.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Turns openssl's `Dec  4 20:00:00 2026 GMT` into ISO-8601. */
function opensslDateToIso(text: string): string {
  const match = /^(\w{3})\s+(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4}) GMT$/.exec(text);
  if (!match) throw new Error(`unexpected openssl date: ${text}`);
  const [, month, day, hours, minutes, seconds, year] = match;
  return new Date(Date.UTC(Number(year), MONTHS.indexOf(month), Number(day), Number(hours), Number(minutes), Number(seconds))).toISOString();
}

/**
 * Returns what `openssl x509 -subject -issuer -serial -dates -fingerprint -sha256` prints,
 * normalised to the description's forms: RFC 4514 names with UTF-8 kept, lower-case hex.
 */
function opensslSummary(ws: OpensslWorkspace, certPath: string): Omit<CertificateSummary, 'keyType'> {
  const text = ws.run(['x509', '-in', certPath, '-noout', '-subject', '-issuer', '-serial', '-dates', '-fingerprint', '-sha256', '-nameopt', 'RFC2253,-esc_msb']).toString('utf8');
  const fields = new Map(text.trim().split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  return {
    subject: fields.get('subject')!,
    issuer: fields.get('issuer')!,
    serialNumber: fields.get('serial')!.toLowerCase(),
    notBefore: opensslDateToIso(fields.get('notBefore')!),
    notAfter: opensslDateToIso(fields.get('notAfter')!),
    sha256: fields.get('sha256 Fingerprint')!.replaceAll(':', '').toLowerCase(),
  };
}

function withoutKeyType(summary: CertificateSummary): Omit<CertificateSummary, 'keyType'> {
  const { keyType: _keyType, ...rest } = summary;
  return rest;
}

const tools = needTools('openssl');

describe.skipIf(tools.skip)('identity description' + tools.reason, () => {
  let ws: OpensslWorkspace;
  let root: Issued;
  let intermediate: Issued;
  let leaf: Issued;

  beforeAll(() => {
    ws = new OpensslWorkspace();
    root = ws.makeRoot('root', '/C=FR/O=Description Tests/CN=Description Root');
    intermediate = ws.makeIssued('intermediate', '/C=FR/O=Description Tests/OU=Signing/CN=Description Intermediate', root, { ca: true, serial: '0x7f' });
    leaf = ws.makeIssued('leaf', '/C=FR/O=Description Tests/CN=Profile Signer, Paris/emailAddress=signer@example.com', intermediate, { serial: '0x00a1b2c3d4e5f60718293a4b5c6d7e8f90', days: 400 });
  });
  afterAll(() => ws?.remove());

  it('RSA leaf with chain matches openssl', () => {
    const p12 = ws.exportP12('described', leaf, 'pw', ['-certfile', ws.write('chain.pem', Buffer.concat([intermediate.cert, root.cert]))]);
    const description = importIdentity({ p12, passphrase: 'pw', file: 'described.p12' }).description;

    expect(withoutKeyType(description)).toEqual({ ...opensslSummary(ws, leaf.certPath), chain: description.chain, notes: [] });
    expect(description.keyType).toBe('RSA 2048');
    expect(description.chain.map(withoutKeyType)).toEqual([opensslSummary(ws, intermediate.certPath), opensslSummary(ws, root.certPath)]);
    expect(description.chain.map((summary) => summary.keyType)).toEqual(['RSA 2048', 'RSA 2048']);
  });

  it('serial without sign octet', () => {
    const description = importIdentity({ certPem: leaf.cert, keyPem: leaf.key }).description;
    // openssl prints the serial without the 00 octet DER needs before a high bit.
    expect(description.serialNumber).toBe('a1b2c3d4e5f60718293a4b5c6d7e8f90');
  });

  it('EC certificate with UTF-8 subject', () => {
    const keyPath = ws.makeKey('utf8', 'p384');
    const certPath = ws.path('utf8.pem');
    ws.run(['req', '-x509', '-new', '-utf8', '-key', keyPath, '-subj', '/O=Résumé Ltd/CN=Café ✓ Signer', '-days', '90', '-set_serial', '0x1234', '-out', certPath]);

    const description = importIdentity({ certPem: ws.read('utf8.pem'), keyPem: ws.read('utf8.key') }).description;
    expect(withoutKeyType(description)).toEqual({ ...opensslSummary(ws, certPath), chain: [], notes: [] });
    expect(description.subject).toBe('CN=Café ✓ Signer,O=Résumé Ltd');
    expect(description.keyType).toBe('EC P-384');
  });
});
