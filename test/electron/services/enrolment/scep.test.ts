// SCEP messages (RFC 8894) built and read by the workbench, checked against openssl, and the
// responder's rejections of messages that parse but fail a check.

import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { encrypt } from '../../../../electron/services/cms/index.ts';
import { buildCertificatesOnly, readCertificatesOnly } from '../../../../electron/services/enrolment/scep/certs-only.ts';
import { MESSAGE_TYPE } from '../../../../electron/services/enrolment/scep/message-types.ts';
import { buildPkiMessage, parsePkiMessage, ScepMessageError, signatureVerifies } from '../../../../electron/services/enrolment/scep/pki-message.ts';
import { respondToPkiOperation, type ScepPolicy } from '../../../../electron/services/enrolment/scep/responder.ts';
import { buildCsr, CertificateAuthority, encodeName, encodePem, generateKeys, selfSignedCertificate, type KeyPair } from '../../../../electron/services/pki/index.ts';
import { needTools } from '../../../support/environment.ts';
import { runOpenssl } from '../../../support/openssl-pki.ts';
import { startTestServer } from './helpers.ts';

const tools = needTools('openssl');

/** A policy that issues whatever it is given, so the responder's own checks are what is tested. */
function issueAll(ca: CertificateAuthority): ScepPolicy {
  return async (request) => ({
    kind: 'issued',
    issued: ca.issue({ subject: [['CN', 'test']], publicKeyInfo: request.csr.publicKeyInfo.raw, kind: 'device-identity' }),
    deviceId: 'test',
    reason: 'issued',
  });
}

describe('SCEP messages', () => {
  let ca: CertificateAuthority;
  let keys: KeyPair;
  let temporary: ReturnType<typeof selfSignedCertificate>;
  let dir: string;

  beforeAll(async () => {
    ca = await CertificateAuthority.create({ subject: [['CN', 'SCEP Test CA']] });
    keys = await generateKeys({ type: 'rsa', bits: 2048 });
    temporary = selfSignedCertificate(keys.privateKey, [['CN', 'scep-client']], 1);
    dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-scep-'));
    writeFileSync(path.join(dir, 'ca.pem'), encodePem('CERTIFICATE', ca.certificateDer));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const signer = () => ({ certificate: temporary.der, privateKey: keys.privateKey, chain: [] });
  const request = (messageType: string = MESSAGE_TYPE.pkcsReq, csrKeys: KeyPair = keys, recipient: Uint8Array = ca.certificateDer): Uint8Array => {
    const csr = buildCsr({ subjectName: encodeName([['CN', 'scep-client']]), privateKey: csrKeys.privateKey, challengePassword: 'c' });
    return buildPkiMessage({ messageType, transactionId: 'T1', senderNonce: new Uint8Array(16).fill(7) }, encrypt(csr, [recipient]), signer());
  };

  it('reads back the fields it wrote', () => {
    const message = parsePkiMessage(request());
    expect(message.messageType).toBe('19');
    expect(message.transactionId).toBe('T1');
    expect(message.senderNonce).toEqual(new Uint8Array(16).fill(7));
    expect(message.signerCertificate.sha256).toBe(temporary.certificate.sha256);
    expect(signatureVerifies(message)).toBe(true);
  });

  it('writes a failure without content', () => {
    const der = buildPkiMessage({ messageType: MESSAGE_TYPE.certRep, transactionId: 'T1', senderNonce: new Uint8Array(16), recipientNonce: new Uint8Array(16).fill(1), pkiStatus: 'failure', failInfo: 'badRequest' }, null, { certificate: ca.certificateDer, privateKey: ca.privateKey, chain: [] });
    const message = parsePkiMessage(der);
    expect(message.envelope).toBeNull();
    expect(message.pkiStatus).toBe('failure');
    expect(message.failInfo).toBe('badRequest');
    expect(signatureVerifies(message)).toBe(true);
  });

  describe.skipIf(tools.skip)('with openssl' + tools.reason, () => {
    it('prints the SCEP attributes', () => {
      writeFileSync(path.join(dir, 'request.der'), request());
      const printed = runOpenssl(dir, ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'request.der']).toString();
      expect(printed).toMatch(/2\.16\.840\.1\.113733\.1\.9\.7[\s\S]*?PRINTABLESTRING:T1/);
      expect(printed).toMatch(/2\.16\.840\.1\.113733\.1\.9\.5[\s\S]*?OCTET STRING:[\s\S]*?07 07 07 07/);
    });

    it('writes certificates-only as openssl reads it', () => {
      writeFileSync(path.join(dir, 'certs.p7b'), buildCertificatesOnly([temporary.der, ca.certificateDer]));
      const printed = runOpenssl(dir, ['pkcs7', '-inform', 'DER', '-in', 'certs.p7b', '-print_certs', '-noout']).toString();
      expect(printed.match(/^subject=/gm)).toHaveLength(2);
      expect(printed).toContain('subject=CN = scep-client');
    });

    it('reads certificates-only made by openssl', () => {
      writeFileSync(path.join(dir, 'one.pem'), encodePem('CERTIFICATE', temporary.der));
      runOpenssl(dir, ['crl2pkcs7', '-nocrl', '-certfile', 'one.pem', '-certfile', 'ca.pem', '-outform', 'DER', '-out', 'openssl.p7b']);
      const certificates = readCertificatesOnly(new Uint8Array(runOpenssl(dir, ['pkcs7', '-inform', 'DER', '-in', 'openssl.p7b', '-outform', 'DER'])));
      expect(certificates.map((certificate) => certificate.subject.display)).toEqual(['CN=scep-client', 'CN=SCEP Test CA']);
    });
  });

  describe('responder', () => {
    it('issues for a valid PKCSReq', async () => {
      const reply = await respondToPkiOperation(request(), ca, issueAll(ca));
      expect(reply.decision.kind).toBe('issued');
      const message = parsePkiMessage(reply.body);
      expect(message.pkiStatus).toBe('success');
      expect(message.recipientNonce).toEqual(new Uint8Array(16).fill(7));
      expect(message.transactionId).toBe('T1');
    });

    it('rejects another message type', async () => {
      const reply = await respondToPkiOperation(request(MESSAGE_TYPE.renewalReq), ca, issueAll(ca));
      expect(reply.decision).toMatchObject({ kind: 'rejected', failInfo: 'badRequest' });
      expect(parsePkiMessage(reply.body).failInfo).toBe('badRequest');
    });

    it('rejects a request key other than the signer key', async () => {
      const other = await generateKeys({ type: 'rsa', bits: 2048 });
      const reply = await respondToPkiOperation(request(MESSAGE_TYPE.pkcsReq, other), ca, issueAll(ca));
      expect(reply.decision).toMatchObject({ kind: 'rejected', reason: 'the certificate request key differs from the key of the certificate that signed the PKCSReq' });
    });

    it('rejects an envelope for another recipient', async () => {
      const reply = await respondToPkiOperation(request(MESSAGE_TYPE.pkcsReq, keys, temporary.der), ca, issueAll(ca));
      expect(reply.decision).toMatchObject({ kind: 'rejected', failInfo: 'badMessageCheck' });
      expect(reply.decision.reason).toMatch(/does not decrypt with the CA key/);
    });

    it('rejects a changed envelope', async () => {
      const tampered = request().slice();
      const message = parsePkiMessage(tampered);
      const at = Buffer.from(tampered).indexOf(Buffer.from(message.envelope!));
      tampered[at + message.envelope!.length - 5] ^= 0xff;
      const reply = await respondToPkiOperation(tampered, ca, issueAll(ca));
      expect(reply.decision).toMatchObject({ kind: 'rejected', failInfo: 'badMessageCheck', reason: 'the SCEP message signature does not verify with its signer certificate' });
    });

    it('raises for bytes that are not a message', async () => {
      await expect(respondToPkiOperation(Uint8Array.of(1, 2, 3), ca, issueAll(ca))).rejects.toBeInstanceOf(ScepMessageError);
    });

    it('raises for a message without SCEP attributes', async () => {
      const { sign } = await import('../../../../electron/services/cms/index.ts');
      const plain = sign(Uint8Array.of(1), signer()).der;
      await expect(respondToPkiOperation(plain, ca, issueAll(ca))).rejects.toThrow(/lacks messageType, transactionID or senderNonce/);
    });
  });
});

describe('SCEP over GET', () => {
  it('accepts a base64 message in the query', async () => {
    const test = await startTestServer({ provisioning: 'auto' });
    try {
      const keys = await generateKeys({ type: 'rsa', bits: 2048 });
      const temporary = selfSignedCertificate(keys.privateKey, [['CN', 'get-client']], 1);
      const csr = buildCsr({ subjectName: encodeName([['CN', 'get-client']]), privateKey: keys.privateKey, challengePassword: 'not-issued' });
      const message = buildPkiMessage({ messageType: MESSAGE_TYPE.pkcsReq, transactionId: 'GET1', senderNonce: new Uint8Array(16) }, encrypt(csr, [test.server.workspace.ca.certificateDer]), { certificate: temporary.der, privateKey: keys.privateKey, chain: [] });
      const url = `${test.server.scepUrl}?operation=PKIOperation&message=${encodeURIComponent(Buffer.from(message).toString('base64'))}`;
      const reply = await new Promise<{ status: number; body: Buffer; reason: string | undefined }>((resolve, reject) => {
        http
          .get(url, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks), reason: response.headers['x-enrolment-reason'] as string | undefined }));
          })
          .on('error', reject);
      });
      expect(reply.status).toBe(200);
      expect(parsePkiMessage(new Uint8Array(reply.body)).pkiStatus).toBe('failure');
      expect(reply.reason).toBe('the SCEP challenge was not issued by this server');
    } finally {
      await test.stop();
      test.cleanup();
    }
  });
});
