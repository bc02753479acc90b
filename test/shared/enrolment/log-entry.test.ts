import { describe, expect, it } from 'vitest';

import { formatLogEntry, parseLogLine, type EnrolmentLogEntry } from '../../../shared/enrolment/log-entry.ts';

const ENTRY: EnrolmentLogEntry = {
  time: '2026-01-01T00:00:00.000Z',
  requestId: 7,
  remote: '127.0.0.1:50000',
  method: 'POST',
  path: '/enrol',
  phase: 'attributes',
  deviceId: 'U1',
  decision: 'rejected',
  status: 403,
  reason: 'challenge already used',
  durationMs: 4,
};

describe('request log line', () => {
  it('is one JSON line', () => {
    const line = formatLogEntry(ENTRY);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(ENTRY);
  });

  it('parses back', () => {
    expect(parseLogLine(formatLogEntry(ENTRY))).toEqual(ENTRY);
  });

  it('keeps a reason with a line break on one line', () => {
    const line = formatLogEntry({ ...ENTRY, reason: 'a\nb' });
    expect(line.split('\n')).toHaveLength(2);
  });

  it.each([
    ['a truncated line', formatLogEntry(ENTRY).slice(0, 30)],
    ['a missing field', JSON.stringify({ ...ENTRY, status: undefined })],
    ['a numeric device id', JSON.stringify({ ...ENTRY, deviceId: 5 })],
    ['plain text', 'hello'],
  ])('rejects %s', (_name, line) => {
    expect(parseLogLine(line)).toBeNull();
  });
});
