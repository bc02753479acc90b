// Mail: an IMAP or POP email account.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.mail.managed; titles and descriptions are this project's own.

import { ACCOUNT_SUPPORT } from './account-support.ts';
import { NA, UUID_FORMAT, boolean, integer, payload, text } from './define.ts';

export const mailSchema = payload({
  payloadType: 'com.apple.mail.managed',
  title: 'Mail account',
  description: 'Adds an IMAP or POP email account with its incoming and outgoing servers.',
  supportedOS: ACCOUNT_SUPPORT,
  keys: [
    text('EmailAccountDescription', { title: 'Account description', description: 'Name of the account shown in Mail and Settings.' }),
    text('EmailAccountName', { title: 'User display name', description: 'Full name of the user, shown in sent mail.' }),
    text('EmailAccountType', { title: 'Account type', required: true, rangeList: ['EmailTypeIMAP', 'EmailTypePOP'] }),
    text('EmailAddress', { title: 'Email address', description: 'Address of the account; the user is asked when left out.' }),
    text('IncomingMailServerAuthentication', { title: 'Incoming authentication', required: true, rangeList: ['EmailAuthNone', 'EmailAuthPassword', 'EmailAuthCRAMMD5', 'EmailAuthNTLM', 'EmailAuthHTTPMD5'] }),
    text('IncomingMailServerHostName', { title: 'Incoming server', required: true, description: 'Host name or address of the IMAP or POP server.' }),
    integer('IncomingMailServerPortNumber', { title: 'Incoming port' }),
    boolean('IncomingMailServerUseSSL', { title: 'Incoming server uses TLS', default: false }),
    text('IncomingMailServerUsername', { title: 'Incoming user name' }),
    text('IncomingPassword', { title: 'Incoming password', sensitive: true }),
    text('OutgoingPassword', { title: 'Outgoing password', sensitive: true }),
    boolean('OutgoingPasswordSameAsIncomingPassword', { title: 'Outgoing password is the incoming one', default: false }),
    text('OutgoingMailServerAuthentication', { title: 'Outgoing authentication', required: true, rangeList: ['EmailAuthNone', 'EmailAuthPassword', 'EmailAuthCRAMMD5', 'EmailAuthNTLM', 'EmailAuthHTTPMD5'] }),
    text('OutgoingMailServerHostName', { title: 'Outgoing server', required: true, description: 'Host name or address of the SMTP server.' }),
    integer('OutgoingMailServerPortNumber', { title: 'Outgoing port' }),
    boolean('OutgoingMailServerUseSSL', { title: 'Outgoing server uses TLS', default: false }),
    text('OutgoingMailServerUsername', { title: 'Outgoing user name' }),
    boolean('PreventMove', { title: 'Prevent moving messages out', description: 'Stops messages from being moved to other accounts.', default: false, os: { iOS: { introduced: '5.0' }, macOS: NA } }),
    boolean('PreventAppSheet', { title: 'Only the Mail app sends', description: 'Other apps cannot send mail from this account.', default: false, os: { iOS: { introduced: '5.0' }, macOS: NA } }),
    boolean('SMIMEEnabled', { title: 'S/MIME: enabled', default: false, os: { iOS: { introduced: '5.0' }, macOS: NA } }),
    boolean('SMIMESigningEnabled', { title: 'S/MIME: signing enabled', default: false, os: { iOS: { introduced: '10.0' }, macOS: NA } }),
    text('SMIMESigningCertificateUUID', { title: 'S/MIME: signing identity', description: 'PayloadUUID of the identity payload that signs messages.', format: UUID_FORMAT, referencesPayload: true, os: { iOS: { introduced: '5.0' }, macOS: NA } }),
    boolean('SMIMEEncryptionEnabled', { title: 'S/MIME: encryption enabled', default: false, os: { iOS: { introduced: '10.0' }, macOS: NA } }),
    text('SMIMEEncryptionCertificateUUID', { title: 'S/MIME: encryption identity', description: 'PayloadUUID of the identity payload that decrypts messages.', format: UUID_FORMAT, referencesPayload: true, os: { iOS: { introduced: '5.0' }, macOS: NA } }),
    boolean('SMIMEEnablePerMessageSwitch', { title: 'S/MIME: enable per message switch', default: false, os: { iOS: { introduced: '8.0', deprecated: '10.0' }, macOS: NA, visionOS: NA } }),
    boolean('disableMailRecentsSyncing', { title: 'Disable mail recents syncing', default: false, os: { iOS: { introduced: '6.0' } } }),
    boolean('allowMailDrop', { title: 'Allow mail drop', default: false, os: { iOS: { introduced: '9.2' }, macOS: { introduced: '10.12' } } }),
    text('IncomingMailServerIMAPPathPrefix', { title: 'IMAP path prefix' }),
    boolean('SMIMESigningUserOverrideable', { title: 'S/MIME: signing user overrideable', default: false, os: { iOS: { introduced: '12.0' }, macOS: NA } }),
    boolean('SMIMESigningCertificateUUIDUserOverrideable', { title: 'S/MIME: signing certificate UUID user overrideable', default: false, os: { iOS: { introduced: '12.0' }, macOS: NA } }),
    boolean('SMIMEEncryptByDefault', { title: 'S/MIME: encrypt by default', default: false, os: { iOS: { introduced: '12.0' }, macOS: NA } }),
    boolean('SMIMEEncryptByDefaultUserOverrideable', { title: 'S/MIME: encrypt by default user overrideable', default: false, os: { iOS: { introduced: '12.0' }, macOS: NA } }),
    boolean('SMIMEEncryptionCertificateUUIDUserOverrideable', { title: 'S/MIME: encryption certificate UUID user overrideable', default: false, os: { iOS: { introduced: '12.0' }, macOS: NA } }),
    boolean('SMIMEEnableEncryptionPerMessageSwitch', { title: 'S/MIME: enable encryption per message switch', default: false, os: { iOS: { introduced: '12.0' }, macOS: NA } }),
    text('VPNUUID', { title: 'Per-app VPN tag', description: 'Tag of the per-app VPN this account\'s traffic uses.', os: { iOS: { introduced: '14.0' }, macOS: NA } }),
  ],
});
