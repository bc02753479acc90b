// The folder result tables: the files row, and provisioning rows with expiry and duplicate flags.

import { execFileSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { folderRow, provisioningCsv, provisioningRows } from '../../../../electron/ipc/screens/folder-tables.ts';
import type { ProvisioningProfileFacts } from '../../../../shared/provisioning/model.ts';
import type { InspectReport } from '../../../../shared/report/inspect-report.ts';
import { needTools } from '../../../support/environment.ts';

const NOW = new Date('2026-03-01T12:00:00Z');
const DAY_MS = 86_400_000;

function provisioning(file: string, facts: Partial<ProvisioningProfileFacts> & { daysLeft: number }): InspectReport {
  const expiration = new Date(NOW.getTime() + facts.daysLeft * DAY_MS).toISOString();
  return {
    file,
    ok: true,
    kind: 'provisioning',
    signed: true,
    warnings: [],
    provisioning: {
      asOf: NOW.toISOString(),
      uuid: 'UUID-1',
      wildcardAppId: false,
      applicationIdentifierPrefixes: ['TEAM123456'],
      teamIdentifiers: ['TEAM123456'],
      teamName: 'Example Corp',
      platforms: ['iOS'],
      type: 'development',
      typeReason: 'get-task-allow is true',
      expirationDate: expiration,
      expired: facts.daysLeft < 0,
      getTaskAllow: true,
      provisionsAllDevices: false,
      devices: ['a', 'b'],
      entitlements: {},
      certificates: [],
      allCertificatesExpired: false,
      ...facts,
    },
  };
}

describe('folderRow', () => {
  it('maps a signed profile', () => {
    const row = folderRow({
      file: '/p/a.mobileconfig',
      ok: true,
      kind: 'profile',
      container: 'cms-signed',
      signed: true,
      encrypted: false,
      signers: [{ subject: 'CN=Signer', issuer: 'CN=CA', serialNumber: '01', notBefore: '2026-01-01T00:00:00.000Z', notAfter: '2027-01-01T00:00:00.000Z', sha256: 'ab', keyType: 'RSA 2048' }],
      signature: { status: 'untrusted', signatureValid: true, chainComplete: true, chainTrusted: false, signerExpired: false, message: '' },
      top: { PayloadIdentifier: 'com.example', PayloadDisplayName: 'Example' },
      payloads: [{}, {}],
      warnings: ['one', 'two'],
    });
    expect(row).toEqual({
      file: '/p/a.mobileconfig',
      ok: true,
      kind: 'profile',
      container: 'cms-signed',
      signed: true,
      signatureStatus: 'untrusted',
      signer: 'CN=Signer',
      signerExpires: '2027-01-01T00:00:00.000Z',
      encrypted: false,
      identifier: 'com.example',
      displayName: 'Example',
      payloads: 2,
      error: '',
      warnings: 'one; two',
    });
  });

  it('maps an unreadable file', () => {
    expect(folderRow({ file: '/p/x', ok: false, error: 'file is empty', warnings: [] })).toMatchObject({ ok: false, kind: '', signed: null, payloads: null, error: 'file is empty' });
  });
});

describe('provisioningRows', () => {
  const reports = [
    provisioning('/p/late.mobileprovision', { name: 'Late', uuid: 'U1', appId: 'TEAM123456.com.example.app', daysLeft: 200 }),
    provisioning('/p/copy.mobileprovision', { name: 'Copy', uuid: 'U1', appId: 'TEAM123456.com.example.app', daysLeft: 200 }),
    provisioning('/p/soon.mobileprovision', { name: 'Soon', uuid: 'U2', appId: 'TEAM123456.com.example.beta', daysLeft: 10 }),
    provisioning('/p/old.mobileprovision', { name: 'Old', uuid: 'U3', daysLeft: -5, allCertificatesExpired: true }),
    provisioning('/p/all.mobileprovision', { name: 'All', uuid: 'U4', provisionsAllDevices: true, type: 'enterprise', daysLeft: 100 }),
    { file: '/p/readme.txt', ok: false, error: 'not a plist', warnings: [] },
  ];

  it('orders by expiry and sets the flags', () => {
    const rows = provisioningRows(reports, NOW, 30);
    expect(rows.map((row) => [row.name, row.expired, row.expiringSoon, row.duplicateUuid, row.duplicateAppId, row.devices, row.allCertificatesExpired])).toEqual([
      ['Old', true, false, false, false, 2, true],
      ['Soon', false, true, false, false, 2, false],
      ['All', false, false, false, false, null, false],
      ['Copy', false, false, true, true, 2, false],
      ['Late', false, false, true, true, 2, false],
    ]);
    expect(rows[0].team).toBe('Example Corp TEAM123456');
    expect(rows[0].signatureStatus).toBe('not checked');
  });

  const tools = needTools('python3');
  it.skipIf(tools.skip)('writes CSV that Python reads' + tools.reason, () => {
    const csv = provisioningCsv(provisioningRows(reports, NOW, 30));
    const parsed = JSON.parse(execFileSync('python3', ['-c', 'import csv,io,json,sys; print(json.dumps(list(csv.DictReader(io.StringIO(sys.stdin.read(), newline="")))))'], { input: csv, encoding: 'utf8' })) as Record<string, string>[];
    expect(parsed.map((row) => [row.name, row['days left'], row.expired, row.devices, row['duplicate uuid']])).toEqual([
      ['Old', '-5', 'true', '2', 'false'],
      ['Soon', '10', 'false', '2', 'false'],
      ['All', '100', 'false', 'all', 'false'],
      ['Copy', '200', 'false', '2', 'true'],
      ['Late', '200', 'false', '2', 'true'],
    ]);
  });
});
