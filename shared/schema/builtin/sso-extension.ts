// Extensible single sign-on: an app extension that signs the user in to hosts or URLs, and
// Platform SSO on macOS.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.extensiblesso; titles and descriptions are this project's own.

import type { SupportedOS } from '../model.ts';
import { NA, anyValue, array, boolean, dictionary, integer, map, payload, text } from './define.ts';

/** Platform support of single sign-on extension payloads, the Kerberos variant included. */
export const SSO_SUPPORT: SupportedOS = {
  iOS: { introduced: '13.0', multiple: true, allowManualInstall: false, sharedIpad: { mode: 'allowed', deviceChannel: false, userChannel: true }, userEnrollment: { mode: 'allowed' } },
  macOS: { introduced: '10.15', multiple: true, allowManualInstall: false, deviceChannel: true, userChannel: true, userApprovedMdm: true, userEnrollment: { mode: 'allowed' } },
  tvOS: NA,
  watchOS: NA,
  visionOS: { introduced: '1.1', multiple: true, allowManualInstall: false, userEnrollment: { mode: 'allowed' } },
};

export const ssoExtensionSchema = payload({
  payloadType: 'com.apple.extensiblesso',
  title: 'Single sign-on extension',
  description: 'Configures an app extension that signs the user in to apps and websites, and Platform SSO for the Mac login.',
  supportedOS: SSO_SUPPORT,
  keys: [
    text('ExtensionIdentifier', { title: 'Extension bundle ID', required: true, description: 'Bundle identifier of the app extension that performs single sign-on.' }),
    text('TeamIdentifier', { title: 'Team ID', description: 'macOS: team identifier of the extension; required there.', os: { iOS: NA, visionOS: NA } }),
    text('Type', { title: 'Type', required: true, rangeList: ['Credential', 'Redirect'], description: 'Credential extensions handle authentication challenges for hosts; Redirect extensions take over sign-in URLs.' }),
    text('Realm', { title: 'Realm', description: 'Credential type: the realm, such as a Kerberos realm.' }),
    map('ExtensionData', anyValue('ANY', { title: 'Setting' }), { title: 'Extension settings', description: 'Settings passed to the extension; their keys are the vendor\'s.' }),
    array('URLs', text('URL', { title: 'URL', required: true, hint: 'url' }), { title: 'URLs', description: 'Redirect type: sign-in URL prefixes the extension handles.' }),
    array('Hosts', text('hostname', { title: 'Host', required: true }), { title: 'Hosts', description: 'Credential type: host or domain names (.example.com) the extension handles.' }),
    text('ScreenLockedBehavior', { title: 'Screen locked behavior', default: 'Cancel', rangeList: ['Cancel', 'DoNotHandle'], os: { iOS: { introduced: '15.0' }, macOS: { introduced: '12.0' } } }),
    array('DeniedBundleIdentifiers', text('bundleIdentifier', { title: 'Bundle identifier', required: true }), { title: 'Denied bundle identifiers', os: { iOS: { introduced: '15.0' }, macOS: { introduced: '12.0' } } }),
    text('AuthenticationMethod', { title: 'Authentication method', rangeList: ['Password', 'UserSecureEnclaveKey'], os: { iOS: NA, macOS: { introduced: '13.0', deprecated: '14.0' }, visionOS: NA } }),
    text('RegistrationToken', { title: 'Registration token', sensitive: true, description: 'Platform SSO: token the extension uses to register the device.', os: { iOS: NA, macOS: { introduced: '13.0' }, visionOS: NA } }),
    dictionary('PlatformSSO', [
      text('AuthenticationMethod', { title: 'Authentication method', rangeList: ['Password', 'UserSecureEnclaveKey', 'SmartCard'] }),
      boolean('UseSharedDeviceKeys', { title: 'Use shared device keys', default: false, os: { macOS: { userChannel: false } } }),
      text('AccountDisplayName', { title: 'Account display name' }),
      integer('LoginFrequency', { title: 'Login frequency (seconds)', default: 64800, range: { min: 3600 }, description: 'Seconds after which a full login is required again.' }),
      boolean('EnableCreateUserAtLogin', { title: 'Enable create user at login', default: false }),
      boolean('EnableAuthorization', { title: 'Enable authorization', default: false }),
      dictionary('TokenToUserMapping', [
        text('AccountName', { title: 'Account name' }),
        text('FullName', { title: 'Full name' }),
      ], { title: 'Token to user mapping' }),
      text('NewUserAuthorizationMode', { title: 'New user authorization mode', rangeList: ['Standard', 'Admin', 'Groups'] }),
      text('UserAuthorizationMode', { title: 'User authorization mode', rangeList: ['Standard', 'Admin', 'Groups'] }),
      array('AdministratorGroups', text('Group', { title: 'Group' }), { title: 'Administrator groups' }),
      array('AdditionalGroups', text('Group', { title: 'Group' }), { title: 'Additional groups' }),
      map('AuthorizationGroups', text('ANY', { title: 'ANY' }), { title: 'Authorization groups' }),
      array('FileVaultPolicy', text('policy', { title: 'Policy', required: true, rangeList: ['AttemptAuthentication', 'RequireAuthentication', 'AllowOfflineGracePeriod', 'AllowAuthenticationGracePeriod'] }), { title: 'FileVault policy', os: { macOS: { introduced: '15.0' } } }),
      array('LoginPolicy', text('policy', { title: 'Policy', required: true, rangeList: ['AttemptAuthentication', 'RequireAuthentication', 'AllowOfflineGracePeriod', 'AllowAuthenticationGracePeriod'] }), { title: 'Login policy', os: { macOS: { introduced: '15.0' } } }),
      array('UnlockPolicy', text('policy', { title: 'Policy', required: true, rangeList: ['AttemptAuthentication', 'RequireAuthentication', 'AllowOfflineGracePeriod', 'AllowAuthenticationGracePeriod', 'AllowTouchIDOrWatchForUnlock'] }), { title: 'Unlock policy', os: { macOS: { introduced: '15.0' } } }),
      integer('OfflineGracePeriod', { title: 'Offline grace period', os: { macOS: { introduced: '15.0' } } }),
      integer('AuthenticationGracePeriod', { title: 'Authentication grace period', os: { macOS: { introduced: '15.0' } } }),
      array('NonPlatformSSOAccounts', text('username', { title: 'Username', required: true }), { title: 'Non platform SSO accounts', os: { macOS: { introduced: '15.0' } } }),
    ], { title: 'Platform SSO', description: 'macOS: sign in to the Mac with the identity provider account.', os: { iOS: NA, macOS: { introduced: '14.0' }, visionOS: NA } }),
  ],
});
