// Kerberos single sign-on: Apple's built-in Kerberos extension, a variant of the extensible
// SSO payload identified by its fixed extension identifier, team and type.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for the Kerberos extension (com.apple.extensiblesso); titles and descriptions are
// this project's own.

import { NA, array, boolean, data, dictionary, integer, payload, text } from './define.ts';
import { SSO_SUPPORT } from './sso-extension.ts';

export const kerberosSsoExtensionSchema = payload({
  payloadType: 'com.apple.extensiblesso',
  id: 'com.apple.extensiblesso(kerberos)',
  title: 'Kerberos single sign-on',
  description: 'Configures Apple\'s Kerberos extension: Kerberos tickets for the listed hosts, password sync and expiry warnings on macOS.',
  supportedOS: SSO_SUPPORT,
  keys: [
    text('ExtensionIdentifier', { title: 'Extension identifier', required: true, rangeList: ['com.apple.AppSSOKerberos.KerberosExtension'] }),
    text('TeamIdentifier', { title: 'Team identifier', required: true, rangeList: ['apple'] }),
    text('Type', { title: 'Type', required: true, rangeList: ['Credential'] }),
    text('Realm', { title: 'Realm', required: true, description: 'Kerberos realm in its exact capitalisation, usually the Active Directory domain in capitals.' }),
    dictionary('ExtensionData', [
      text('cacheName', { title: 'Cache name', os: { iOS: { deprecated: '15.0' }, macOS: { deprecated: '12.0' } } }),
      text('principalName', { title: 'Principal name', description: 'User name for Kerberos, without the realm.' }),
      text('siteCode', { title: 'Active Directory site', description: 'Site to use; found automatically when left out.' }),
      text('certificateUUID', { title: 'PKINIT identity', referencesPayload: true, description: 'PayloadUUID of the identity payload for certificate (PKINIT) sign-in.' }),
      boolean('useSiteAutoDiscovery', { title: 'Use site auto discovery', default: true }),
      array('credentialBundleIdACL', text('credentialBundleIdACLItem', { title: 'Bundle ID' }), { title: 'Apps allowed to use the ticket' }),
      boolean('includeManagedAppsInBundleIdACL', { title: 'Include managed apps in bundle id ACL', default: false, os: { iOS: { introduced: '14.0' }, macOS: { introduced: '12.0' } } }),
      boolean('includeKerberosAppsInBundleIdACL', { title: 'Include kerberos apps in bundle id ACL', default: false, os: { iOS: NA, macOS: { introduced: '12.0' }, visionOS: NA } }),
      dictionary('domainRealmMapping', [
        array('Realm', text('RealmItem', { title: 'Realm item' }), { title: 'Realm' }),
      ], { title: 'Domain realm mapping' }),
      boolean('isDefaultRealm', { title: 'Is default realm', default: false }),
      text('customUsernameLabel', { title: 'Custom username label', os: { iOS: { introduced: '14.0' }, macOS: { introduced: '11.0' } } }),
      text('helpText', { title: 'Help text', os: { iOS: { introduced: '14.0' }, macOS: { introduced: '11.0' } } }),
      boolean('allowPasswordChange', { title: 'Allow password change', default: true, os: { iOS: NA, visionOS: NA } }),
      boolean('allowAutomaticLogin', { title: 'Allow automatic login', default: true }),
      boolean('requireUserPresence', { title: 'Require user presence', default: false }),
      integer('pwExpireOverride', { title: 'Password lifetime override (days)', os: { iOS: NA, macOS: { deprecated: '12.0' }, visionOS: NA } }),
      integer('pwNotificationDays', { title: 'Warn days before password expiry', default: 15, os: { iOS: NA, visionOS: NA } }),
      integer('pwReqLength', { title: 'Password rule: length', os: { iOS: NA, visionOS: NA } }),
      boolean('pwReqComplexity', { title: 'Password rule: complexity', default: false, os: { iOS: NA, visionOS: NA } }),
      integer('pwReqMinAge', { title: 'Password rule: min age', os: { iOS: NA, visionOS: NA } }),
      integer('pwReqHistory', { title: 'Password rule: history', os: { iOS: NA, visionOS: NA } }),
      text('pwReqText', { title: 'Password rule: text', os: { iOS: NA, visionOS: NA } }),
      data('pwReqRTFData', { title: 'Password rule: RTF data', os: { iOS: NA, macOS: { introduced: '15.0' }, visionOS: NA } }),
      text('pwChangeURL', { title: 'Password change URL', hint: 'url', os: { iOS: NA, visionOS: NA } }),
      boolean('syncLocalPassword', { title: 'Sync local password', default: false, os: { iOS: NA, visionOS: NA } }),
      integer('replicationTime', { title: 'Replication time', default: 900, os: { iOS: NA, macOS: { introduced: '11.0', deprecated: '12.0' }, visionOS: NA } }),
      boolean('delayUserSetup', { title: 'Delay user setup', default: false, os: { iOS: NA, macOS: { introduced: '11.0' }, visionOS: NA } }),
      boolean('monitorCredentialsCache', { title: 'Monitor credentials cache', default: true, os: { iOS: NA, macOS: { introduced: '11.0' }, visionOS: NA } }),
      boolean('requireTLSForLDAP', { title: 'Require TLS for LDAP', default: false, os: { iOS: { introduced: '14.0' }, macOS: { introduced: '11.0' } } }),
      text('credentialUseMode', { title: 'Credential use mode', default: 'always', rangeList: ['always', 'whenNotSpecified', 'kerberosDefault'], os: { iOS: { introduced: '14.0' }, macOS: { introduced: '11.0' } } }),
      array('preferredKDCs', text('preferredKDC', { title: 'Preferred KDC', required: true }), { title: 'Preferred KDCs', os: { iOS: { introduced: '15.0' }, macOS: { introduced: '12.0' } } }),
      boolean('usePlatformSSOTGT', { title: 'Use platform SSO TGT', default: false, os: { iOS: NA, macOS: { introduced: '13.0' }, visionOS: NA } }),
      boolean('allowPlatformSSOAuthFallback', { title: 'Allow Platform SSO fallback', default: true, os: { iOS: NA, macOS: { introduced: '13.0' }, visionOS: NA } }),
      boolean('performKerberosOnly', { title: 'Perform kerberos only', default: false, os: { iOS: { introduced: '16.0' }, macOS: { introduced: '13.0' } } }),
      text('identityIssuerAutoSelectFilter', { title: 'Identity issuer auto select filter', os: { iOS: NA, macOS: { introduced: '15.0' }, visionOS: NA } }),
      boolean('allowSmartCard', { title: 'Allow smart card', default: true, os: { iOS: NA, macOS: { introduced: '15.0' }, visionOS: NA } }),
      boolean('allowPassword', { title: 'Allow password', default: true, os: { iOS: NA, macOS: { introduced: '15.0' }, visionOS: NA } }),
      boolean('startInSmartCardMode', { title: 'Start in smart card mode', default: false, os: { iOS: NA, macOS: { introduced: '15.0' }, visionOS: NA } }),
    ], { title: 'Kerberos settings' }),
    array('Hosts', text('hostname', { title: 'Host', required: true }), { title: 'Hosts', description: 'Host or domain names (.example.com) for which the extension gets Kerberos tickets.' }),
  ],
});
