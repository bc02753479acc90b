// The error type of the device simulator: which phase failed, the HTTP status when the
// server replied, and the reason the server gave or the check that failed.

import type { EnrolmentPhase } from '../../../shared/enrolment/log-entry.ts';

export interface SimulatorErrorDetails {
  /** HTTP status of the reply, when there was one. */
  readonly status?: number;
  readonly cause?: unknown;
}

/** Raised when the simulated enrolment stops; `message` starts with the phase. */
export class SimulatorError extends Error {
  override readonly name = 'SimulatorError';
  readonly phase: EnrolmentPhase | 'connect';
  readonly status?: number;
  /** The reason alone, without the phase and status prefix: the server's text, or the check that failed. */
  readonly reason: string;

  constructor(phase: EnrolmentPhase | 'connect', reason: string, details: SimulatorErrorDetails = {}) {
    const status = details.status === undefined ? '' : `HTTP ${details.status}: `;
    super(`${phase}: ${status}${reason}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.phase = phase;
    this.reason = reason;
    this.status = details.status;
  }
}
