// Key names of configuration profiles and iOS profile stubs that the code refers to.

/** Root `PayloadType` of a configuration profile. */
export const CONFIGURATION_TYPE = 'Configuration';

/** Root `PayloadType` of an over-the-air enrolment profile, whose `PayloadContent` is a dictionary. */
export const PROFILE_SERVICE_TYPE = 'Profile Service';

/** Top-level keys shown in summaries, in the order a reader expects them. */
export const TOP_LEVEL_SUMMARY_KEYS = [
  'PayloadType',
  'PayloadVersion',
  'PayloadIdentifier',
  'PayloadUUID',
  'PayloadDisplayName',
  'PayloadDescription',
  'PayloadOrganization',
  'PayloadScope',
  'PayloadRemovalDisallowed',
  'HasRemovalPasscode',
  'RemovalDate',
  'DurationUntilRemoval',
  'TargetDeviceType',
  'PayloadDate',
  'PayloadExpirationDate',
] as const;

/** Keys every payload dictionary identifies itself with. */
export const PAYLOAD_SUMMARY_KEYS = ['PayloadType', 'PayloadIdentifier', 'PayloadUUID', 'PayloadDisplayName'] as const;

/**
 * Installation facts iOS adds to the `.stub` copy of an installed profile. Any one of them marks
 * a plist as a stub; the profile's own keys sit beside them.
 */
export const STUB_FACT_KEYS = [
  'ProfileWasSigned',
  'ProfileWasEncrypted',
  'ProfileWasTrusted',
  'ProfileTrustLevel',
  'MCProfileIsRemovalStub',
] as const;

/** Further stub keys: DER signer certificates, install metadata, and sometimes the original profile bytes. */
export const STUB_OTHER_KEYS = ['SignerCerts', 'InstallDate', 'ProductVersion', 'ProductBuildVersion', 'ProfileData', 'InstallationOptions'] as const;
