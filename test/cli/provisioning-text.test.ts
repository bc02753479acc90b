import { describe, expect, it } from 'vitest';
import { describeExpiry, formatProvisioningReport, typeLabel } from '../../cli/commands/provisioning-text.ts';

const asOf = '2026-03-01T12:00:00.000Z';

describe('describeExpiry', () => {
  const cases: [string, string][] = [
    ['2026-03-11T12:00:00Z', '10 days left'],
    ['2026-03-02T12:00:00Z', '1 day left'],
    ['2026-03-02T11:59:59Z', 'expires within a day'],
    ['2026-03-01T12:00:00Z', 'expired less than a day ago'],
    ['2026-02-28T12:00:00Z', 'expired 1 day ago'],
    ['2026-02-24T12:00:00Z', 'expired 5 days ago'],
    ['2026-02-24T11:00:00Z', 'expired 5 days ago'],
  ];
  for (const [expiry, expected] of cases) {
    it(`describes ${expiry}`, () => {
      expect(describeExpiry(expiry, asOf)).toBe(expected);
    });
  }
});

describe('typeLabel', () => {
  it('labels every type', () => {
    expect(['development', 'ad-hoc', 'app-store', 'enterprise', 'developer-id'].map((type) => typeLabel(type as Parameters<typeof typeLabel>[0]))).toEqual([
      'development',
      'ad hoc',
      'App Store',
      'enterprise',
      'Developer ID',
    ]);
  });
});

describe('formatProvisioningReport', () => {
  it('says when a folder has no profiles', () => {
    const text = formatProvisioningReport({
      folder: '/profiles',
      asOf,
      expiringWithinDays: 30,
      summary: { profiles: 0, expired: 0, expiringSoon: 0, allCertificatesExpired: 0, failed: 0, skipped: 1 },
      profiles: [],
      duplicateUuids: [],
      duplicateAppIds: [],
      device: { udid: '00008030-001544522E60802E', profiles: [] },
      failures: [],
      skipped: [{ file: '/profiles/notes.txt', reason: 'not a provisioning profile: the file is not a property list' }],
    });
    expect(text).toBe(
      [
        `Provisioning profiles in /profiles, as of ${asOf} (expiring soon: within 30 days)`,
        '',
        'No provisioning profiles found.',
        '',
        'Profiles that include device 00008030-001544522E60802E:',
        '  none',
        '',
        'Skipped:',
        '  notes.txt: not a provisioning profile: the file is not a property list',
        '',
        '0 profiles: 0 expired, 0 expiring within 30 days, 0 with every developer certificate expired; 0 failed, 1 skipped.',
        '',
      ].join('\n'),
    );
  });
});
