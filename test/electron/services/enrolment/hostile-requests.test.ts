// Bad and hostile requests on 127.0.0.1: each gets the right HTTP status and one log line,
// and the server keeps serving.

import http from 'node:http';
import net from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildDeviceAttributes } from '../../../../shared/enrolment/device-response.ts';
import { writePlist } from '../../../../shared/plist/index.ts';
import { sign } from '../../../../electron/services/cms/index.ts';
import { simulateEnrolment } from '../../../../electron/services/enrolment/index.ts';
import { buildCertificate } from '../../../../electron/services/pki/certificate-builder.ts';
import { encodeExtension } from '../../../../electron/services/pki/extensions.ts';
import { encodeName, generateKeys, publicKeyInfoDer, selfSignedCertificate } from '../../../../electron/services/pki/index.ts';
import { startTestServer, type TestServer } from './helpers.ts';

interface Reply {
  readonly status: number;
  readonly text: string;
  readonly headers: http.IncomingHttpHeaders;
}

/** Sends one request with node:http; `chunked` leaves Content-Length out. */
function request(url: string, method: string, body?: Uint8Array | string, contentType?: string, chunked = false): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (contentType) headers['content-type'] = contentType;
    if (body !== undefined && !chunked) headers['content-length'] = Buffer.byteLength(body);
    const outgoing = http.request(url, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('latin1'), headers: response.headers }));
    });
    outgoing.on('error', reject);
    if (body === undefined) outgoing.end();
    else if (!chunked) outgoing.end(body);
    else {
      // Several chunks, so that the limit is found while reading, without a declared length.
      const bytes = Buffer.from(body);
      const step = 64 * 1024;
      for (let offset = 0; offset < bytes.length; offset += step) outgoing.write(bytes.subarray(offset, offset + step));
      outgoing.end();
    }
  });
}

/** Writes raw bytes on a TCP connection and returns what comes back before the server closes it. */
function rawExchange(port: number, text: string, endAfterWrite = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
    socket.write(text);
    if (endAfterWrite) socket.end();
  });
}

describe('hostile requests', () => {
  let test: TestServer;
  let enrolUrl: string;
  let requestsSent = 0;
  const lastEntry = () => test.server.log.recent(1)[0];
  const send = async (method: string, url: string, body?: Uint8Array | string, contentType?: string, chunked = false): Promise<Reply> => {
    requestsSent++;
    return request(url, method, body, contentType, chunked);
  };

  beforeAll(async () => {
    test = await startTestServer({ provisioning: 'auto', sharedChallenge: 'hostile-test', bodyTimeoutMs: 500, maxBodyBytes: 64 * 1024 });
    enrolUrl = test.server.enrolUrl;
  });

  afterAll(async () => {
    await test.stop();
    test.cleanup();
  });

  /** A correctly signed attribute response from a throwaway EC device. */
  async function signedAttributes(plist?: Uint8Array) {
    const keys = await generateKeys({ type: 'ec', curve: 'P-256' });
    const certificate = selfSignedCertificate(keys.privateKey, [['CN', 'Hostile device']], 1);
    const content = plist ?? writePlist(buildDeviceAttributes({ UDID: 'HOSTILE-1', PRODUCT: 'iPhone15,2' }, 'hostile-test'), 'xml');
    return { der: sign(content, { certificate: certificate.der, privateKey: keys.privateKey, chain: [] }).der, keys, certificate };
  }

  it('rejects an unsigned plist', async () => {
    const reply = await send('POST', enrolUrl, writePlist(buildDeviceAttributes({ UDID: 'X' }), 'xml'), 'application/pkcs7-signature');
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/not CMS SignedData/);
    expect(lastEntry()).toMatchObject({ status: 400, phase: 'attributes', decision: 'rejected' });
  });

  it('rejects a plist media type', async () => {
    const reply = await send('POST', enrolUrl, writePlist(buildDeviceAttributes({ UDID: 'X' }), 'xml'), 'application/xml');
    expect(reply.status).toBe(415);
    expect(lastEntry().status).toBe(415);
  });

  it('rejects a missing media type', async () => {
    const reply = await send('POST', enrolUrl, 'x');
    expect(reply.status).toBe(415);
  });

  it('rejects content changed after signing', async () => {
    const { der } = await signedAttributes();
    const tampered = der.slice();
    const at = Buffer.from(tampered).indexOf('HOSTILE-1');
    tampered[at + 8] = '2'.charCodeAt(0);
    const reply = await send('POST', enrolUrl, tampered, 'application/pkcs7-signature');
    expect(reply.status).toBe(403);
    expect(reply.text).toMatch(/^the signature does not verify: the content does not match its SHA256 messageDigest/);
    expect(lastEntry()).toMatchObject({ status: 403, phase: 'attributes' });
  });

  it('rejects a wrong signer certificate', async () => {
    // Another key in a certificate with the same name and serial, of the same length, put in the signer's place.
    const { der, certificate } = await signedAttributes();
    let impostor: Uint8Array | null = null;
    for (let attempt = 0; attempt < 50 && impostor === null; attempt++) {
      const other = await generateKeys({ type: 'ec', curve: 'P-256' });
      const candidate = buildCertificate(
        {
          issuerName: encodeName([['CN', 'Hostile device']]),
          subjectName: encodeName([['CN', 'Hostile device']]),
          publicKeyInfo: publicKeyInfoDer(other.publicKey),
          notBefore: certificate.certificate.notBefore,
          notAfter: certificate.certificate.notAfter,
          extensions: certificate.certificate.extensions.map((extension) => encodeExtension(extension.oid, extension.critical, extension.value)),
          serialNumber: certificate.certificate.serialNumberBytes,
        },
        other.privateKey,
      ).der;
      if (candidate.length === certificate.der.length) impostor = candidate;
    }
    expect(impostor).not.toBeNull();
    const forged = Buffer.from(der);
    const at = forged.indexOf(Buffer.from(certificate.der));
    forged.set(impostor!, at);

    const reply = await send('POST', enrolUrl, new Uint8Array(forged), 'application/pkcs7-signature');
    expect(reply.status).toBe(403);
    expect(reply.text).toMatch(/^the signature does not verify: the signature does not verify with the public key of CN=Hostile device/);
  });

  it('rejects a wrong challenge', async () => {
    const { der } = await signedAttributes(writePlist(buildDeviceAttributes({ UDID: 'HOSTILE-2' }, 'guessed'), 'xml'));
    const reply = await send('POST', enrolUrl, der, 'application/pkcs7-signature');
    expect(reply.status).toBe(403);
    expect(reply.text.trim()).toBe('the CHALLENGE does not match the one in the enrolment profile');
    expect(lastEntry()).toMatchObject({ status: 403, deviceId: 'HOSTILE-2' });
  });

  it('rejects truncated CMS', async () => {
    const { der } = await signedAttributes();
    const reply = await send('POST', enrolUrl, der.subarray(0, der.length - 40), 'application/pkcs7-signature');
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/^the body is not a valid CMS SignedData/);
  });

  it('rejects bytes that are not CMS', async () => {
    const reply = await send('POST', enrolUrl, 'hello', 'application/pkcs7-signature');
    expect(reply.status).toBe(400);
  });

  it('rejects a malformed signed plist', async () => {
    const { der } = await signedAttributes(Buffer.from('<?xml version="1.0"?><plist version="1.0"><dict><key>UDID</key>'));
    const reply = await send('POST', enrolUrl, der, 'application/pkcs7-signature');
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/^the attribute plist is invalid/);
  });

  it('rejects attributes without a device id', async () => {
    const { der } = await signedAttributes(writePlist(buildDeviceAttributes({ PRODUCT: 'iPhone15,2' }, 'hostile-test'), 'xml'));
    const reply = await send('POST', enrolUrl, der, 'application/pkcs7-signature');
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/no UDID, SERIAL, IMEI or MEID/);
  });

  it('rejects an oversized declared body', async () => {
    const reply = await send('POST', enrolUrl, Buffer.alloc(200 * 1024, 0x41), 'application/pkcs7-signature');
    expect(reply.status).toBe(413);
    expect(reply.text).toMatch(/larger than 65536 bytes/);
    expect(lastEntry()).toMatchObject({ status: 413, phase: 'attributes' });
  });

  it('rejects an oversized chunked body', async () => {
    const reply = await send('POST', enrolUrl, Buffer.alloc(300 * 1024, 0x42), 'application/pkcs7-signature', true);
    expect(reply.status).toBe(413);
    expect(lastEntry().status).toBe(413);
  });

  it('closes on a body past the drain cap', async () => {
    // 16 times the 64 KiB limit is 1 MiB; past it the server stops reading, replies and closes.
    const outcome = await send('POST', enrolUrl, Buffer.alloc(2 * 1024 * 1024, 0x43), 'application/pkcs7-signature', true).catch((error: Error) => error);
    if (!(outcome instanceof Error)) expect(outcome.status).toBe(413);
    await vitestWaitFor(() => lastEntry().status === 413);
    expect(lastEntry().reason).toMatch(/or more received/);
  });

  it('answers 404 for an unknown path', async () => {
    const reply = await send('GET', `${test.server.url}/admin`);
    expect(reply.status).toBe(404);
    expect(lastEntry()).toMatchObject({ status: 404, path: '/admin' });
  });

  it('answers 405 for another method', async () => {
    const reply = await send('PUT', enrolUrl, 'x', 'application/pkcs7-signature');
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, POST');
  });

  it('rejects garbage SCEP messages', async () => {
    const reply = await send('POST', `${test.server.scepUrl}?operation=PKIOperation`, 'not a pki message', 'application/x-pki-message');
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/^the SCEP message is not a CMS SignedData/);
    expect(lastEntry()).toMatchObject({ status: 400, phase: 'scep-request' });
  });

  it('rejects an unknown SCEP operation', async () => {
    const reply = await send('GET', `${test.server.scepUrl}?operation=GetNextCACert`);
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/GetNextCACert" is not supported/);
  });

  it('rejects a SCEP media type', async () => {
    const reply = await send('POST', `${test.server.scepUrl}?operation=PKIOperation`, 'x', 'text/plain');
    expect(reply.status).toBe(415);
  });

  it('rejects an empty SCEP GET message', async () => {
    const reply = await send('GET', `${test.server.scepUrl}?operation=PKIOperation`);
    expect(reply.status).toBe(400);
  });

  it('answers 408 for a stalled body', async () => {
    requestsSent++;
    const reply = await rawExchange(test.server.port, `POST /enrol HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/pkcs7-signature\r\nContent-Length: 100\r\n\r\n0123456789`);
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(lastEntry()).toMatchObject({ status: 408, phase: 'attributes' });
  });

  it('logs a client that leaves mid-body', async () => {
    requestsSent++;
    const before = test.server.log.entryCount;
    await rawExchange(test.server.port, `POST /enrol HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/pkcs7-signature\r\nContent-Length: 100\r\n\r\n0123456789`, true);
    await vitestWaitFor(() => test.server.log.entryCount > before);
    expect(lastEntry().reason).toMatch(/closed the connection/);
  });

  it('logs a malformed HTTP request', async () => {
    requestsSent++;
    const reply = await rawExchange(test.server.port, 'NOT-HTTP \u0001\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(lastEntry()).toMatchObject({ status: 400, phase: 'unknown' });
    expect(lastEntry().reason).toMatch(/malformed \(HPE_/);
  });

  it('rejects an invalid request target', async () => {
    requestsSent++;
    const reply = await rawExchange(test.server.port, 'GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('keeps serving and logs every request', async () => {
    const result = await simulateEnrolment({ url: enrolUrl, trustAnchors: [test.server.workspace.ca.certificateDer] });
    expect(result.scep).toBeDefined();
    const entries = await test.stop();
    expect(entries).toHaveLength(requestsSent + result.requestCount);
    expect(entries.map((entry) => entry.requestId).sort((a, b) => a - b)).toEqual(entries.map((_, index) => index + 1));
  });
});

/** Polls `condition` every 10 ms, up to 5 s; the limit only stops a hung test. */
async function vitestWaitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 10) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition not met within 5 s');
}
