// Each provisioning type end to end on 127.0.0.1: the simulator enrols against the server,
// and openssl checks every signature and envelope on the way, plistlib every plist.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CmsError } from '../../../../shared/cms/errors.ts';
import { readPlist } from '../../../../shared/plist/index.ts';
import { dictGet } from '../../../../shared/plist/model.ts';
import { decryptProfile } from '../../../../electron/services/cms/index.ts';
import { simulateEnrolment, type SimulationResult } from '../../../../electron/services/enrolment/index.ts';
import { encodePem, parseCsr } from '../../../../electron/services/pki/index.ts';
import { needTools } from '../../../support/environment.ts';
import { plistlibCanonical, type CanonicalPlist } from '../../../support/plist-oracle.ts';
import { keyPem, startTestServer, type TestServer } from './helpers.ts';

const tools = needTools('openssl', 'python3');

/** Returns the value under `key` of a canonical plist dictionary. */
function field(value: CanonicalPlist, key: string): CanonicalPlist | undefined {
  if (!('dict' in value)) return undefined;
  return value.dict.find(([name]) => name === key)?.[1];
}

/** Returns the payload dictionaries of a canonical profile. */
function payloads(profile: CanonicalPlist): CanonicalPlist[] {
  const content = field(profile, 'PayloadContent');
  return content && 'array' in content ? [...content.array] : [];
}

/** Writes the EncryptedPayloadContent of a profile to `name` and returns the file name. */
function saveEnvelope(test: TestServer, profileBytes: Uint8Array, name: string): string {
  const root = readPlist(profileBytes).value;
  const envelope = root.kind === 'dict' ? dictGet(root, 'EncryptedPayloadContent') : undefined;
  if (envelope?.kind !== 'data') throw new Error('the profile has no EncryptedPayloadContent data');
  return test.write(name, envelope.value);
}

/** Checks a signature with openssl against the workbench CA and returns the signed content. */
function opensslVerify(test: TestServer, name: string, der: Uint8Array, trust: 'ca' | 'self-signed'): Buffer {
  test.write(name, der);
  const trustArgs = trust === 'ca' ? ['-CAfile', test.caPem] : ['-noverify'];
  test.openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-in', name, ...trustArgs, '-out', `${name}.content`]);
  return test.read(`${name}.content`);
}

describe.skipIf(tools.skip)('enrolment end to end' + tools.reason, () => {
  describe('no provisioning', () => {
    let test: TestServer;
    let result: SimulationResult;

    beforeAll(async () => {
      test = await startTestServer({ provisioning: 'none' });
      result = await simulateEnrolment({ url: test.server.enrolUrl, trustAnchors: [test.server.workspace.ca.certificateDer], device: { product: 'iPad13,1', udid: 'SIM-NONE-0001' } });
    });

    afterAll(async () => {
      await test.stop();
      test.cleanup();
    });

    it('enrolment profile verifies in openssl', () => {
      const profile = plistlibCanonical(opensslVerify(test, 'profile.der', result.enrolmentProfile, 'ca'));
      expect(field(profile, 'PayloadType')).toEqual({ string: 'Profile Service' });
      const content = field(profile, 'PayloadContent');
      expect(content).toBeDefined();
      expect(field(content!, 'URL')).toEqual({ string: test.server.enrolUrl });
      expect(field(content!, 'Challenge')).toBeUndefined();
    });

    it('device request verifies in openssl', () => {
      const request = plistlibCanonical(opensslVerify(test, 'attributes.der', result.attributesRequest, 'self-signed'));
      expect(field(request, 'UDID')).toEqual({ string: 'SIM-NONE-0001' });
      expect(field(request, 'PRODUCT')).toEqual({ string: 'iPad13,1' });
    });

    it('final profile is signed, not encrypted', () => {
      const final = plistlibCanonical(opensslVerify(test, 'final.der', result.attributesReply, 'ca'));
      expect(field(final, 'EncryptedPayloadContent')).toBeUndefined();
      expect(payloads(final).map((payload) => field(payload, 'PayloadType'))).toEqual([{ string: 'com.apple.security.pkcs1' }]);
    });

    it('registry records the device without certificate', () => {
      const device = test.server.workspace.registry.device('SIM-NONE-0001');
      expect(device?.status).toBe('enrolled');
      expect(device?.provisioning).toBe('none');
      expect(device?.certificateSerial).toBeNull();
      expect(result.scep).toBeUndefined();
    });

    it('log has one line per request', async () => {
      const entries = await test.stop();
      expect(entries).toHaveLength(result.requestCount);
      expect(entries.map((entry) => [entry.phase, entry.status, entry.decision])).toEqual([
        ['profile', 200, 'served'],
        ['attributes', 200, 'accepted'],
      ]);
      expect(entries[1].deviceId).toBe('SIM-NONE-0001');
    });
  });

  describe('auto provisioning', () => {
    const sharedChallenge = 'workbench-shared-secret';
    let test: TestServer;
    let result: SimulationResult;

    beforeAll(async () => {
      test = await startTestServer({ provisioning: 'auto', sharedChallenge });
      // An RSA device certificate, as Apple devices have, so that the identity profile comes encrypted.
      result = await simulateEnrolment({ url: test.server.enrolUrl, trustAnchors: [test.server.workspace.ca.certificateDer], deviceKeyType: 'rsa', device: { udid: 'SIM-AUTO-0001', serial: 'SERIALAUTO1' } });
      test.write('device.pem', encodePem('CERTIFICATE', result.deviceIdentity.certificate));
      test.write('device.key', keyPem(result.deviceIdentity.privateKey));
    });

    afterAll(async () => {
      await test.stop();
      test.cleanup();
    });

    it('enrolment profile carries the shared challenge', () => {
      const profile = plistlibCanonical(opensslVerify(test, 'profile.der', result.enrolmentProfile, 'ca'));
      const content = field(profile, 'PayloadContent');
      expect(content).toBeDefined();
      expect(field(content!, 'Challenge')).toEqual({ string: sharedChallenge });
    });

    it('device request returns the challenge', () => {
      const request = plistlibCanonical(opensslVerify(test, 'attributes.der', result.attributesRequest, 'self-signed'));
      expect(field(request, 'CHALLENGE')).toEqual({ string: sharedChallenge });
      expect(field(request, 'SERIAL')).toEqual({ string: 'SERIALAUTO1' });
    });

    it('identity profile decrypts with the device key in openssl', () => {
      const signedContent = opensslVerify(test, 'identity-profile.der', result.attributesReply, 'ca');
      const envelope = saveEnvelope(test, signedContent, 'identity-envelope.der');
      const decrypted = test.openssl(['cms', '-decrypt', '-binary', '-inform', 'DER', '-in', envelope, '-inkey', 'device.key', '-recip', 'device.pem']);
      const [scep] = (plistlibCanonical(decrypted) as { array: CanonicalPlist[] }).array;
      expect(field(scep, 'PayloadType')).toEqual({ string: 'com.apple.security.scep' });
      const content = field(scep, 'PayloadContent') as CanonicalPlist;
      expect(field(content, 'URL')).toEqual({ string: test.server.scepUrl });
      expect(field(content, 'Key Type')).toEqual({ string: 'RSA' });
      expect(field(content, 'Keysize')).toEqual({ int: '2048' });
      expect(field(content, 'Subject')).toEqual({
        array: [
          { array: [{ array: [{ string: 'O' }, { string: 'Mobileconfig Studio' }] }] },
          { array: [{ array: [{ string: 'CN' }, { string: 'SIM-AUTO-0001' }] }] },
          { array: [{ array: [{ string: '2.5.4.5' }, { string: 'SERIALAUTO1' }] }] },
        ],
      });
    });

    checkScepAndFinal(() => ({ test, result }));
  });

  describe('custom provisioning', () => {
    let test: TestServer;
    let result: SimulationResult;

    beforeAll(async () => {
      test = await startTestServer({ provisioning: 'custom', rules: { products: ['iPhone*'], minVersion: '16.0', minRsaBits: 2048, requireDeviceCa: false, challengeLifetimeMinutes: 10 } });
      result = await simulateEnrolment({ url: test.server.enrolUrl, trustAnchors: [test.server.workspace.ca.certificateDer], device: { udid: 'SIM-CUSTOM-0001', product: 'iPhone15,2', version: '17.4' } });
    });

    afterAll(async () => {
      await test.stop();
      test.cleanup();
    });

    it('enrolment profile carries a challenge', () => {
      const profile = plistlibCanonical(opensslVerify(test, 'profile.der', result.enrolmentProfile, 'ca'));
      const content = field(profile, 'PayloadContent') as CanonicalPlist;
      const challenge = field(content, 'Challenge') as { string: string };
      expect(challenge.string).toMatch(/^[A-Za-z0-9_-]{24}$/);
    });

    it('identity profile is plain for an EC device', () => {
      const content = plistlibCanonical(opensslVerify(test, 'identity-profile.der', result.attributesReply, 'ca'));
      expect(field(content, 'EncryptedPayloadContent')).toBeUndefined();
      expect(payloads(content).map((payload) => field(payload, 'PayloadType'))).toEqual([{ string: 'com.apple.security.scep' }]);
    });

    checkScepAndFinal(() => ({ test, result }));

    it('state files hold no challenge', async () => {
      await test.stop();
      const profile = readPlist(opensslVerify(test, 'profile-again.der', result.enrolmentProfile, 'ca')).value;
      const content = profile.kind === 'dict' ? dictGet(profile, 'PayloadContent') : undefined;
      const challenge = content?.kind === 'dict' ? dictGet(content, 'Challenge') : undefined;
      const scepChallenge = parseCsr(result.scep!.csr).challengePassword;
      expect(challenge?.kind).toBe('string');
      expect(scepChallenge).toMatch(/^[A-Za-z0-9_-]{24}$/);

      const state = path.join(test.dir, 'state');
      for (const file of ['devices.json', 'requests.log']) {
        const text = readFileSync(path.join(state, file), 'utf8');
        expect(text).not.toContain(challenge?.kind === 'string' ? challenge.value : 'no challenge');
        expect(text).not.toContain(scepChallenge);
      }
    });
  });
});

/** Checks SCEP, phase 3 and the final profile with openssl; shared by auto and custom provisioning. */
function checkScepAndFinal(context: () => { test: TestServer; result: SimulationResult }): void {
  it('SCEP request decrypts to a valid CSR', () => {
    const { test, result } = context();
    const scep = result.scep!;
    test.write('pkcsreq.der', scep.request);
    expect(test.openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'pkcsreq.der']).toString()).toMatch(/2\.16\.840\.1\.113733\.1\.9\.2[\s\S]*?PRINTABLESTRING:19/);
    test.openssl(['cms', '-verify', '-binary', '-noverify', '-inform', 'DER', '-in', 'pkcsreq.der', '-out', 'pkcsreq-envelope.der']);
    test.openssl(['cms', '-decrypt', '-binary', '-inform', 'DER', '-in', 'pkcsreq-envelope.der', '-inkey', path.join('state', 'ca-key.pem'), '-recip', test.caPem, '-out', 'request.csr']);
    test.openssl(['req', '-verify', '-inform', 'DER', '-in', 'request.csr', '-noout']);
    expect(new Uint8Array(test.read('request.csr'))).toEqual(scep.csr);
    expect(test.openssl(['req', '-inform', 'DER', '-in', 'request.csr', '-noout', '-text']).toString()).toMatch(/challengePassword\s*:\s*[A-Za-z0-9_-]{24}/);
  });

  it('CertRep verifies and decrypts in openssl', () => {
    const { test, result } = context();
    const scep = result.scep!;
    test.write('identity.key', keyPem(scep.privateKey));
    test.write('certrep.der', scep.reply);
    expect(test.openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'certrep.der']).toString()).toMatch(/2\.16\.840\.1\.113733\.1\.9\.3[\s\S]*?PRINTABLESTRING:0/);
    // The CA certificate signs the reply itself, so the S/MIME purpose check does not apply.
    test.openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'certrep.der', '-CAfile', test.caPem, '-purpose', 'any', '-out', 'certrep-envelope.der']);
    test.openssl(['cms', '-decrypt', '-binary', '-inform', 'DER', '-in', 'certrep-envelope.der', '-inkey', 'identity.key', '-out', 'issued.p7b']);
    const printed = test.openssl(['pkcs7', '-inform', 'DER', '-in', 'issued.p7b', '-print_certs']).toString();
    expect(printed).toContain(`subject=O = Mobileconfig Studio, CN = ${result.deviceId}`);
  });

  it('issued identity passes openssl verify', () => {
    const { test, result } = context();
    test.write('identity.pem', encodePem('CERTIFICATE', result.scep!.certificate.raw));
    expect(test.openssl(['verify', '-CAfile', test.caPem, 'identity.pem']).toString().trim()).toBe('identity.pem: OK');
    expect(test.openssl(['x509', '-in', 'identity.pem', '-noout', '-subject', '-nameopt', 'RFC2253']).toString()).toContain(`CN=${result.deviceId},O=Mobileconfig Studio`);
  });

  it('phase 3 request verifies against the CA', () => {
    const { test, result } = context();
    const request = plistlibCanonical(opensslVerify(test, 'final-request.der', result.finalRequest!, 'ca'));
    expect(field(request, 'UDID')).toEqual({ string: result.deviceId });
  });

  it('final profile decrypts in openssl', () => {
    const { test, result } = context();
    test.write('identity.key', keyPem(result.scep!.privateKey));
    test.write('identity.pem', encodePem('CERTIFICATE', result.scep!.certificate.raw));
    const signedContent = opensslVerify(test, 'final.der', result.finalReply!, 'ca');
    const envelope = saveEnvelope(test, signedContent, 'final-envelope.der');
    const decrypted = test.openssl(['cms', '-decrypt', '-binary', '-inform', 'DER', '-in', envelope, '-inkey', 'identity.key', '-recip', 'identity.pem']);
    const ours = field(plistlibCanonical(result.finalProfile), 'PayloadContent');
    expect(plistlibCanonical(decrypted)).toEqual(ours);
  });

  it('final profile decrypts only with the identity', async () => {
    const { test, result } = context();
    const signedContent = opensslVerify(test, 'final.der', result.finalReply!, 'ca');
    let caught: unknown;
    try {
      decryptProfile(signedContent, { certificate: result.deviceIdentity.certificate, privateKey: result.deviceIdentity.privateKey });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CmsError);

    test.write('device-any.key', keyPem(result.deviceIdentity.privateKey));
    const envelope = saveEnvelope(test, signedContent, 'final-envelope-2.der');
    expect(() => test.openssl(['cms', '-decrypt', '-binary', '-inform', 'DER', '-in', envelope, '-inkey', 'device-any.key'])).toThrow(/failed/);
  });

  it('registry holds the issued serial', () => {
    const { test, result } = context();
    const device = test.server.workspace.registry.device(result.deviceId);
    expect(device?.status).toBe('enrolled');
    expect(device?.certificateSerial).toBe(result.scep!.certificate.serialNumber);
    expect(device?.certificateSubject).toBe(result.scep!.certificate.subject.display);
    expect(device?.issuedAt).not.toBeNull();
  });

  it('log has six accepted lines', async () => {
    const { test, result } = context();
    const entries = test.server.log.recent();
    expect(entries).toHaveLength(result.requestCount);
    expect(entries.map((entry) => [entry.phase, entry.status])).toEqual([
      ['profile', 200],
      ['attributes', 200],
      ['scep-caps', 200],
      ['scep-ca-cert', 200],
      ['scep-request', 200],
      ['final', 200],
    ]);
    expect(entries.filter((entry) => entry.decision === 'rejected')).toEqual([]);
  });
}
