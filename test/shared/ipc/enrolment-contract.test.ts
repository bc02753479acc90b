import { describe, expect, it } from 'vitest';

import type { EnrolmentLogEntry } from '../../../shared/enrolment/log-entry.ts';
import { EVENT_CHECKS, EVENT_NAMES, IPC_METHODS, REQUEST_CHECKS, RENDERER_METHODS } from '../../../shared/ipc/contract.ts';
import { ENROLMENT_REQUEST_CHECKS, MAX_LOG_BATCH } from '../../../shared/ipc/enrolment-contract.ts';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

const start = (request: unknown) => REQUEST_CHECKS['enrolment.startServer'](request, 'request');
const save = (request: unknown) => REQUEST_CHECKS['enrolment.saveProfile'](request, 'request');

const minimalStart = { host: '127.0.0.1', port: 0, provisioning: 'custom', finalProfile: { source: 'default' } };

const entry: EnrolmentLogEntry = {
  time: '2026-12-04T20:55:01.123Z',
  requestId: 3,
  remote: '127.0.0.1:53412',
  method: 'POST',
  path: '/enrol',
  phase: 'attributes',
  deviceId: '00008030-001A2B3C4D5E6F70',
  decision: 'rejected',
  status: 403,
  reason: 'rule product: product iPod9,1 is not allowed; allowed: iPhone*',
  durationMs: 12.75,
};

describe('enrolment contract merge', () => {
  it('lists every enrolment method', () => {
    for (const method of Object.keys(ENROLMENT_REQUEST_CHECKS)) {
      expect(IPC_METHODS).toContain(method);
      expect(RENDERER_METHODS).toContain(method);
    }
  });

  it('lists the log event', () => {
    expect(EVENT_NAMES).toContain('enrolment-log');
  });
});

describe('enrolment.startServer checks', () => {
  it('accepts a minimal request', () => {
    expect(start(minimalStart)).toBeNull();
  });

  it('accepts every option', () => {
    const full = {
      ...minimalStart,
      provisioning: 'auto',
      rules: { products: ['iPhone*'], minVersion: '17.0', maxVersion: '18.9', minRsaBits: 2048, requireDeviceCa: true, challengeLifetimeMinutes: 60 },
      sharedChallenge: 'shared-secret',
      attributes: ['UDID', 'PRODUCT'],
      finalProfile: { source: 'file', fileId: ID },
      deviceCaFileId: ID,
      organization: 'Example',
      signingIdentityId: ID,
    };
    expect(start(full)).toBeNull();
  });

  it('rejects ports outside 0 to 65535', () => {
    expect(start({ ...minimalStart, port: 65536 })).toBe('request.port must be a whole number from 0 to 65535');
    expect(start({ ...minimalStart, port: -1 })).toBe('request.port must be a whole number from 0 to 65535');
    expect(start({ ...minimalStart, port: 80.5 })).toBe('request.port must be a whole number from 0 to 65535');
    expect(start({ ...minimalStart, port: '8080' })).toBe('request.port must be a whole number from 0 to 65535');
  });

  it('rejects an unknown provisioning type', () => {
    expect(start({ ...minimalStart, provisioning: 'manual' })).toBe('request.provisioning must be one of none, auto, custom');
  });

  it('rejects an unknown attribute name', () => {
    expect(start({ ...minimalStart, attributes: ['UDID', 'IMEISV'] })).toMatch(/^request\.attributes\[1\] must be one of UDID, VERSION/);
  });

  it('rejects a path smuggled in', () => {
    expect(start({ ...minimalStart, stateDir: '/etc' })).toBe('request has an unexpected field "stateDir"');
    expect(start({ ...minimalStart, finalProfile: { source: 'default', path: '/etc/passwd' } })).toBe('request.finalProfile has an unexpected field "path"');
    expect(start({ ...minimalStart, finalProfile: { source: 'path', path: '/etc/passwd' } })).toBe('request.finalProfile.source must be one of default, editor, file');
  });

  it('rejects a file handle that is not a UUID', () => {
    expect(start({ ...minimalStart, finalProfile: { source: 'file', fileId: '../final.mobileconfig' } })).toBe('request.finalProfile.fileId has an invalid format');
    expect(start({ ...minimalStart, deviceCaFileId: 'ca.pem' })).toBe('request.deviceCaFileId has an invalid format');
  });

  it('rejects an editor profile without text', () => {
    expect(start({ ...minimalStart, finalProfile: { source: 'editor', name: 'Final' } })).toBe('request.finalProfile.text is missing');
  });

  it('rejects rules of the wrong types', () => {
    const rules = { products: [], minRsaBits: '2048', requireDeviceCa: false, challengeLifetimeMinutes: 60 };
    expect(start({ ...minimalStart, rules })).toBe('request.rules.minRsaBits must be a whole number from 0 to 16384');
    expect(start({ ...minimalStart, rules: { ...rules, minRsaBits: 2048, products: 'iPhone*' } })).toBe('request.rules.products must be an array, got a string');
  });

  it('names the field, not the challenge', () => {
    const secret = 'x'.repeat(1025);
    const problem = start({ ...minimalStart, provisioning: 'auto', sharedChallenge: secret });
    expect(problem).toBe('request.sharedChallenge is 1025 characters long, over the limit of 1024');
    expect(problem).not.toContain('xxxx');
  });
});

describe('enrolment.saveProfile checks', () => {
  it('accepts URL and attributes only', () => {
    expect(save({ url: 'http://127.0.0.1:8080/enrol', attributes: ['UDID'] })).toBeNull();
  });

  it('rejects a missing URL', () => {
    expect(save({ attributes: ['UDID'] })).toBe('request.url is missing');
  });

  it('rejects a path to write to', () => {
    expect(save({ url: 'http://127.0.0.1/enrol', attributes: [], filePath: '/tmp/x.mobileconfig' })).toBe('request has an unexpected field "filePath"');
  });

  it('rejects an identity id that is not a handle', () => {
    expect(save({ url: 'http://127.0.0.1/enrol', attributes: [], signingIdentityId: 'CN=Signer' })).toBe('request.signingIdentityId has an invalid format');
  });
});

describe('other enrolment request checks', () => {
  it('bounds the log limit', () => {
    expect(REQUEST_CHECKS['enrolment.recentLog']({}, 'request')).toBeNull();
    expect(REQUEST_CHECKS['enrolment.recentLog']({ limit: MAX_LOG_BATCH }, 'request')).toBeNull();
    expect(REQUEST_CHECKS['enrolment.recentLog']({ limit: 0 }, 'request')).toBe('request.limit must be a whole number from 1 to 500');
    expect(REQUEST_CHECKS['enrolment.recentLog']({ limit: MAX_LOG_BATCH + 1 }, 'request')).toBe('request.limit must be a whole number from 1 to 500');
  });

  it('requires a device id to revoke', () => {
    expect(REQUEST_CHECKS['enrolment.revokeDevice']({ deviceId: 'UDID-1' }, 'request')).toBeNull();
    expect(REQUEST_CHECKS['enrolment.revokeDevice']({}, 'request')).toBe('request.deviceId is missing');
  });

  it('takes empty requests for the dialogs', () => {
    expect(REQUEST_CHECKS['enrolment.chooseFinalProfile']({}, 'request')).toBeNull();
    expect(REQUEST_CHECKS['enrolment.saveDevicesCsv']({ filePath: '/tmp/devices.csv' }, 'request')).toBe('request has an unexpected field "filePath"');
  });
});

describe('enrolment-log event check', () => {
  const check = (payload: unknown) => EVENT_CHECKS['enrolment-log'](payload, 'event');

  it('accepts a batch of entries', () => {
    expect(check({ entries: [entry, { ...entry, requestId: 4, deviceId: null, decision: 'served', phase: 'profile' }] })).toBeNull();
  });

  it('rejects an unknown phase', () => {
    expect(check({ entries: [{ ...entry, phase: 'phase-9' }] })).toMatch(/^event\.entries\[0\]\.phase must be one of profile, attributes, final/);
  });

  it('rejects a device id of the wrong type', () => {
    expect(check({ entries: [{ ...entry, deviceId: 42 }] })).toBe('event.entries[0].deviceId must be a string, got a number');
  });

  it('rejects an oversized batch', () => {
    expect(check({ entries: Array.from({ length: MAX_LOG_BATCH + 1 }, () => entry) })).toBe('event.entries has 501 items, over the limit of 500');
  });
});
