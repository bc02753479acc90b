// Privacy preferences (PPPC): which apps may use protected macOS resources without asking.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.TCC.configuration-profile-policy; titles and descriptions are this
// project's own.

import { NA, array, boolean, dictionary, payload, text } from './define.ts';

/** One app or binary and the decision for it. Every service uses this same entry. */
const identity = dictionary(
  'IdentityDict',
  [
    text('Identifier', { title: 'Identifier', required: true, description: 'Bundle identifier of an app, or the installation path of a binary.' }),
    text('IdentifierType', { title: 'Identifier type', required: true, rangeList: ['bundleID', 'path'], description: 'bundleID for app bundles, path for other binaries.' }),
    text('CodeRequirement', { title: 'Code requirement', required: true, description: 'Designated requirement of the code, as printed by codesign -dr -.' }),
    boolean('StaticCode', { title: 'Check statically', default: false, description: 'Checks the code requirement against the file on disk instead of the running process.' }),
    boolean('Allowed', {
      title: 'Allowed',
      required: true,
      exclusiveWith: ['Authorization'],
      description: 'Grants (true) or denies (false) access without asking the user. Use either this or Authorization.',
    }),
    text('Authorization', {
      title: 'Authorization',
      rangeList: ['Allow', 'Deny', 'AllowStandardUserToSetSystemService'],
      exclusiveWith: ['Allowed'],
      description: 'Replaces Allowed; AllowStandardUserToSetSystemService lets a standard user decide, for ListenEvent and ScreenCapture.',
      os: { macOS: { introduced: '11.0' } },
    }),
    text('Comment', { title: 'Comment', description: 'Note for the admin; the system ignores it.' }),
    text('AEReceiverIdentifier', { title: 'Receiving app', description: 'AppleEvents only: bundle identifier or path of the app that receives the events.' }),
    text('AEReceiverIdentifierType', { title: 'Receiving app identifier type', rangeList: ['bundleID', 'path'], description: 'AppleEvents only.' }),
    text('AEReceiverCodeRequirement', { title: 'Receiving app code requirement', description: 'AppleEvents only.' }),
  ],
  { title: 'App' },
);

/** Builds the key of a protected resource (TCC service); `introduced` is the first macOS version that supports it. */
function service(name: string, title: string, introduced?: string) {
  return array(name, identity, { title, ...(introduced ? { os: { macOS: { introduced } } } : {}) });
}

export const privacyPreferencesSchema = payload({
  payloadType: 'com.apple.TCC.configuration-profile-policy',
  title: 'Privacy preferences',
  description: 'Grants or denies apps access to protected data and devices (files, camera, accessibility, screen recording) without asking the user. Installs only through user-approved MDM.',
  supportedOS: {
    iOS: NA,
    macOS: { introduced: '10.14', multiple: true, allowManualInstall: false, deviceChannel: true, userChannel: false, userApprovedMdm: true, userEnrollment: { mode: 'forbidden' } },
    tvOS: NA,
    watchOS: NA,
    visionOS: NA,
  },
  keys: [
    dictionary(
      'Services',
      [
        service('AddressBook', 'Contacts'),
        service('Calendar', 'Calendars'),
        service('Reminders', 'Reminders'),
        service('Photos', 'Photos library'),
        service('Camera', 'Camera (deny only)'),
        service('Microphone', 'Microphone (deny only)'),
        service('Accessibility', 'Accessibility'),
        service('PostEvent', 'Send input events'),
        service('SystemPolicyAllFiles', 'Full disk access'),
        service('SystemPolicySysAdminFiles', 'Administration files'),
        service('AppleEvents', 'Control other apps (AppleEvents)'),
        service('MediaLibrary', 'Media library', '10.15'),
        service('FileProviderPresence', 'File provider presence', '10.15'),
        service('ListenEvent', 'Input monitoring', '10.15'),
        service('ScreenCapture', 'Screen recording', '10.15'),
        service('SpeechRecognition', 'Speech recognition', '10.15'),
        service('SystemPolicyDesktopFolder', 'Desktop folder', '10.15'),
        service('SystemPolicyDocumentsFolder', 'Documents folder', '10.15'),
        service('SystemPolicyDownloadsFolder', 'Downloads folder', '10.15'),
        service('SystemPolicyNetworkVolumes', 'Network volumes', '10.15'),
        service('SystemPolicyRemovableVolumes', 'Removable volumes', '10.15'),
        service('SystemPolicyAppBundles', 'Update or delete apps', '13.0'),
        service('SystemPolicyAppData', 'Other apps\' data', '14.0'),
        service('BluetoothAlways', 'Bluetooth', '11.0'),
      ],
      { title: 'Services', required: true, description: 'Protected resources, each with the apps it is granted or denied to. Deny wins when payloads conflict.' },
    ),
  ],
});
