// The error type of the enrolment model: profile building, device responses and rules.

export type EnrolmentErrorCode =
  /** An option or a rules file value is invalid. */
  | 'invalid-option'
  /** A device's attribute response is not the plist the Profile Service protocol expects. */
  | 'invalid-response'
  /** A rules file is not valid JSON or has a value of the wrong type. */
  | 'invalid-rules';

export interface EnrolmentErrorDetails {
  /** The option, key or JSON path involved (`DeviceAttributes[2]`, `rules.minVersion`). */
  readonly field?: string;
  /** The file involved, when the input came from one. */
  readonly file?: string;
}

/** Raised by the shared enrolment model; `message` names the value and what to use instead. */
export class EnrolmentError extends Error {
  override readonly name = 'EnrolmentError';
  readonly code: EnrolmentErrorCode;
  readonly field?: string;
  readonly file?: string;

  constructor(code: EnrolmentErrorCode, message: string, details: EnrolmentErrorDetails = {}) {
    super(details.file ? `${details.file}: ${message}` : message);
    this.code = code;
    this.field = details.field;
    this.file = details.file;
  }
}

/** Returns a plist type name with its article for messages: `an array`, `a string`, `an integer`. */
export function describePlistKind(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}
