// Font: installs one TrueType or OpenType font.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.font; titles and descriptions are this project's own.

import { NA, data, payload, text } from './define.ts';

export const fontSchema = payload({
  payloadType: 'com.apple.font',
  title: 'Font',
  description: 'Installs a TrueType (.ttf) or OpenType (.otf) font; collections are not supported.',
  supportedOS: {
    iOS: { introduced: '7.0', multiple: true, allowManualInstall: true, sharedIpad: { mode: 'allowed', deviceChannel: false, userChannel: true }, userEnrollment: { mode: 'allowed' } },
    macOS: { introduced: '10.9', multiple: true, allowManualInstall: true, deviceChannel: true, userChannel: true, userEnrollment: { mode: 'allowed' } },
    tvOS: NA,
    watchOS: NA,
    visionOS: { introduced: '2.0', multiple: true, allowManualInstall: true, userEnrollment: { mode: 'allowed' } },
  },
  keys: [
    text('Name', { title: 'Name', default: '', description: 'Name shown to the user; replaced by the font\'s own name once installed.' }),
    data('Font', { title: 'Font file', required: true, description: 'Contents of one .ttf or .otf file.' }),
  ],
});
