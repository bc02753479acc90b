// FileVault: turns on FileVault full-disk encryption on a Mac and handles its recovery key.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.MCX.FileVault2; titles and descriptions are this project's own.

import { NA, boolean, data, integer, payload, text } from './define.ts';

export const fileVaultSchema = payload({
  payloadType: 'com.apple.MCX.FileVault2',
  title: 'FileVault',
  description: 'Turns FileVault on at the next login or in Setup Assistant, with a personal or institutional recovery key.',
  supportedOS: {
    iOS: NA,
    macOS: { introduced: '10.9', allowManualInstall: true, deviceChannel: true, userChannel: false, userApprovedMdm: true, userEnrollment: { mode: 'forbidden' } },
    tvOS: NA,
    watchOS: NA,
    visionOS: NA,
  },
  keys: [
    text('Enable', { title: 'FileVault', required: true, rangeList: ['On', 'Off'] }),
    boolean('Defer', { title: 'Defer to next logout', default: false, description: 'Asks for the user\'s password when they log out instead of at once.' }),
    boolean('UserEntersMissingInfo', { title: 'Ask for missing details', default: false, description: 'Manual installs: asks the user for the user name and password the payload leaves out.' }),
    boolean('UseRecoveryKey', { title: 'Create personal recovery key', default: true }),
    boolean('ShowRecoveryKey', { title: 'Show recovery key', default: true, description: 'Shows the personal recovery key to the user.' }),
    text('OutputPath', { title: 'Recovery key file', description: 'Path where the recovery key and details are written, as a plist.' }),
    data('Certificate', { title: 'Institutional recovery certificate', description: 'DER certificate whose key can unlock the disk (institutional recovery key).' }),
    text('PayloadCertificateUUID', { title: 'Recovery key encryption certificate', referencesPayload: true, description: 'PayloadUUID of a certificate payload used to encrypt the recovery key written to OutputPath.' }),
    text('Username', { title: 'User name', description: 'Account that enables FileVault.' }),
    text('Password', { title: 'Password', sensitive: true, description: 'Password of that account.' }),
    boolean('UseKeychain', { title: 'Use institutional keychain', default: false }),
    integer('DeferForceAtUserLoginMaxBypassAttempts', { title: 'Allowed login bypasses', range: { min: -1, max: 9999 }, description: 'Logins the user may skip enabling FileVault; 0 enforces it at the next login, -1 never.' }),
    boolean('DeferDontAskAtUserLogout', { title: 'Do not ask at logout', default: false, os: { macOS: { introduced: '10.10' } } }),
    boolean('ForceEnableInSetupAssistant', { title: 'Enable in Setup Assistant', default: false, description: 'Turns FileVault on during Setup Assistant of an automated enrolment.', os: { macOS: { introduced: '14.0', allowManualInstall: false, requiresDep: true } } }),
  ],
});
