// Encrypted DNS: DNS over HTTPS or TLS for the whole device.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.dnsSettings.managed; titles and descriptions are this project's own.

import { NA, UUID_FORMAT, array, boolean, dictionary, payload, text } from './define.ts';
import { onDemandRules } from './on-demand-rules.ts';

export const dnsSettingsSchema = payload({
  payloadType: 'com.apple.dnsSettings.managed',
  title: 'DNS Settings',
  description: 'Sends DNS queries encrypted, over HTTPS or TLS, to the server given here.',
  supportedOS: {
    iOS: { introduced: '14.0', multiple: true, allowManualInstall: true, sharedIpad: { mode: 'allowed', deviceChannel: true, userChannel: false }, userEnrollment: { mode: 'forbidden' } },
    macOS: { introduced: '11.0', multiple: true, allowManualInstall: true, deviceChannel: true, userChannel: false, userEnrollment: { mode: 'forbidden' } },
    tvOS: NA,
    watchOS: NA,
    visionOS: { introduced: '1.0', multiple: true, allowManualInstall: true, userEnrollment: { mode: 'forbidden' } },
  },
  keys: [
    dictionary(
      'DNSSettings',
      [
        text('DNSProtocol', { title: 'Protocol', required: true, rangeList: ['HTTPS', 'TLS'], description: 'DNS over HTTPS or DNS over TLS.' }),
        text('ServerURL', { title: 'Server URL', hint: 'url', description: 'HTTPS URL of the DNS-over-HTTPS server.' }),
        text('ServerName', { title: 'Server name', description: 'Host name checked against the DNS-over-TLS server\'s certificate.' }),
        array('ServerAddresses', text('ServerAddressesElement', { title: 'Address' }), { title: 'Server addresses', description: 'IP addresses of the server; looked up from the URL or name when left out.' }),
        array('SupplementalMatchDomains', text('SupplementalMatchDomainsElement', { title: 'Domain' }), { title: 'Only for domains', description: 'Domains resolved by this server; every domain when left out.' }),
      ],
      { title: 'DNS server', required: true },
    ),
    onDemandRules({ actions: ['Connect', 'Disconnect', 'EvaluateConnection'], domainActions: ['NeverConnect', 'ConnectIfNeeded'], evaluationProbes: false }),
    boolean('ProhibitDisablement', { title: 'Prevent turning off', default: false, description: 'Supervised devices: the user cannot turn these DNS settings off.' }),
    text('PayloadCertificateUUID', { title: 'Client identity', format: UUID_FORMAT, referencesPayload: true, description: 'PayloadUUID of an identity payload for client authentication.', os: { iOS: { introduced: '16.0' }, macOS: { introduced: '13.0' } } }),
  ],
});
