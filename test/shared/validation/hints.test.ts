// Value hints: UUID, URL, host name, email and domain checks on tables of good and bad strings.

import { describe, expect, it } from 'vitest';
import { checkHint } from '../../../shared/validation/hints.ts';

describe('checkHint', () => {
  const cases: [Parameters<typeof checkHint>[1], string, string | undefined][] = [
    ['uuid', '6D2F6A5B-9C1E-4E38-9A7B-3A1C5E0F2B11', undefined],
    ['uuid', '6d2f6a5b-9c1e-4e38-9a7b-3a1c5e0f2b11', undefined],
    ['uuid', '6D2F6A5B9C1E4E389A7B3A1C5E0F2B11', 'not-a-uuid'],
    ['uuid', '6D2F6A5B-9C1E-4E38-9A7B-3A1C5E0F2B1G', 'not-a-uuid'],
    ['url', 'https://mdm.example.com:8443/checkin', undefined],
    ['url', 'http://127.0.0.1:9000/tools/udid', undefined],
    ['url', 'mailto:admin@example.com', undefined],
    ['url', 'scep.example.com', 'invalid-url'],
    ['url', 'https://', 'invalid-url'],
    ['url', 'file:///Applications/Safari.app', undefined],
    ['url', 'https://exa mple.com/', 'invalid-url'],
    ['hostname', 'proxy.example.com', undefined],
    ['hostname', '192.0.2.10', undefined],
    ['hostname', '2001:db8::1', undefined],
    ['hostname', 'proxy example.com', 'invalid-hostname'],
    ['hostname', 'https://proxy.example.com', 'invalid-hostname'],
    ['email', 'user@example.com', undefined],
    ['email', 'user@', 'invalid-email'],
    ['email', 'user@-example.com', 'invalid-email'],
    ['domain', 'example.com', undefined],
    ['domain', 'example.com.', undefined],
    ['domain', 'ex_ample.com', 'invalid-domain'],
    ['domain', 'a'.repeat(64) + '.com', 'invalid-domain'],
  ];

  for (const [hint, value, code] of cases) {
    it(`${hint} ${JSON.stringify(value)}`, () => {
      expect(checkHint(value, hint)?.code).toBe(code);
    });
  }

  it('URL without scheme says to add one', () => {
    expect(checkHint('scep.example.com', 'url')?.message).toContain('add one such as https://');
  });
});
