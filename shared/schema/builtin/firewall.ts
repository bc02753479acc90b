// Firewall: the macOS application firewall.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.security.firewall; titles and descriptions are this project's own.

import { NA, array, boolean, dictionary, payload, text } from './define.ts';

const loggingOS = { macOS: { introduced: '12.0', deprecated: '15.0', removed: '15.0' } };

export const firewallSchema = payload({
  payloadType: 'com.apple.security.firewall',
  title: 'Firewall',
  description: 'Turns on the macOS application firewall and decides which apps may accept incoming connections.',
  supportedOS: {
    iOS: NA,
    macOS: { introduced: '10.12', multiple: true, allowManualInstall: true, deviceChannel: true, userChannel: false, userEnrollment: { mode: 'forbidden' } },
    tvOS: NA,
    watchOS: NA,
    visionOS: NA,
  },
  keys: [
    boolean('EnableFirewall', { title: 'Enable firewall', required: true }),
    boolean('BlockAllIncoming', { title: 'Block all incoming connections', description: 'Blocks incoming connections except those basic services need.' }),
    boolean('EnableStealthMode', { title: 'Stealth mode', description: 'Ignores ping and probes of closed ports.' }),
    array(
      'Applications',
      dictionary('ApplicationsItem', [text('BundleID', { title: 'Bundle ID', required: true }), boolean('Allowed', { title: 'Allow incoming', required: true })], { title: 'App' }),
      { title: 'Apps', description: 'Apps allowed or blocked from accepting incoming connections.' },
    ),
    boolean('EnableLogging', { title: 'Logging', os: loggingOS }),
    text('LoggingOption', { title: 'Log detail', rangeList: ['throttled', 'brief', 'detail'], os: loggingOS }),
    boolean('AllowSigned', { title: 'Allow signed built-in software', default: true, description: 'Lets built-in software accept incoming connections.', os: { macOS: { introduced: '12.3' } } }),
    boolean('AllowSignedApp', { title: 'Allow signed downloaded software', default: true, description: 'Lets software with a valid signature accept incoming connections.', os: { macOS: { introduced: '12.3' } } }),
  ],
});
