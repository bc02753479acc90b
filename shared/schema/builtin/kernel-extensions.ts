// Kernel extensions: which macOS kernel extensions load without the user's approval.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.syspolicy.kernel-extension-policy; titles and descriptions are this project's own.

import { NA, array, boolean, map, payload, text, textList } from './define.ts';

export const kernelExtensionsSchema = payload({
  payloadType: 'com.apple.syspolicy.kernel-extension-policy',
  title: 'System Policy - Kernel Extensions',
  description: 'Approves legacy macOS kernel extensions by team identifier or bundle identifier.',
  supportedOS: {
    iOS: NA,
    macOS: { introduced: '10.13.2', multiple: true, allowManualInstall: false, deviceChannel: true, userChannel: false, userApprovedMdm: true, userEnrollment: { mode: 'forbidden' } },
    tvOS: NA,
    watchOS: NA,
    visionOS: NA,
  },
  keys: [
    boolean('AllowNonAdminUserApprovals', { title: 'Let standard users approve', default: false, os: { macOS: { introduced: '11.0' } } }),
    boolean('AllowUserOverrides', { title: 'Allow user approval of others', default: false, description: 'Lets users approve kernel extensions this payload does not list.' }),
    textList('AllowedTeamIdentifiers', { title: 'Allowed teams', description: 'Team identifiers whose kernel extensions are all approved.' }, { title: 'Team ID' }),
    map('AllowedKernelExtensions', array('ANY', text('AllowedKernelExtensionsItems', { title: 'Bundle ID', required: true }), { title: 'Team ID' }), {
      title: 'Allowed kernel extensions',
      description: 'Per team identifier (an empty key for unsigned ones): bundle identifiers of approved kernel extensions.',
    }),
  ],
});
