// System extensions: which macOS system extensions load without the user's approval.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.system-extension-policy; titles and descriptions are this project's own.

import { NA, array, boolean, map, payload, text, textList } from './define.ts';

/** Builds the schema of one team identifier's list of bundle identifiers (or extension types). */
function bundleIdList(itemName: string, title = 'Bundle ID') {
  return array('ANY', text(itemName, { title, required: true }), { title: 'Team ID' });
}

export const systemExtensionsSchema = payload({
  payloadType: 'com.apple.system-extension-policy',
  title: 'System Extensions',
  description: 'Approves macOS system extensions by team or bundle identifier, so they load without user approval, and controls which may be removed.',
  supportedOS: {
    iOS: NA,
    macOS: { introduced: '10.15', multiple: true, allowManualInstall: false, deviceChannel: true, userChannel: false, userApprovedMdm: true, userEnrollment: { mode: 'forbidden' } },
    tvOS: NA,
    watchOS: NA,
    visionOS: NA,
  },
  keys: [
    boolean('AllowUserOverrides', { title: 'Allow user approval of others', default: true, description: 'Lets users approve extensions this payload does not list.' }),
    textList('AllowedTeamIdentifiers', { title: 'Allowed teams', description: 'Team identifiers whose extensions are all approved.' }, { title: 'Team ID' }),
    map('AllowedSystemExtensionTypes', bundleIdList('AllowedSystemExtensionTypesItems', 'Extension type'), { title: 'Allowed extension types', description: 'Per team identifier: the types allowed (DriverExtension, NetworkExtension, EndpointSecurityExtension).' }),
    map('AllowedSystemExtensions', bundleIdList('AllowedSystemExtensionsItems'), { title: 'Allowed extensions', description: 'Per team identifier: bundle identifiers of approved extensions.' }),
    map('RemovableSystemExtensions', bundleIdList('RemovableSystemExtensionsItems'), { title: 'Removable extensions', description: 'Per team identifier: extensions that may remove themselves without admin approval.', os: { macOS: { introduced: '12.0' } } }),
    map('NonRemovableSystemExtensions', bundleIdList('NonRemovableSystemExtensionsItems'), { title: 'Non-removable extensions', description: 'Per team identifier: extensions that cannot be removed while SIP is on.', os: { macOS: { introduced: '15.0' } } }),
    map('NonRemovableFromUISystemExtensions', bundleIdList('NonRemovableFromUISystemExtensionsItems'), { title: 'Not removable in the UI', description: 'Per team identifier: extensions the user cannot remove in System Settings.', os: { macOS: { introduced: '15.0' } } }),
  ],
});
