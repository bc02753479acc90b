// The error type of the enrolment server's setup: state folder, configuration and files.

export type EnrolmentServiceErrorCode =
  /** A setting is invalid (port, host, provisioning type, final profile). */
  | 'invalid-setting'
  /** The registry or another state file cannot be read or written. */
  | 'state-unavailable'
  /** The server could not start listening. */
  | 'listen-failed';

/** Raised while setting the server up; `message` names the file or setting and what to do. */
export class EnrolmentServiceError extends Error {
  override readonly name = 'EnrolmentServiceError';
  readonly code: EnrolmentServiceErrorCode;
  readonly file?: string;

  constructor(code: EnrolmentServiceErrorCode, message: string, details: { file?: string; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.file = details.file;
  }
}
