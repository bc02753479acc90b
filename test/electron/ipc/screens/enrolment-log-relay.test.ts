import { describe, expect, it } from 'vitest';

import { EnrolmentLogRelay } from '../../../../electron/ipc/screens/enrolment-log-relay.ts';
import type { EnrolmentLogEntry } from '../../../../shared/enrolment/log-entry.ts';
import { MAX_LOG_BATCH } from '../../../../shared/ipc/enrolment-contract.ts';

function entry(requestId: number): EnrolmentLogEntry {
  return { time: '2026-12-04T20:55:01.000Z', requestId, remote: '127.0.0.1:50000', method: 'GET', path: '/enrol', phase: 'profile', deviceId: null, decision: 'served', status: 200, reason: 'enrolment profile', durationMs: 1 };
}

function recordingRelay() {
  const sent: { ownerId: number; ids: number[] }[] = [];
  // A long delay, so that only flush() and a full batch send anything during the test.
  const relay = new EnrolmentLogRelay((ownerId, entries) => sent.push({ ownerId, ids: entries.map((e) => e.requestId) }), 60_000);
  return { relay, sent };
}

describe('EnrolmentLogRelay', () => {
  it('sends queued entries on flush', () => {
    const { relay, sent } = recordingRelay();
    relay.watch(1);
    relay.push(entry(1));
    relay.push(entry(2));
    expect(sent).toEqual([]);
    relay.flush();
    expect(sent).toEqual([{ ownerId: 1, ids: [1, 2] }]);
  });

  it('sends to every watching window', () => {
    const { relay, sent } = recordingRelay();
    relay.watch(1);
    relay.watch(2);
    relay.push(entry(1));
    relay.flush();
    expect(sent.map((batch) => batch.ownerId)).toEqual([1, 2]);
  });

  it('stops sending to a forgotten window', () => {
    const { relay, sent } = recordingRelay();
    relay.watch(1);
    relay.watch(2);
    relay.forget(1);
    relay.push(entry(1));
    relay.flush();
    expect(sent).toEqual([{ ownerId: 2, ids: [1] }]);
  });

  it('drops entries nobody watches', () => {
    const { relay, sent } = recordingRelay();
    relay.push(entry(1));
    relay.watch(1);
    relay.flush();
    expect(sent).toEqual([]);
  });

  it('sends a full batch at once', () => {
    const { relay, sent } = recordingRelay();
    relay.watch(1);
    for (let id = 1; id <= MAX_LOG_BATCH + 1; id++) relay.push(entry(id));
    expect(sent).toHaveLength(1);
    expect(sent[0].ids).toHaveLength(MAX_LOG_BATCH);
    relay.flush();
    expect(sent[1].ids).toEqual([MAX_LOG_BATCH + 1]);
  });
});
