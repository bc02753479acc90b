// DNS proxy: hands the device's DNS queries to an app's network extension.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.dnsProxy.managed; titles and descriptions are this project's own.

import { NA, anyValue, map, payload, text } from './define.ts';

export const dnsProxySchema = payload({
  payloadType: 'com.apple.dnsProxy.managed',
  title: 'DNS Proxy',
  description: 'Sends DNS queries through the DNS proxy extension of an installed app.',
  supportedOS: {
    iOS: { introduced: '11.0', allowManualInstall: false, sharedIpad: { mode: 'allowed', deviceChannel: true, userChannel: false }, userEnrollment: { mode: 'allowed' } },
    macOS: { introduced: '10.15', allowManualInstall: true, deviceChannel: true, userChannel: false, userEnrollment: { mode: 'forbidden' } },
    tvOS: NA,
    watchOS: NA,
    visionOS: { introduced: '1.1', allowManualInstall: false, userEnrollment: { mode: 'allowed' } },
  },
  keys: [
    text('AppBundleIdentifier', { title: 'App bundle ID', required: true, description: 'Bundle identifier of the app that contains the DNS proxy.' }),
    text('ProviderBundleIdentifier', { title: 'Provider bundle ID', description: 'Bundle identifier of the DNS proxy extension inside the app.' }),
    map('ProviderConfiguration', anyValue('ANY', { title: 'Setting' }), { title: 'Provider settings', description: 'Settings passed to the extension; their keys are the vendor\'s.' }),
    text('DNSProxyUUID', { title: 'DNS proxy tag', description: 'Tag that ties managed apps to this DNS proxy.', os: { iOS: { introduced: '16.0' }, macOS: NA } }),
  ],
});
