// Key names of app provisioning profiles (.mobileprovision, .provisionprofile) that the code reads.
//
// Apple does not document the plist format; these names come from Apple's technote TN3125
// ("Inside Code Signing: Provisioning Profiles") and from profiles Xcode downloads.

export const KEY_NAME = 'Name';
export const KEY_UUID = 'UUID';
export const KEY_APP_ID_NAME = 'AppIDName';
export const KEY_APPLICATION_IDENTIFIER_PREFIX = 'ApplicationIdentifierPrefix';
export const KEY_TEAM_IDENTIFIER = 'TeamIdentifier';
export const KEY_TEAM_NAME = 'TeamName';
export const KEY_PLATFORM = 'Platform';
export const KEY_CREATION_DATE = 'CreationDate';
export const KEY_EXPIRATION_DATE = 'ExpirationDate';
export const KEY_TIME_TO_LIVE = 'TimeToLive';
export const KEY_VERSION = 'Version';
export const KEY_IS_XCODE_MANAGED = 'IsXcodeManaged';
export const KEY_ENTITLEMENTS = 'Entitlements';
export const KEY_DEVELOPER_CERTIFICATES = 'DeveloperCertificates';
export const KEY_PROVISIONED_DEVICES = 'ProvisionedDevices';
export const KEY_PROVISIONS_ALL_DEVICES = 'ProvisionsAllDevices';
export const KEY_DER_ENCODED_PROFILE = 'DER-Encoded-Profile';

/** The App ID entitlement on iOS, tvOS, watchOS and visionOS (Mac Catalyst apps carry both). */
export const ENTITLEMENT_APPLICATION_IDENTIFIER = 'application-identifier';

/** The App ID entitlement on macOS. */
export const ENTITLEMENT_MACOS_APPLICATION_IDENTIFIER = 'com.apple.application-identifier';

/** Lets a debugger attach; only development signing grants it. */
export const ENTITLEMENT_GET_TASK_ALLOW = 'get-task-allow';

/** The macOS spelling of `get-task-allow`. */
export const ENTITLEMENT_MACOS_GET_TASK_ALLOW = 'com.apple.security.get-task-allow';

/** The `Platform` value of macOS profiles. */
export const PLATFORM_MACOS = 'OSX';
