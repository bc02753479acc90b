import { execFileSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { devicesToCsv, type EnrolledDevice } from '../../../shared/enrolment/devices.ts';
import { needTools } from '../../support/environment.ts';

const python = needTools('python3');

const device = (change: Partial<EnrolledDevice>): EnrolledDevice => ({
  deviceId: 'U1',
  attributes: { UDID: 'U1', PRODUCT: 'iPhone15,2' },
  provisioning: 'custom',
  status: 'enrolled',
  certificateSerial: '4a0b',
  certificateSubject: 'CN=U1,O=Example',
  certificateNotAfter: '2027-01-01T00:00:00.000Z',
  issuedAt: '2026-01-01T00:00:00.000Z',
  firstSeen: '2026-01-01T00:00:00.000Z',
  lastSeen: '2026-01-02T00:00:00.000Z',
  requestCount: 3,
  deviceCaTrusted: null,
  revokedAt: null,
  ...change,
});

/** Reads CSV with Python's csv module, the independent reader. */
function pythonCsvRows(text: string): string[][] {
  const script = 'import csv, io, json, sys\nprint(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: text, encoding: 'utf8' })) as string[][];
}

describe.skipIf(python.skip)('device CSV export' + python.reason, () => {
  it('writes one row per device', () => {
    const rows = pythonCsvRows(devicesToCsv([device({}), device({ deviceId: 'U2', attributes: { UDID: 'U2', SERIAL: 'S2' }, certificateSerial: null })]));
    expect(rows[0]).toEqual([
      'deviceId',
      'status',
      'provisioning',
      'UDID',
      'PRODUCT',
      'SERIAL',
      'certificateSerial',
      'certificateSubject',
      'certificateNotAfter',
      'issuedAt',
      'firstSeen',
      'lastSeen',
      'requestCount',
      'deviceCaTrusted',
      'revokedAt',
    ]);
    expect(rows[1].slice(0, 7)).toEqual(['U1', 'enrolled', 'custom', 'U1', 'iPhone15,2', '', '4a0b']);
    expect(rows[2].slice(0, 7)).toEqual(['U2', 'enrolled', 'custom', 'U2', '', 'S2', '']);
    expect(rows).toHaveLength(3);
  });

  it('quotes commas, quotes and line breaks', () => {
    const rows = pythonCsvRows(devicesToCsv([device({ attributes: { DEVICE_NAME: 'Anna\'s "phone",\r\nnew' } })]));
    expect(rows[1][3]).toBe('Anna\'s "phone",\r\nnew');
  });

  it('guards formula-like values', () => {
    const rows = pythonCsvRows(devicesToCsv([device({ attributes: { DEVICE_NAME: '=HYPERLINK("x")', IMEI: '+1', ICCID: '@a', MEID: '-2' } })]));
    const header = rows[0];
    const value = (name: string): string => rows[1][header.indexOf(name)];
    expect(value('DEVICE_NAME')).toBe('\'=HYPERLINK("x")');
    expect(value('IMEI')).toBe("'+1");
    expect(value('ICCID')).toBe("'@a");
    expect(value('MEID')).toBe("'-2");
  });

  it('puts unknown attributes after known ones', () => {
    const rows = pythonCsvRows(devicesToCsv([device({ attributes: { ZED: 'z', UDID: 'U1', ALPHA: 'a' } })]));
    expect(rows[0].slice(3, 6)).toEqual(['UDID', 'ALPHA', 'ZED']);
  });

  it('writes only the header without devices', () => {
    expect(pythonCsvRows(devicesToCsv([]))).toHaveLength(1);
  });
});
