// Mutated device requests against the enrolment server on 127.0.0.1: signed attribute responses
// to the Profile Service URL and CMS messages to the SCEP endpoint, changed by the fuzz
// engine's byte and DER-structure edits. Every request must get a reply below 500, and the
// server must still enrol a good device afterwards. The run is bounded: a fixed number of
// requests, one at a time, with a fixed seed.

import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sign } from '../../electron/services/cms/index.ts';
import { generateKeys, selfSignedCertificate } from '../../electron/services/pki/index.ts';
import { buildDeviceAttributes } from '../../shared/enrolment/device-response.ts';
import { writePlist } from '../../shared/plist/index.ts';
import { makeInput } from '../fuzz/engine/campaign.ts';
import type { MutationSource } from '../fuzz/engine/mutate.ts';
import { readSeedFolder } from '../fuzz/engine/files.ts';
import { ASN1_TOKENS } from '../fuzz/targets/shared-tokens.ts';
import { startTestServer, type TestServer } from '../electron/services/enrolment/helpers.ts';

const CHALLENGE = 'fuzz-challenge';
const REQUESTS = 400;
const SEED = 424_242;

/** Posts `body` and returns the HTTP status; a request that gets no reply within 10 s fails. */
function post(url: string, body: Uint8Array, contentType: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { method: 'POST', headers: { 'content-type': contentType, 'content-length': body.length }, agent: false, timeout: 10_000 }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no reply from ${url} within 10 s`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Signs the attribute response of a new device, as phase 1 expects it. */
async function signedAttributes(udid: string, keyType: 'ec' | 'rsa'): Promise<Uint8Array> {
  const keys = keyType === 'ec' ? await generateKeys({ type: 'ec', curve: 'P-256' }) : await generateKeys({ type: 'rsa', bits: 2048 });
  const certificate = selfSignedCertificate(keys.privateKey, [['CN', `Fuzz device ${udid}`]], 1);
  const content = writePlist(buildDeviceAttributes({ UDID: udid, PRODUCT: 'iPhone15,2', VERSION: '21A5248v' }, CHALLENGE), 'xml');
  return sign(content, { certificate: certificate.der, privateKey: keys.privateKey, chain: [] }).der;
}

describe('enrolment server under mutated requests', () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer({ provisioning: 'auto', sharedChallenge: CHALLENGE, bodyTimeoutMs: 2000, maxBodyBytes: 256 * 1024 });
  });
  afterAll(async () => {
    await test.stop();
    test.cleanup();
  });

  it('answers mutated attribute responses below 500', async () => {
    const seeds = [await signedAttributes('FUZZ-EC', 'ec'), await signedAttributes('FUZZ-RSA', 'rsa')];
    const source: MutationSource = { seeds, tokens: ASN1_TOKENS, maxLength: 64 * 1024, structure: 'asn1' };

    const serverErrors: string[] = [];
    for (let index = 0; index < REQUESTS; index++) {
      const body = makeInput(source, SEED, index);
      const status = await post(test.server.enrolUrl, body, 'application/pkcs7-signature');
      if (status >= 500 || status === 0) serverErrors.push(`input ${index}: status ${status}: ${Buffer.from(body).toString('hex').slice(0, 200)}`);
    }
    expect(serverErrors).toEqual([]);

    // Still serving: a good device enrols.
    expect(await post(test.server.enrolUrl, await signedAttributes('FUZZ-AFTER', 'ec'), 'application/pkcs7-signature')).toBe(200);
  });

  it('answers mutated SCEP messages below 500', async () => {
    const seeds = [...readSeedFolder('cms-signed').filter((seed) => seed[0] === 0x30), ...readSeedFolder('cms-enveloped')];
    const source: MutationSource = { seeds, tokens: ASN1_TOKENS, maxLength: 64 * 1024, structure: 'asn1' };

    const serverErrors: string[] = [];
    for (let index = 0; index < REQUESTS / 2; index++) {
      const body = makeInput(source, SEED + 1, index);
      const status = await post(`${test.server.scepUrl}?operation=PKIOperation`, body, 'application/x-pki-message');
      if (status >= 500 || status === 0) serverErrors.push(`input ${index}: status ${status}: ${Buffer.from(body).toString('hex').slice(0, 200)}`);
    }
    expect(serverErrors).toEqual([]);
  });
});
