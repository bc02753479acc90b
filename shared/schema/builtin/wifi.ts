// Wi-Fi: network name, security, enterprise (EAP) authentication, Hotspot 2.0 and proxy.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.wifi.managed; titles and descriptions are this project's own.

import { NA, UUID_FORMAT, array, boolean, dictionary, integer, payload, text } from './define.ts';

const hotspotOS = { iOS: { introduced: '7.0' }, macOS: { introduced: '10.9' } };

/** Proxy settings may not come with a User Enrollment profile. */
const notInUserEnrollment = { iOS: { userEnrollment: { mode: 'forbidden' } }, macOS: { userEnrollment: { mode: 'forbidden' } }, visionOS: { userEnrollment: { mode: 'forbidden' } } } as const;

const proxyKeys = [
  text('ProxyType', { title: 'Proxy', default: 'None', rangeList: ['None', 'Manual', 'Auto'], description: 'Manual uses ProxyServer and ProxyServerPort; Auto uses ProxyPACURL or discovers a PAC file.', os: { iOS: { userEnrollment: { mode: 'forbidden' } }, visionOS: { userEnrollment: { mode: 'forbidden' } } } }),
  text('ProxyServer', { title: 'Proxy server', description: 'Host name or address of a manual proxy.', os: notInUserEnrollment }),
  integer('ProxyServerPort', { title: 'Proxy port', range: { min: 0, max: 65535 }, os: notInUserEnrollment }),
  text('ProxyUsername', { title: 'Proxy user name', os: notInUserEnrollment }),
  text('ProxyPassword', { title: 'Proxy password', sensitive: true, os: { iOS: { userEnrollment: { mode: 'forbidden' } }, visionOS: { userEnrollment: { mode: 'forbidden' } } } }),
  text('ProxyPACURL', { title: 'PAC file URL', description: 'URL of the proxy auto-configuration file for the Auto proxy type.', os: notInUserEnrollment }),
  boolean('ProxyPACFallbackAllowed', { title: 'Connect directly if PAC is unreachable', default: false, os: notInUserEnrollment }),
];

const eapClientConfiguration = dictionary(
  'EAPClientConfiguration',
  [
    array('AcceptEAPTypes', integer('EAPType', { title: 'EAP type', rangeList: [13, 17, 18, 21, 23, 25, 43] }), {
      title: 'Accepted EAP types',
      required: true,
      description: 'EAP methods the device may use: 13 TLS, 17 LEAP, 18 EAP-SIM, 21 TTLS, 23 EAP-AKA, 25 PEAP, 43 EAP-FAST.',
    }),
    text('UserName', { title: 'User name', description: 'Account name; the user is asked when left out.' }),
    text('UserPassword', { title: 'Password', sensitive: true, description: 'Account password; the user is asked when left out.' }),
    array('PayloadCertificateAnchorUUID', text('CertificateAnchorUUID', { title: 'Certificate', format: UUID_FORMAT, referencesPayload: true }), {
      title: 'Trusted certificates',
      description: 'PayloadUUIDs of certificate payloads in this profile to trust for the authentication server.',
    }),
    array('TLSTrustedCertificates', text('TLSTrustedCertificatesItem', { title: 'Certificate', required: true }), { title: 'Trusted certificate identifiers' }),
    array('TLSTrustedServerNames', text('TLSTrustedServerName', { title: 'Server name' }), {
      title: 'Trusted server names',
      description: 'Names the server certificate\'s common name must match; wildcards such as *.example.com are allowed.',
    }),
    boolean('TLSAllowTrustExceptions', { title: 'Allow trust exceptions', default: true, description: 'Lets the user trust a server certificate the device cannot verify.', os: { iOS: { removed: '8.0' }, visionOS: NA } }),
    boolean('TLSCertificateIsRequired', { title: 'Require client certificate', default: false, description: 'Requires a certificate for EAP-TTLS, PEAP or EAP-FAST.', os: { iOS: { introduced: '7.0' } } }),
    text('TTLSInnerAuthentication', { title: 'TTLS inner authentication', default: 'MSCHAPv2', rangeList: ['PAP', 'EAP', 'CHAP', 'MSCHAP', 'MSCHAPv2'] }),
    text('TLSMinimumVersion', { title: 'Minimum TLS version', default: '1.0', rangeList: ['1.0', '1.1', '1.2', '1.3'], os: { iOS: { introduced: '11.0' }, macOS: { introduced: '10.13' }, tvOS: { introduced: '11.0' } } }),
    text('TLSMaximumVersion', { title: 'Maximum TLS version', default: '1.2', rangeList: ['1.0', '1.1', '1.2', '1.3'], os: { iOS: { introduced: '11.0' }, macOS: { introduced: '10.13' }, tvOS: { introduced: '11.0' } } }),
    text('OuterIdentity', { title: 'Outer identity', description: 'Identity sent unencrypted before the tunnel is set up, such as "anonymous", for TTLS, PEAP and EAP-FAST.' }),
    boolean('EAPFASTUsePAC', { title: 'EAP-FAST: use PAC', default: false }),
    boolean('EAPFASTProvisionPAC', { title: 'EAP-FAST: provision PAC', default: false }),
    boolean('EAPFASTProvisionPACAnonymously', { title: 'EAP-FAST: provision PAC anonymously', default: false }),
    integer('EAPSIMNumberOfRANDs', { title: 'EAP-SIM RANDs', default: 3, rangeList: [2, 3], description: 'Number of RAND values EAP-SIM expects.', os: { iOS: { introduced: '8.0' } } }),
    text('SystemModeCredentialsSource', { title: 'System mode credentials', description: 'macOS: "ActiveDirectory" to use the computer\'s directory credentials.' }),
    boolean('SystemModeUseOpenDirectoryCredentials', { title: 'Use directory credentials', default: false, description: 'macOS: authenticate with the Open Directory computer account.' }),
    boolean('OneTimeUserPassword', { title: 'One-time password', default: false, description: 'Asks for the password at every connection.', os: { iOS: { introduced: '8.0' }, macOS: { introduced: '10.8' }, tvOS: { introduced: '9.0' } } }),
  ],
  { title: 'Enterprise authentication (EAP)', description: 'Settings for WPA Enterprise networks.' },
);

const qosMarkingPolicy = dictionary(
  'QoSMarkingPolicy',
  [
    array('QoSMarkingAllowListAppIdentifiers', text('appBundleID', { title: 'Bundle ID' }), { title: 'Apps allowed to mark traffic', os: { iOS: { introduced: '14.5' }, macOS: { introduced: '14.0' } } }),
    array('QoSMarkingWhitelistedAppIdentifiers', text('appBundleID', { title: 'Bundle ID' }), { title: 'Apps allowed to mark traffic (old name)', os: { iOS: { deprecated: '14.5' }, macOS: { deprecated: '14.0' }, visionOS: NA } }),
    boolean('QoSMarkingAppleAudioVideoCalls', { title: 'Mark FaceTime and Wi-Fi calls', default: true }),
    boolean('QoSMarkingEnabled', { title: 'Enable QoS marking', default: true }),
  ],
  { title: 'QoS marking', description: 'Which apps may set quality-of-service marks on their traffic.', os: { iOS: { introduced: '10.0' }, macOS: { introduced: '10.13' } } },
);

export const wifiSchema = payload({
  payloadType: 'com.apple.wifi.managed',
  title: 'Wi-Fi',
  description: 'Joins a Wi-Fi network: name, security type, password or enterprise authentication, and proxy.',
  supportedOS: {
    iOS: { introduced: '4.0', multiple: true, allowManualInstall: true, sharedIpad: { mode: 'allowed', deviceChannel: true, userChannel: false }, userEnrollment: { mode: 'allowed' } },
    macOS: { introduced: '10.7', multiple: true, allowManualInstall: true, deviceChannel: true, userChannel: true, userEnrollment: { mode: 'allowed' } },
    tvOS: { introduced: '9.0', multiple: true, allowManualInstall: true },
    watchOS: { introduced: '3.2', multiple: true, allowManualInstall: true },
    visionOS: { introduced: '1.0', multiple: true, allowManualInstall: true, userEnrollment: { mode: 'allowed' } },
  },
  keys: [
    boolean('AutoJoin', { title: 'Join automatically', default: true, os: { iOS: { introduced: '5.0' } } }),
    text('SSID_STR', { title: 'Network name (SSID)', description: 'Name of the network; optional when DomainName identifies a Hotspot 2.0 network.', os: { iOS: { introduced: '7.0' } } }),
    boolean('HIDDEN_NETWORK', { title: 'Hidden network', default: false, description: 'The network does not broadcast its name.' }),
    text('EncryptionType', { title: 'Security type', default: 'Any', rangeList: ['WEP', 'WPA', 'WPA2', 'WPA3', 'Any', 'None'], description: 'WPA covers WPA and WPA2; Any tries every type.' }),
    text('Password', { title: 'Password', sensitive: true, description: 'Password of a personal (pre-shared key) network.' }),
    text('PayloadCertificateUUID', { title: 'Identity', format: UUID_FORMAT, referencesPayload: true, description: 'PayloadUUID of the identity payload (PKCS #12, SCEP or ACME) for EAP-TLS.' }),
    eapClientConfiguration,
    text('DisplayedOperatorName', { title: 'Operator name', description: 'Hotspot 2.0: name of the service provider shown to the user.', os: hotspotOS }),
    text('DomainName', { title: 'Domain name', description: 'Hotspot 2.0: domain of the service provider.', os: hotspotOS }),
    array('RoamingConsortiumOIs', text('RoamingConsortiumOI', { title: 'Consortium OI', format: '^([0-9A-Za-z]{6})|([0-9A-Za-z]{9})$' }), { title: 'Roaming consortium OIs', os: hotspotOS }),
    boolean('ServiceProviderRoamingEnabled', { title: 'Allow roaming partners', default: false, os: hotspotOS }),
    boolean('IsHotspot', { title: 'Hotspot 2.0 network', default: false, os: hotspotOS }),
    text('HESSID', { title: 'HESSID', description: 'Hotspot 2.0: identifier of the homogeneous network.', os: { iOS: { introduced: '7.0' } } }),
    array('NAIRealmNames', text('NAIRealmName', { title: 'Realm' }), { title: 'NAI realm names', os: hotspotOS }),
    array('MCCAndMNCs', text('MCCAndMNC', { title: 'MCC and MNC', format: '^[0-9]{6}$' }), { title: 'Mobile country and network codes', os: { iOS: { introduced: '7.0' }, macOS: NA } }),
    boolean('CaptiveBypass', { title: 'Skip captive portal check', default: false, os: { iOS: { introduced: '10.0' }, macOS: NA } }),
    qosMarkingPolicy,
    array('SetupModes', text('SetupModesItem', { title: 'Mode', required: true, rangeList: ['System', 'Loginwindow'] }), {
      title: 'Setup modes',
      description: 'macOS: also connect in system mode or at the login window.',
      os: { iOS: NA, macOS: { introduced: '10.7' }, tvOS: NA, watchOS: NA, visionOS: NA },
    }),
    boolean('EnableIPv6', { title: 'Enable IPv6', default: true }),
    boolean('TLSCertificateRequired', { title: 'Require TLS certificate', default: false }),
    ...proxyKeys,
    boolean('DisableAssociationMACRandomization', {
      title: 'Disable private Wi-Fi address',
      default: false,
      description: 'Uses the hardware MAC address on this network instead of a private one.',
      os: { iOS: { introduced: '14.0', userEnrollment: { mode: 'forbidden' } }, macOS: { introduced: '15.0', userEnrollment: { mode: 'forbidden' } }, tvOS: NA, watchOS: { introduced: '7.0' }, visionOS: { userEnrollment: { mode: 'forbidden' } } },
    }),
  ],
});
