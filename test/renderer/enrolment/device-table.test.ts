import { describe, expect, it } from 'vitest';

import { deviceRows, formatTime, orderedAttributes } from '../../../renderer/enrolment/device-table.ts';
import type { EnrolledDevice } from '../../../shared/enrolment/devices.ts';

function device(deviceId: string, lastSeen: string, issuedAt: string | null, requestCount: number): EnrolledDevice {
  return {
    deviceId,
    attributes: { PRODUCT: 'iPhone15,2', UDID: deviceId },
    provisioning: 'auto',
    status: issuedAt ? 'enrolled' : 'attributes-received',
    certificateSerial: issuedAt ? `${deviceId}-serial` : null,
    certificateSubject: null,
    certificateNotAfter: null,
    issuedAt,
    firstSeen: lastSeen,
    lastSeen,
    requestCount,
    deviceCaTrusted: null,
    revokedAt: null,
  };
}

const devices = [device('B', '2026-12-04T20:00:02.000Z', '2026-12-04T20:00:01.000Z', 3), device('A', '2026-12-04T20:00:05.000Z', null, 1), device('C', '2026-12-04T19:59:00.000Z', '2026-12-04T19:58:00.000Z', 12)];

describe('deviceRows', () => {
  it('sorts by last seen, newest first', () => {
    expect(deviceRows(devices, { column: 'lastSeen', direction: 'descending' }).map((row) => row.deviceId)).toEqual(['A', 'B', 'C']);
  });

  it('sorts request counts as numbers', () => {
    expect(deviceRows(devices, { column: 'requestCount', direction: 'ascending' }).map((row) => row.deviceId)).toEqual(['A', 'B', 'C']);
  });

  it('puts devices without an identity last', () => {
    expect(deviceRows(devices, { column: 'issuedAt', direction: 'ascending' }).map((row) => row.deviceId)).toEqual(['C', 'B', 'A']);
    expect(deviceRows(devices, { column: 'issuedAt', direction: 'descending' }).map((row) => row.deviceId)).toEqual(['B', 'C', 'A']);
  });

  it('joins attributes in the known order', () => {
    expect(deviceRows([devices[0]], { column: 'deviceId', direction: 'ascending' })[0].attributes).toBe('UDID B, PRODUCT iPhone15,2');
  });
});

describe('orderedAttributes', () => {
  it('puts unknown names last', () => {
    expect(orderedAttributes({ ZZZ: '1', SERIAL: 'S', AAA: '2', UDID: 'U' })).toEqual([
      ['UDID', 'U'],
      ['SERIAL', 'S'],
      ['AAA', '2'],
      ['ZZZ', '1'],
    ]);
  });
});

describe('formatTime', () => {
  it('shows UTC without milliseconds', () => {
    expect(formatTime('2026-12-04T20:55:01.123Z')).toBe('2026-12-04 20:55:01 UTC');
  });

  it('keeps other text as it is', () => {
    expect(formatTime('yesterday')).toBe('yesterday');
    expect(formatTime(null)).toBe('');
  });
});
