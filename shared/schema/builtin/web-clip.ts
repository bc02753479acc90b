// Web clip: a Home Screen or Dock icon that opens a web page.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.webClip.managed; titles and descriptions are this project's own.

import { NA, boolean, data, payload, text } from './define.ts';

export const webClipSchema = payload({
  payloadType: 'com.apple.webClip.managed',
  title: 'Web Clip',
  description: 'Adds an icon that opens a web page, like a bookmark on the Home Screen.',
  supportedOS: {
    iOS: { introduced: '4.0', multiple: true, allowManualInstall: true, sharedIpad: { mode: 'allowed', deviceChannel: false, userChannel: true }, userEnrollment: { mode: 'allowed' } },
    macOS: { introduced: '10.7', multiple: true, allowManualInstall: true, deviceChannel: false, userChannel: true, userEnrollment: { mode: 'allowed' } },
    tvOS: NA,
    watchOS: NA,
    visionOS: NA,
  },
  keys: [
    boolean('Precomposed', { title: 'Precomposed icon', default: false, description: 'Shows the icon as it is, without added effects.', os: { macOS: NA } }),
    boolean('FullScreen', { title: 'Full screen', default: false, description: 'Opens the page as a full-screen web app.', os: { macOS: NA } }),
    text('URL', { title: 'URL', required: true, hint: 'url', description: 'Page the icon opens.' }),
    data('Icon', { title: 'Icon', description: 'PNG, JPEG or GIF image, 400 by 400 pixels at most.' }),
    boolean('IsRemovable', { title: 'Removable', default: true, os: { macOS: NA } }),
    text('Label', { title: 'Label', required: true, description: 'Name shown under the icon.' }),
    boolean('IgnoreManifestScope', { title: 'Ignore manifest scope', default: false, description: 'Keeps navigation inside the web app even outside its manifest scope.', os: { iOS: { introduced: '14.0' }, macOS: NA } }),
    text('TargetApplicationBundleIdentifier', { title: 'Open in app', description: 'Bundle identifier of the browser that opens the URL.', os: { iOS: { introduced: '14.0' }, macOS: NA } }),
  ],
});
