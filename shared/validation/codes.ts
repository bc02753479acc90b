// The stable codes of validation findings. Tools and tests match on these; messages may change.

export const DIAGNOSTIC_CODES = {
  /** The document's root is not a dictionary, so it cannot be a profile. */
  notADictionary: 'not-a-dictionary',
  /** The root `PayloadType` is not `Configuration` (or `Profile Service`). */
  wrongProfileType: 'wrong-profile-type',
  /** A required key is absent; the path names where it belongs, the position is its dictionary's. */
  missingKey: 'missing-key',
  /** A value has the wrong plist type (a string where data belongs, a real where an integer belongs). */
  wrongType: 'wrong-type',
  /**
   * An integer 0 or 1 where a boolean belongs. Devices often accept it, but Apple's schema check
   * does not, so it is a warning, or an error in strict mode.
   */
  booleanAsInteger: 'boolean-as-integer',
  /** A value outside the key's list of allowed values. */
  valueNotAllowed: 'value-not-allowed',
  /** A number outside the key's allowed range. */
  outOfRange: 'out-of-range',
  /** A string that does not match the key's regular expression. */
  formatMismatch: 'format-mismatch',
  /** A string too long to check against the key's regular expression in bounded time. */
  formatNotChecked: 'format-not-checked',
  /** A string that should be a UUID and is not. */
  notAUuid: 'not-a-uuid',
  /** A string that should be a URL and does not parse as an absolute URL. */
  invalidUrl: 'invalid-url',
  /** A string that should be a host name (or IP address) and is not. */
  invalidHostname: 'invalid-hostname',
  /** A string that should be an email address and is not. */
  invalidEmail: 'invalid-email',
  /** A string that should be a DNS domain name and is not. */
  invalidDomain: 'invalid-domain',
  /** An empty string where a value is required or must follow a format. */
  emptyValue: 'empty-value',
  /** An array with fewer items than the key allows. */
  tooFewItems: 'too-few-items',
  /** An array with more items than the key allows. */
  tooManyItems: 'too-many-items',
  /** A key the schema does not list; it is kept in the document. */
  unknownKey: 'unknown-key',
  /** A key that differs from a known key only in letter case; an error when it leaves a required key missing. */
  keyCaseMismatch: 'key-case-mismatch',
  /** Two keys that replace each other (TCC `Allowed` and `Authorization`) are both set. */
  exclusiveKeys: 'exclusive-keys',
  /** No schema is known for a payload type, so its own keys are not checked. */
  unknownPayloadType: 'unknown-payload-type',
  /** `PayloadContent` is an empty array. */
  noPayloads: 'no-payloads',
  /** A `PayloadUUID` used earlier in the profile (the top level included). */
  duplicatePayloadUuid: 'duplicate-payload-uuid',
  /** A `PayloadIdentifier` used by an earlier payload. */
  duplicatePayloadIdentifier: 'duplicate-payload-identifier',
  /** A `PayloadUUID` that is not in UUID form; Apple requires only uniqueness, but tools and servers expect a UUID. */
  payloadUuidNotUuid: 'payload-uuid-not-uuid',
  /** A key that names another payload's UUID, which no payload in the profile has. */
  danglingReference: 'dangling-reference',
  /** A key that names another payload's UUID, and that payload is not a certificate, identity, SCEP or ACME payload. */
  referenceNotCertificate: 'reference-not-certificate',
  /** The payload or key is not available on the chosen platform. */
  unsupportedPlatform: 'unsupported-platform',
  /** The payload or key arrived in a later OS version than the chosen one. */
  notYetAvailable: 'not-yet-available',
  /** The payload or key was removed in or before the chosen OS version. */
  removedInVersion: 'removed-in-version',
  /** The payload or key is deprecated in or before the chosen OS version. */
  deprecatedInVersion: 'deprecated-in-version',
  /** The payload or key works only on supervised devices of the chosen platform. */
  requiresSupervision: 'requires-supervision',
  /** On the chosen platform the payload installs only through MDM, not by opening the file. */
  manualInstallNotAllowed: 'manual-install-not-allowed',
  /** A secret (password, challenge) in a profile that will not be encrypted. */
  sensitiveValueUnencrypted: 'sensitive-value-unencrypted',
} as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[keyof typeof DIAGNOSTIC_CODES];
