// VPN: IKEv2, IPSec, L2TP, always-on and app-based (Network Extension) VPNs, with DNS and
// proxy settings for the tunnel.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.vpn.managed; titles and descriptions are this project's own.

import type { KeySchema } from '../model.ts';
import { NA, UUID_FORMAT, array, boolean, data, dictionary, integer, payload, text } from './define.ts';
import { onDemandRules } from './on-demand-rules.ts';

/** VPN flags are integers 0 or 1, not booleans. */
const flag = (name: string, title: string, options: Parameters<typeof integer>[1] = {}) => integer(name, { title, rangeList: [0, 1], ...options });

const vpnOnDemandRules = onDemandRules({ actions: ['Allow', 'Connect', 'Disconnect', 'EvaluateConnection', 'Ignore'], domainActions: ['ConnectIfNeeded', 'NeverConnect'], evaluationProbes: true });

const idleKeys = [
  flag('DisconnectOnIdle', 'Disconnect when idle', { default: 0 }),
  integer('DisconnectOnIdleTimer', { title: 'Idle time (seconds)', description: 'Seconds without traffic before the tunnel disconnects.' }),
];

/** Old domain lists, replaced by OnDemandRules in iOS 7. */
const legacyOnDemandDomains = [
  array('OnDemandMatchDomainsAlways', text('MatchDomainAlwaysElement', { title: 'Domain' }), { title: 'Always connect for domains', os: { iOS: { deprecated: '7.0' } } }),
  array('OnDemandMatchDomainsNever', text('MatchDomainNeverElement', { title: 'Domain' }), { title: 'Never connect for domains', os: { iOS: { deprecated: '7.0' } } }),
  array('OnDemandMatchDomainsOnRetry', text('MatchDomainOnRetryElement', { title: 'Domain' }), { title: 'Connect on retry for domains', os: { iOS: { deprecated: '7.0' } } }),
];

const providerKeys = [
  text('ProviderBundleIdentifier', { title: 'Provider bundle ID', description: 'Bundle identifier of the VPN app\'s network extension.' }),
  text('ProviderDesignatedRequirement', { title: 'Provider code requirement', description: 'macOS: code requirement the network extension must satisfy.', os: { iOS: NA, macOS: { introduced: '10.15' }, visionOS: NA } }),
];

const providerType = text('ProviderType', { title: 'Provider type', default: 'packet-tunnel', rangeList: ['packet-tunnel', 'app-proxy'], description: 'packet-tunnel routes IP packets; app-proxy handles app flows.' });

/** Builds the keys for traffic the tunnel may leave out; `watch` marks them unavailable on watchOS. */
function routingKeys(watch: boolean): KeySchema[] {
  const watchOS = watch ? { watchOS: NA } : {};
  return [
    flag('IncludeAllNetworks', 'Route all traffic through the tunnel', { default: 0, os: { iOS: { introduced: '14.0' }, macOS: { introduced: '10.15' }, tvOS: NA, ...watchOS } }),
    flag('EnforceRoutes', 'Enforce routes', { default: 0, description: 'Sends traffic for the tunnel\'s routes through it even when a local network claims them.', os: { iOS: { introduced: '14.2' }, macOS: { introduced: '11.0' }, ...watchOS } }),
    flag('ExcludeLocalNetworks', 'Exclude local networks', { os: { iOS: { introduced: '14.2' }, macOS: { introduced: '10.15' }, tvOS: NA, ...watchOS } }),
    flag('ExcludeCellularServices', 'Exclude cellular services', { default: 1, os: { iOS: { introduced: '16.4' }, macOS: { introduced: '13.3' }, tvOS: NA, ...watchOS } }),
    flag('ExcludeAPNs', 'Exclude push notifications', { default: 1, os: { iOS: { introduced: '16.4' }, macOS: { introduced: '13.3' }, tvOS: NA, ...watchOS } }),
    flag('ExcludeDeviceCommunication', 'Exclude device communication', { default: 1, os: { iOS: { introduced: '17.4' }, macOS: { introduced: '14.4' }, tvOS: NA, ...watchOS, visionOS: { introduced: '1.1' } } }),
  ];
}

function securityAssociation(name: string, title: string) {
  return dictionary(
    name,
    [
      text('EncryptionAlgorithm', { title: 'Encryption', default: 'AES-256', rangeList: ['DES', '3DES', 'AES-128', 'AES-256', 'AES-128-GCM', 'AES-256-GCM', 'ChaCha20Poly1305'] }),
      text('IntegrityAlgorithm', { title: 'Integrity', default: 'SHA2-256', rangeList: ['SHA1-96', 'SHA1-160', 'SHA2-256', 'SHA2-384', 'SHA2-512'] }),
      integer('DiffieHellmanGroup', { title: 'Diffie-Hellman group', default: 14, rangeList: [1, 2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 31, 32] }),
      integer('LifeTimeInMinutes', { title: 'Lifetime (minutes)', default: 1440, range: { min: 10, max: 1440 } }),
    ],
    { title },
  );
}

const postQuantumOS = { iOS: { introduced: '18.0' }, macOS: { introduced: '15.0' }, tvOS: { introduced: '18.0' }, watchOS: { introduced: '11.0' }, visionOS: { introduced: '2.0' } };
const iOS9 = { iOS: { introduced: '9.0' } };

const ikev2 = dictionary(
  'IKEv2',
  [
    text('RemoteAddress', { title: 'Server', required: true, description: 'Host name or IP address of the VPN server.' }),
    text('LocalIdentifier', { title: 'Local identifier', required: true, description: 'Identity of this client, as a name, address or email.' }),
    text('RemoteIdentifier', { title: 'Remote identifier', required: true, description: 'Identity the server presents, usually its host name.' }),
    text('AuthenticationMethod', { title: 'Machine authentication', required: true, rangeList: ['None', 'SharedSecret', 'Certificate'] }),
    text('CertificateType', { title: 'Certificate type', default: 'RSA', rangeList: ['RSA', 'ECDSA256', 'ECDSA384', 'ECDSA521', 'RSA-PSS'] }),
    text('PayloadCertificateUUID', { title: 'Identity', referencesPayload: true, description: 'PayloadUUID of the identity payload for certificate authentication.' }),
    text('Password', { title: 'Password', sensitive: true }),
    ...providerKeys,
    text('SharedSecret', { title: 'Shared secret', sensitive: true }),
    flag('ExtendedAuthEnabled', 'Extended authentication (EAP)', { default: 0 }),
    text('AuthName', { title: 'User name' }),
    text('AuthPassword', { title: 'User password', sensitive: true }),
    flag('OnDemandEnabled', 'Connect on demand', { default: 0 }),
    flag('OnDemandUserOverrideDisabled', 'Prevent turning on-demand off', { default: 0, os: { iOS: { introduced: '14.0' }, macOS: NA } }),
    vpnOnDemandRules,
    text('DeadPeerDetectionRate', { title: 'Dead peer detection', default: 'Medium', rangeList: ['None', 'Low', 'Medium', 'High'], os: { watchOS: NA } }),
    text('ServerCertificateIssuerCommonName', { title: 'Server certificate issuer name', description: 'Common name of the CA that issued the server certificate.' }),
    text('ServerCertificateCommonName', { title: 'Server certificate name', description: 'Common name the server certificate must have.' }),
    text('TLSMinimumVersion', { title: 'Minimum TLS version', default: '1.0', rangeList: ['1.0', '1.1', '1.2'], os: { iOS: { introduced: '11.0' }, macOS: { introduced: '10.13' } } }),
    text('TLSMaximumVersion', { title: 'Maximum TLS version', default: '1.2', rangeList: ['1.0', '1.1', '1.2'], os: { iOS: { introduced: '11.0' }, macOS: { introduced: '10.13' } } }),
    flag('UseConfigurationAttributeInternalIPSubnet', 'Use internal IP subnet attributes', { default: 0, os: iOS9 }),
    flag('DisableMOBIKE', 'Disable MOBIKE', { default: 0, os: iOS9 }),
    flag('DisableRedirect', 'Disable redirect', { default: 0, os: iOS9 }),
    ...idleKeys,
    flag('NATKeepAliveOffloadEnable', 'NAT keepalive offload', { default: 1, os: iOS9 }),
    integer('NATKeepAliveInterval', { title: 'NAT keepalive interval (seconds)', default: 20, os: iOS9 }),
    flag('EnablePFS', 'Perfect forward secrecy', { default: 0, os: iOS9 }),
    flag('EnableCertificateRevocationCheck', 'Check certificate revocation', { default: 0, os: iOS9 }),
    flag('EnableFallback', 'Fall back to cellular', { default: 0, os: { iOS: { introduced: '13.0' }, macOS: NA, watchOS: NA } }),
    integer('MTU', { title: 'MTU (bytes)', default: 1280, range: { min: 1280, max: 1400 }, os: { iOS: { introduced: '14.0' }, macOS: { introduced: '11.0' } } }),
    providerType,
    ...routingKeys(true),
    data('PPK', { title: 'Post-quantum pre-shared key', sensitive: true, os: postQuantumOS }),
    text('PPKIdentifier', { title: 'Post-quantum key identifier', os: postQuantumOS }),
    flag('PPKMandatory', 'Require post-quantum key', { default: 1, os: postQuantumOS }),
    securityAssociation('IKESecurityAssociationParameters', 'IKE security association'),
    securityAssociation('ChildSecurityAssociationParameters', 'Child security association'),
  ],
  { title: 'IKEv2', description: 'Settings of an IKEv2 VPN, and of always-on tunnels.', os: { watchOS: { introduced: '10.0' } } },
);

export const vpnSchema = payload({
  payloadType: 'com.apple.vpn.managed',
  title: 'VPN',
  description: 'Adds a VPN configuration: IKEv2, IPSec, L2TP, always-on, a VPN app, or a transparent proxy.',
  supportedOS: {
    iOS: { introduced: '4.0', multiple: true, allowManualInstall: true, sharedIpad: { mode: 'allowed', deviceChannel: true, userChannel: false }, userEnrollment: { mode: 'forbidden' } },
    macOS: { introduced: '10.7', multiple: true, allowManualInstall: true, deviceChannel: true, userChannel: true, userEnrollment: { mode: 'forbidden' } },
    tvOS: { introduced: '17.0', multiple: true, allowManualInstall: true },
    watchOS: NA,
    visionOS: { introduced: '1.0', multiple: true, allowManualInstall: true, userEnrollment: { mode: 'forbidden' } },
  },
  keys: [
    text('VPNType', { title: 'VPN type', required: true, rangeList: ['VPN', 'L2TP', 'IPSec', 'IKEv2', 'AlwaysOn', 'TransparentProxy'], description: 'Kind of VPN; VPN means one provided by an app.' }),
    text('VPNSubType', { title: 'VPN app', description: 'For VPNType VPN: the bundle identifier of the VPN app.' }),
    text('UserDefinedName', { title: 'Name', required: true, description: 'Name of the VPN shown in Settings.' }),
    dictionary(
      'VendorConfig',
      [text('Realm', { title: 'Realm' }), text('Role', { title: 'Role' }), text('Group', { title: 'Group' }), text('LoginGroupOrDomain', { title: 'Login group or domain' })],
      { title: 'Vendor settings', description: 'Settings passed to the VPN app.' },
    ),
    dictionary(
      'VPN',
      [
        text('AuthenticationMethod', { title: 'Authentication', default: 'Password', rangeList: ['Password', 'Certificate', 'Password+Certificate'] }),
        text('PayloadCertificateUUID', { title: 'Identity', referencesPayload: true, description: 'PayloadUUID of the identity payload for certificate authentication.' }),
        text('Password', { title: 'Password', sensitive: true }),
        ...providerKeys,
        ...idleKeys,
        providerType,
        ...routingKeys(false),
        flag('OnDemandEnabled', 'Connect on demand', { default: 0 }),
        flag('OnDemandUserOverrideDisabled', 'Prevent turning on-demand off', { default: 0, os: { iOS: { introduced: '14.0' }, macOS: NA } }),
        ...legacyOnDemandDomains,
        vpnOnDemandRules,
      ],
      { title: 'App VPN', description: 'Settings of a VPN provided by an app (VPNType VPN).' },
    ),
    dictionary('IPv4', [flag('OverridePrimary', 'Send all traffic', { default: 0 })], { title: 'IPv4', os: { tvOS: NA } }),
    dictionary(
      'PPP',
      [
        text('AuthName', { title: 'Account' }),
        text('AuthPassword', { title: 'Password', sensitive: true }),
        flag('TokenCard', 'Use token card (RSA SecurID)', { default: 0 }),
        text('CommRemoteAddress', { title: 'Server', description: 'Host name or address of the L2TP server.' }),
        array('AuthEAPPlugins', text('EAPPluginElement', { title: 'Plug-in', rangeList: ['EAP-RSA', 'EAP-TLS', 'EAP-KRB'] }), { title: 'EAP plug-ins', repetition: { min: 1, max: 1 } }),
        array('AuthProtocol', text('AuthProtocolElement', { title: 'Protocol', rangeList: ['EAP'] }), { title: 'Authentication protocol', repetition: { min: 1, max: 1 } }),
        flag('CCPMPPE40Enabled', '40-bit MPPE encryption'),
        flag('CCPMPPE128Enabled', '128-bit MPPE encryption'),
        flag('CCPEnabled', 'Compression control protocol'),
        ...idleKeys,
      ],
      { title: 'L2TP (PPP)', os: { tvOS: NA } },
    ),
    dictionary(
      'IPSec',
      [
        text('RemoteAddress', { title: 'Server', description: 'Host name or address of the IPSec server.' }),
        text('AuthenticationMethod', { title: 'Machine authentication', default: 'SharedSecret', rangeList: ['SharedSecret', 'Certificate'] }),
        text('XAuthName', { title: 'User name (XAuth)' }),
        text('XAuthPassword', { title: 'Password (XAuth)', sensitive: true }),
        flag('XAuthEnabled', 'Extended authentication (XAuth)'),
        text('XAuthPasswordEncryption', { title: 'Ask for XAuth password', rangeList: ['Prompt'] }),
        text('LocalIdentifier', { title: 'Group name' }),
        text('LocalIdentifierType', { title: 'Group name type', default: 'KeyID', rangeList: ['KeyID'] }),
        data('SharedSecret', { title: 'Shared secret', sensitive: true }),
        text('PayloadCertificateUUID', { title: 'Identity', referencesPayload: true, description: 'PayloadUUID of the identity payload for certificate authentication.' }),
        boolean('PromptForVPNPIN', { title: 'Ask for PIN', default: false }),
        ...idleKeys,
        flag('OnDemandEnabled', 'Connect on demand', { default: 0 }),
        ...legacyOnDemandDomains,
        vpnOnDemandRules,
      ],
      { title: 'IPSec', os: { tvOS: NA } },
    ),
    ikev2,
    dictionary(
      'DNS',
      [
        text('DNSProtocol', { title: 'DNS protocol', required: true, rangeList: ['Cleartext', 'HTTPS', 'TLS'], os: { iOS: { introduced: '14.0' }, macOS: { introduced: '11.0' } } }),
        text('ServerURL', { title: 'DNS-over-HTTPS URL', os: { iOS: { introduced: '14.0' }, macOS: { introduced: '11.0' } } }),
        text('ServerName', { title: 'DNS-over-TLS server name', os: { iOS: { introduced: '14.0' }, macOS: { introduced: '11.0' } } }),
        array('ServerAddresses', text('ServerAddressesElement', { title: 'Address' }), { title: 'DNS servers', required: true, os: { iOS: { introduced: '10.0' }, macOS: { introduced: '10.12' } } }),
        array('SearchDomains', text('SearchDomainsElement', { title: 'Domain' }), { title: 'Search domains', os: { iOS: { introduced: '10.0' }, macOS: { introduced: '10.12' } } }),
        text('DomainName', { title: 'Domain name', os: { iOS: { introduced: '10.0' }, macOS: { introduced: '10.12' } } }),
        array('SupplementalMatchDomains', text('SupplementalMatchDomainsElement', { title: 'Domain' }), { title: 'Domains resolved through the tunnel', os: { iOS: { introduced: '10.0' }, macOS: { introduced: '10.12' } } }),
        flag('SupplementalMatchDomainsNoSearch', 'Do not search the match domains', { default: 0, os: { iOS: { introduced: '10.0' }, macOS: { introduced: '10.12' } } }),
        text('PayloadCertificateUUID', { title: 'Client identity', format: UUID_FORMAT, referencesPayload: true, os: { iOS: { introduced: '16.0' }, macOS: { introduced: '13.0' } } }),
      ],
      { title: 'DNS', description: 'DNS settings used while the tunnel is up.', os: { watchOS: { introduced: '10.0' } } },
    ),
    dictionary(
      'Proxies',
      [
        flag('ProxyAutoConfigEnable', 'Use a PAC file'),
        flag('ProxyAutoDiscoveryEnable', 'Discover proxy (WPAD)', { default: 1 }),
        text('ProxyAutoConfigURLString', { title: 'PAC file URL' }),
        array('SupplementalMatchDomains', text('SupplementalMatchDomainsElement', { title: 'Domain' }), { title: 'Domains that use the proxy' }),
        flag('HTTPEnable', 'HTTP proxy', { default: 0 }),
        text('HTTPProxy', { title: 'HTTP proxy server' }),
        integer('HTTPPort', { title: 'HTTP proxy port', range: { min: 0, max: 65535 } }),
        text('HTTPProxyUsername', { title: 'HTTP proxy user name' }),
        text('HTTPProxyPassword', { title: 'HTTP proxy password', sensitive: true }),
        flag('HTTPSEnable', 'HTTPS proxy', { default: 0 }),
        text('HTTPSProxy', { title: 'HTTPS proxy server' }),
        integer('HTTPSPort', { title: 'HTTPS proxy port', range: { min: 0, max: 65535 } }),
      ],
      { title: 'Proxies', description: 'Proxy settings used while the tunnel is up.', os: { watchOS: { introduced: '10.0' } } },
    ),
    dictionary(
      'AlwaysOn',
      [
        flag('UIToggleEnabled', 'Let the user turn the VPN off', { default: 0 }),
        array(
          'TunnelConfigurations',
          dictionary(
            'TunnelConfigurationElement',
            [
              text('ProtocolType', { title: 'Protocol', required: true, rangeList: ['IKEv2'] }),
              array('Interfaces', text('InterfacesElement', { title: 'Interface', rangeList: ['Cellular', 'WiFi'] }), { title: 'Interfaces', description: 'Interfaces this tunnel serves; both when left out.' }),
              // NOTE: Apple's YAML schema lists only the two keys above under a tunnel, but
              // published always-on profiles put the IKEv2 settings there too, so they are accepted.
              ...(ikev2.subkeys ?? []),
            ],
            { title: 'Tunnel', description: 'An always-on tunnel; its IKEv2 settings sit in this dictionary too.' },
          ),
          { title: 'Tunnels', required: true },
        ),
        array(
          'ServiceExceptions',
          dictionary('ServiceExceptionElement', [
            text('ServiceName', { title: 'Service', required: true, rangeList: ['VoiceMail', 'AirPrint', 'CellularServices', 'DeviceCommunication'] }),
            text('Action', { title: 'Action', required: true, rangeList: ['Allow', 'Drop'] }),
          ], { title: 'Service exception' }),
          { title: 'Service exceptions', description: 'System services allowed or blocked outside the tunnel.' },
        ),
        array(
          'ApplicationExceptions',
          dictionary('ApplicationExceptionElement', [
            text('BundleIdentifier', { title: 'Bundle ID', required: true }),
            array('LimitToProtocols', text('LimitToProtocolElement', { title: 'Protocol', rangeList: ['UDP'] }), { title: 'Only for protocols' }),
          ], { title: 'App exception' }),
          { title: 'App exceptions', os: { iOS: { introduced: '13.6' } } },
        ),
        flag('AllowCaptiveWebSheet', 'Allow captive portal sheet', { default: 0 }),
        flag('AllowAllCaptiveNetworkPlugins', 'Allow all captive network apps', { default: 0 }),
        array('AllowedCaptiveNetworkPlugins', dictionary('AllowedCaptiveNetworkPluginElement', [text('BundleIdentifier', { title: 'Bundle ID', required: true })], { title: 'Captive network app' }), { title: 'Allowed captive network apps' }),
      ],
      { title: 'Always-on VPN', description: 'Supervised iOS devices: keeps every connection inside IKEv2 tunnels.', os: { iOS: { introduced: '8.0' }, macOS: NA, tvOS: NA } },
    ),
    dictionary(
      'TransparentProxy',
      [
        text('AuthenticationMethod', { title: 'Authentication', default: 'Password', rangeList: ['Password', 'Certificate', 'Password+Certificate'] }),
        ...idleKeys,
        flag('EnforceRoutes', 'Enforce routes', { default: 0 }),
        flag('OnDemandEnabled', 'Connect on demand', { default: 0 }),
        vpnOnDemandRules,
        text('PayloadCertificateUUID', { title: 'Identity', referencesPayload: true }),
        text('Password', { title: 'Password', sensitive: true }),
        text('ProviderBundleIdentifier', { title: 'Provider bundle ID' }),
        text('ProviderDesignatedRequirement', { title: 'Provider code requirement' }),
        providerType,
        integer('Order', { title: 'Order', description: 'Position among several transparent proxies.' }),
      ],
      { title: 'Transparent proxy', description: 'macOS: a proxy provided by a network extension.', os: { iOS: NA, macOS: { introduced: '14.0' }, tvOS: NA, visionOS: NA } },
    ),
  ],
});
