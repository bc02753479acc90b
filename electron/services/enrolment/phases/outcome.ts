// What a phase handler returns: the HTTP reply and the log decision, in one value, so that
// every path through a handler produces exactly one reply and one log line.

import type { EnrolmentDecision, EnrolmentPhase } from '../../../../shared/enrolment/log-entry.ts';

export const MEDIA_TYPE_PROFILE = 'application/x-apple-aspen-config';
export const MEDIA_TYPE_TEXT = 'text/plain; charset=utf-8';

export interface Outcome {
  readonly status: number;
  readonly phase: EnrolmentPhase;
  readonly decision: EnrolmentDecision;
  /** Logged, and sent as the body of error replies. */
  readonly reason: string;
  readonly deviceId: string | null;
  readonly body: Uint8Array;
  readonly contentType: string;
  /** Extra reply headers. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A successful reply with a binary body. */
export function served(phase: EnrolmentPhase, decision: EnrolmentDecision, body: Uint8Array, contentType: string, reason: string, deviceId: string | null = null, headers?: Record<string, string>): Outcome {
  return { status: 200, phase, decision, reason, deviceId, body, contentType, ...(headers && { headers }) };
}

/** An error reply whose text body is the reason, so that a client (the simulator, curl) can show it. */
export function rejected(status: number, phase: EnrolmentPhase, reason: string, deviceId: string | null = null, headers?: Record<string, string>): Outcome {
  return { status, phase, decision: status >= 500 ? 'failed' : 'rejected', reason, deviceId, body: Buffer.from(`${reason}\n`, 'utf8'), contentType: MEDIA_TYPE_TEXT, ...(headers && { headers }) };
}
