import { describe, expect, it } from 'vitest';

import { checkFinalProfile, resolveServerOptions } from '../../../../electron/services/enrolment/server-options.ts';
import { EnrolmentServiceError } from '../../../../electron/services/enrolment/index.ts';

const base = { stateDir: '/unused', provisioning: 'custom' as const };

describe('server settings', () => {
  it('defaults to loopback without warnings', () => {
    const settings = resolveServerOptions(base);
    expect(settings.host).toBe('127.0.0.1');
    expect(settings.port).toBe(0);
    expect(settings.warnings).toEqual([]);
    expect(settings.maxBodyBytes).toBe(1024 * 1024);
  });

  it.each(['::1', 'localhost', '127.0.0.2'])('accepts loopback %s silently', (host) => {
    expect(resolveServerOptions({ ...base, host }).warnings).toEqual([]);
  });

  it.each(['0.0.0.0', '192.0.2.1', '::'])('warns for %s', (host) => {
    const [warning] = resolveServerOptions({ ...base, host }).warnings;
    expect(warning).toContain(`listening on ${host}`);
    expect(warning).toContain('bind it to 127.0.0.1');
  });

  it.each([
    ['a host name', { host: 'example.com' }, 'is not an IP address'],
    ['a negative port', { port: -1 }, 'is not a TCP port'],
    ['a large port', { port: 70000 }, 'is not a TCP port'],
    ['a shared challenge under custom', { sharedChallenge: 'x' }, 'applies to auto provisioning only'],
    ['an unknown attribute', { attributes: ['UDID', 'COLOUR'] }, 'device attribute "COLOUR"'],
    ['attributes without an id', { attributes: ['PRODUCT'] }, 'request UDID or SERIAL'],
    ['a broken device CA', { deviceCaCertificates: [Uint8Array.of(0x30, 0x00)] }, 'device CA certificate 1 is not a valid DER certificate'],
  ])('rejects %s', (_name, change, message) => {
    expect(() => resolveServerOptions({ ...base, ...change })).toThrow(message);
  });

  it('rejects an unknown provisioning type', () => {
    expect(() => resolveServerOptions({ ...base, provisioning: 'manual' as never })).toThrow(EnrolmentServiceError);
  });
});

describe('final profile check', () => {
  const xml = (body: string): Uint8Array => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><plist version="1.0">${body}</plist>`);

  it('accepts a profile with payloads', () => {
    expect(() => checkFinalProfile(xml('<dict><key>PayloadContent</key><array/></dict>'), 'final.mobileconfig')).not.toThrow();
  });

  it.each([
    ['an array root', xml('<array/>'), 'root is an array, expected a dictionary'],
    ['no payloads', xml('<dict/>'), 'has no PayloadContent array'],
    ['an encrypted profile', xml('<dict><key>EncryptedPayloadContent</key><data>AA==</data></dict>'), 'already encrypted'],
    ['text', Buffer.from('hello'), 'not a property list'],
  ])('rejects %s', (_name, bytes, message) => {
    expect(() => checkFinalProfile(bytes, 'final.mobileconfig')).toThrow(message);
    expect(() => checkFinalProfile(bytes, 'final.mobileconfig')).toThrow(/^final\.mobileconfig: /);
  });
});
