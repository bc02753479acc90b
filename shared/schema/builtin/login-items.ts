// Login items: apps and files macOS opens when the user logs in.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.loginitems.managed; titles and descriptions are this project's own.

import { NA, array, boolean, dictionary, payload, text } from './define.ts';

export const loginItemsSchema = payload({
  payloadType: 'com.apple.loginitems.managed',
  title: 'Login Items: Managed Items',
  description: 'Opens apps, files or folders when the user logs in.',
  supportedOS: {
    iOS: NA,
    macOS: { introduced: '10.13', multiple: true, allowManualInstall: true, deviceChannel: true, userChannel: true, userEnrollment: { mode: 'allowed' } },
    tvOS: NA,
    watchOS: NA,
    visionOS: NA,
  },
  keys: [
    array(
      'AutoLaunchedApplicationDictionary-managed',
      dictionary(
        'LoginItem',
        [
          text('Path', { title: 'Path', required: true, description: 'Full path of the app, file or folder.' }),
          boolean('Hide', { title: 'Hide', default: false, description: 'Opens the item hidden.' }),
        ],
        { title: 'Login item', required: true },
      ),
      { title: 'Login items', required: true },
    ),
  ],
});
