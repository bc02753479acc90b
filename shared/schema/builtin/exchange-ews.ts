// Exchange Web Services: an Exchange account on macOS.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.ews.account; titles and descriptions are this project's own.

import { NA, UUID_FORMAT, boolean, integer, payload, text } from './define.ts';

export const exchangeWebServicesSchema = payload({
  payloadType: 'com.apple.ews.account',
  title: 'Exchange (macOS)',
  description: 'Adds an Exchange account on macOS over Exchange Web Services.',
  supportedOS: {
    iOS: NA,
    macOS: { introduced: '10.7', multiple: true, allowManualInstall: true, deviceChannel: false, userChannel: true, userEnrollment: { mode: 'allowed' } },
    tvOS: NA,
    watchOS: NA,
    visionOS: NA,
  },
  keys: [
    text('EmailAddress', { title: 'Email address', description: 'Address of the account; the user is asked when left out.' }),
    text('Host', { title: 'Internal server', description: 'Host name of the Exchange server inside the network.' }),
    boolean('SSL', { title: 'Internal server uses TLS', default: true }),
    boolean('OAuth', { title: 'Sign in with OAuth', default: false, os: { macOS: { introduced: '10.14' } } }),
    text('OAuthSignInURL', { title: 'OAuth sign-in URL', hint: 'url', os: { macOS: { introduced: '10.14' } } }),
    text('UserName', { title: 'User name' }),
    text('Password', { title: 'Password', sensitive: true }),
    text('PayloadCertificateUUID', { title: 'Identity', description: 'PayloadUUID of the identity payload for certificate authentication.', format: UUID_FORMAT, referencesPayload: true, os: { macOS: { introduced: '10.12' } } }),
    text('AuthenticationCertificateUUID', { title: 'Authentication identity', referencesPayload: true, os: { macOS: { introduced: '10.11' } } }),
    boolean('allowMailDrop', { title: 'Allow Mail Drop', default: false, os: { macOS: { introduced: '10.12' } } }),
    text('Path', { title: 'Internal server path' }),
    integer('Port', { title: 'Internal server port' }),
    text('ExternalHost', { title: 'External server', description: 'Host name of the Exchange server outside the network.' }),
    boolean('ExternalSSL', { title: 'External server uses TLS', default: true }),
    text('ExternalPath', { title: 'External path' }),
    integer('ExternalPort', { title: 'External port' }),
  ],
});
