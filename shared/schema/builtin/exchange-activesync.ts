// Exchange ActiveSync: mail, contacts, calendars, reminders and notes from Exchange on iOS.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.eas.account; titles and descriptions are this project's own.

import { NA, UUID_FORMAT, boolean, data, dictionary, integer, payload, text } from './define.ts';

export const exchangeActiveSyncSchema = payload({
  payloadType: 'com.apple.eas.account',
  title: 'Exchange ActiveSync',
  description: 'Adds an Exchange account over ActiveSync for mail, contacts, calendars, reminders and notes.',
  supportedOS: {
    iOS: { introduced: '4.0', multiple: true, allowManualInstall: true, sharedIpad: { mode: 'allowed', deviceChannel: false, userChannel: true }, userEnrollment: { mode: 'allowed' } },
    macOS: NA,
    tvOS: NA,
    watchOS: NA,
    visionOS: { introduced: '1.1', multiple: true, allowManualInstall: true, userEnrollment: { mode: 'allowed' } },
  },
  keys: [
    text('EmailAddress', { title: 'Email address', description: 'Address of the account; the user is asked when left out.' }),
    text('Host', { title: 'Server', description: 'Host name of the Exchange server.' }),
    boolean('SSL', { title: 'Use TLS', default: false }),
    boolean('OAuth', { title: 'Sign in with OAuth', default: false, os: { iOS: { introduced: '12.0' } } }),
    text('UserName', { title: 'User name' }),
    text('Password', { title: 'Password', sensitive: true }),
    data('Certificate', { title: 'Client identity (PKCS #12)', sensitive: true, description: 'PKCS #12 file with the identity for certificate authentication.', os: { iOS: { introduced: '7.0' } } }),
    text('CertificateName', { title: 'Certificate name', os: { iOS: { introduced: '7.0' } } }),
    text('CertificatePassword', { title: 'Identity password', sensitive: true }),
    boolean('PreventMove', { title: 'Prevent move', default: false, os: { iOS: { introduced: '5.0' } } }),
    boolean('PreventAppSheet', { title: 'Prevent app sheet', default: false, os: { iOS: { introduced: '5.0' } } }),
    text('PayloadCertificateUUID', { title: 'Identity', description: 'PayloadUUID of the identity payload for certificate authentication.', format: UUID_FORMAT, referencesPayload: true }),
    boolean('SMIMEEnabled', { title: 'S/MIME: enabled', default: false, os: { iOS: { introduced: '5.0', deprecated: '10.0' }, visionOS: NA } }),
    boolean('SMIMESigningEnabled', { title: 'S/MIME: signing enabled', default: false, os: { iOS: { introduced: '10.3' } } }),
    text('SMIMESigningCertificateUUID', { title: 'S/MIME: signing identity', format: UUID_FORMAT, referencesPayload: true, os: { iOS: { introduced: '5.0' } } }),
    boolean('SMIMEEncryptionEnabled', { title: 'S/MIME: encryption enabled', default: false, os: { iOS: { introduced: '10.3', deprecated: '12.0' }, visionOS: NA } }),
    text('SMIMEEncryptionCertificateUUID', { title: 'S/MIME: encryption identity', format: UUID_FORMAT, referencesPayload: true, os: { iOS: { introduced: '5.0' } } }),
    boolean('SMIMEEnablePerMessageSwitch', { title: 'S/MIME: enable per message switch', default: false, os: { iOS: { introduced: '8.0', deprecated: '12.0' }, visionOS: NA } }),
    boolean('disableMailRecentsSyncing', { title: 'Disable mail recents syncing', default: false }),
    integer('MailNumberOfPastDaysToSync', { title: 'Days of mail to sync', description: '0 syncs all mail.', default: 7, rangeList: [0, 1, 3, 7, 14, 31] }),
    text('HeaderMagic', { title: 'Header magic', os: { iOS: { deprecated: '7.0' }, visionOS: NA } }),
    dictionary('CommunicationServiceRules', [
      dictionary('DefaultServiceHandlers', [
        text('AudioCall', { title: 'Audio call', os: { iOS: { introduced: '10.0' } } }),
      ], { title: 'Default service handlers', os: { iOS: { introduced: '10.0' } } }),
    ], { title: 'Calling app', os: { iOS: { introduced: '10.0' } } }),
    boolean('allowMailDrop', { title: 'Allow mail drop', default: false, os: { iOS: { introduced: '9.2' } } }),
    boolean('SMIMESigningUserOverrideable', { title: 'S/MIME: signing user overrideable', default: false, os: { iOS: { introduced: '12.0' } } }),
    boolean('SMIMESigningCertificateUUIDUserOverrideable', { title: 'S/MIME: signing certificate UUID user overrideable', default: false, os: { iOS: { introduced: '12.0' } } }),
    boolean('SMIMEEncryptByDefault', { title: 'S/MIME: encrypt by default', default: false, os: { iOS: { introduced: '12.0' } } }),
    boolean('SMIMEEncryptByDefaultUserOverrideable', { title: 'S/MIME: encrypt by default user overrideable', default: false, os: { iOS: { introduced: '12.0' } } }),
    boolean('SMIMEEncryptionCertificateUUIDUserOverrideable', { title: 'S/MIME: encryption certificate UUID user overrideable', default: false, os: { iOS: { introduced: '12.0' } } }),
    boolean('SMIMEEnableEncryptionPerMessageSwitch', { title: 'S/MIME: enable encryption per message switch', default: false, os: { iOS: { introduced: '12.0' } } }),
    boolean('EnableMail', { title: 'Enable mail', default: true, os: { iOS: { introduced: '13.0' } } }),
    boolean('EnableContacts', { title: 'Enable contacts', default: true, os: { iOS: { introduced: '13.0' } } }),
    boolean('EnableCalendars', { title: 'Enable calendars', default: true, os: { iOS: { introduced: '13.0' } } }),
    boolean('EnableReminders', { title: 'Enable reminders', default: true, os: { iOS: { introduced: '13.0' } } }),
    boolean('EnableNotes', { title: 'Enable notes', default: true, os: { iOS: { introduced: '13.0' } } }),
    boolean('EnableMailUserOverridable', { title: 'Enable mail user overridable', default: true, os: { iOS: { introduced: '13.0' } } }),
    boolean('EnableContactsUserOverridable', { title: 'Enable contacts user overridable', default: true, os: { iOS: { introduced: '13.0' } } }),
    boolean('EnableCalendarsUserOverridable', { title: 'Enable calendars user overridable', default: true, os: { iOS: { introduced: '13.0' } } }),
    boolean('EnableRemindersUserOverridable', { title: 'Enable reminders user overridable', default: true, os: { iOS: { introduced: '13.0' } } }),
    boolean('EnableNotesUserOverridable', { title: 'Enable notes user overridable', default: true, os: { iOS: { introduced: '13.0' } } }),
    text('OAuthSignInURL', { title: 'OAuth sign-in URL', hint: 'url', os: { iOS: { introduced: '13.0' } } }),
    text('OAuthTokenRequestURL', { title: 'OAuth token URL', hint: 'url', os: { iOS: { introduced: '13.0' } } }),
    boolean('OverridePreviousPassword', { title: 'Override previous password', default: false, os: { iOS: { introduced: '14.0' } } }),
    text('VPNUUID', { title: 'Per-app VPN tag', description: 'Tag of the per-app VPN this account\'s traffic uses.', os: { iOS: { introduced: '14.0' } } }),
  ],
});
