// The root dictionary of a configuration profile.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for the profile's top level; titles and descriptions are this project's own.

import { NA, anyValue, array, boolean, data, date, integer, map, payload, real, text } from './define.ts';

export const topLevelSchema = payload({
  payloadType: 'TopLevel',
  title: 'Profile',
  description: 'The outer dictionary of a profile: its identity, its display texts, how it may be removed, and the payloads it installs.',
  role: 'profile',
  supportedOS: {
    iOS: { introduced: '4.0', allowManualInstall: true, sharedIpad: { mode: 'allowed', deviceChannel: true, userChannel: true }, userEnrollment: { mode: 'allowed' } },
    macOS: { introduced: '10.7', allowManualInstall: true, deviceChannel: true, userChannel: true, userEnrollment: { mode: 'allowed' } },
    tvOS: { introduced: '9.0', allowManualInstall: true },
    watchOS: { introduced: '1.0', allowManualInstall: true },
    visionOS: { introduced: '1.0', allowManualInstall: true, userEnrollment: { mode: 'allowed' } },
  },
  keys: [
    text('PayloadIdentifier', {
      title: 'Identifier',
      required: true,
      description: 'Reverse-DNS name of the profile, such as com.example.wifi. Installing a profile with the same identifier replaces the installed one.',
    }),
    text('PayloadUUID', { title: 'UUID', required: true, description: 'Unique identifier of this version of the profile.' }),
    text('PayloadType', { title: 'Type', required: true, rangeList: ['Configuration'], description: 'Always Configuration for a profile.' }),
    integer('PayloadVersion', { title: 'Format version', required: true, rangeList: [1], description: 'Version of the profile format; always 1.' }),
    boolean('IsEncrypted', { title: 'Encrypted', default: false, description: 'Marks a profile whose payloads are in EncryptedPayloadContent.' }),
    array('PayloadContent', map('Payload', anyValue('ANY', { required: true })), {
      title: 'Payloads',
      required: true,
      exclusiveWith: ['EncryptedPayloadContent'],
      description: 'The payload dictionaries the profile installs. Left out when the payloads are encrypted.',
    }),
    data('EncryptedPayloadContent', {
      title: 'Encrypted payloads',
      exclusiveWith: ['PayloadContent'],
      description: 'The PayloadContent array as a plist, encrypted as CMS EnvelopedData to the device certificate.',
    }),
    text('PayloadDescription', { title: 'Description', description: 'Shown on the profile detail screen; say what the profile changes.' }),
    text('PayloadDisplayName', { title: 'Name', description: 'Name shown to the user; need not be unique.' }),
    boolean('HasRemovalPasscode', { title: 'Has removal passcode', default: false, description: 'Set when a removal passcode payload protects the profile.' }),
    text('PayloadOrganization', { title: 'Organization', description: 'Organization shown as the source of the profile.' }),
    boolean('PayloadRemovalDisallowed', {
      title: 'Prevent removal',
      default: false,
      description: 'Stops the user from removing the profile unless a removal passcode is given.',
      os: { iOS: { supervised: true, userEnrollment: { mode: 'forbidden' } }, tvOS: { supervised: true }, watchOS: NA, visionOS: NA },
    }),
    text('PayloadScope', { title: 'Scope', rangeList: ['System', 'User'], description: 'macOS: install for the whole computer or for the current user.', os: { macOS: { introduced: '10.8' } } }),
    date('RemovalDate', { title: 'Removal date', description: 'Date on which the device removes the profile by itself.' }),
    real('DurationUntilRemoval', { title: 'Remove after (seconds)', description: 'Seconds after installation at which the device removes the profile; the earlier of this and RemovalDate applies.' }),
    date('PayloadExpirationDate', { title: 'Expiration date', description: 'Date after which the profile counts as expired and the user is offered an update.', os: { watchOS: NA } }),
    integer('TargetDeviceType', {
      title: 'Target device type',
      default: 0,
      rangeList: [0, 1, 2, 3, 4, 5, 6],
      description: 'Device kind the profile is meant for: 0 any, 1 iPhone or iPad, 2 Apple Watch, 3 HomePod, 4 Apple TV, 5 Mac, 6 Vision Pro.',
      os: { iOS: { introduced: '12.2' }, macOS: { introduced: '10.15' }, tvOS: { introduced: '12.2' }, watchOS: { introduced: '5.2' }, visionOS: { introduced: '1.1' } },
    }),
    map('ConsentText', text('ANY', { title: 'Agreement text' }), {
      title: 'Consent text',
      description: 'Agreement the user must accept before installing, keyed by language code (en, de, ...) with an optional "default" entry.',
    }),
  ],
});
