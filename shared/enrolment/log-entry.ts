// One line of the enrolment server's request log. Every request gets exactly one entry, so
// that counting lines counts requests. Entries have no field for challenges, keys or profile
// content: those never reach the log.

export type EnrolmentPhase =
  /** GET of the enrolment (Profile Service) profile. */
  | 'profile'
  /** Phase 1: the device posts its attributes signed with its device certificate. */
  | 'attributes'
  /** Phase 3: the device posts again, signed with the identity the workbench CA issued. */
  | 'final'
  /** SCEP GetCACaps. */
  | 'scep-caps'
  /** SCEP GetCACert. */
  | 'scep-ca-cert'
  /** SCEP PKIOperation with a PKCSReq (phase 2: the device obtains its identity). */
  | 'scep-request'
  /** A path or method the server does not serve. */
  | 'unknown';

/** served: a read-only response; accepted or rejected: a decision on a device's request; failed: a server-side error. */
export type EnrolmentDecision = 'served' | 'accepted' | 'rejected' | 'failed';

export interface EnrolmentLogEntry {
  /** ISO-8601 time the response was sent. */
  readonly time: string;
  /** Sequence number of the request since the server started, from 1. */
  readonly requestId: number;
  /** Remote address and port. */
  readonly remote: string;
  readonly method: string;
  /** Request path without the query string. */
  readonly path: string;
  readonly phase: EnrolmentPhase;
  /** UDID (or the id used in its place) when known. */
  readonly deviceId: string | null;
  readonly decision: EnrolmentDecision;
  /** HTTP status sent. */
  readonly status: number;
  /** Why, in words; for a rejection, the rule or check that failed. */
  readonly reason: string;
  /** Time from request start to response end, in milliseconds. */
  readonly durationMs: number;
}

/** Formats an entry as one line of JSON with a trailing newline. */
export function formatLogEntry(entry: EnrolmentLogEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

/** Parses one log line back into an entry; returns null for a line that is not one (a truncated last line, say). */
export function parseLogLine(line: string): EnrolmentLogEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const strings = ['time', 'remote', 'method', 'path', 'phase', 'decision', 'reason'];
  const numbers = ['requestId', 'status', 'durationMs'];
  if (!strings.every((key) => typeof record[key] === 'string') || !numbers.every((key) => typeof record[key] === 'number')) return null;
  if (record.deviceId !== null && typeof record.deviceId !== 'string') return null;
  return record as unknown as EnrolmentLogEntry;
}
