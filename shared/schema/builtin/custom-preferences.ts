// Custom preferences: macOS app settings (ManagedClient preferences), forced or set once.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.ManagedClient.preferences; titles and descriptions are this project's own.

import { NA, anyValue, array, dictionary, map, payload } from './define.ts';

/** Forced and set-once lists hold dictionaries of settings under `mcx_preference_settings`. */
function settingsList(name: string, title: string, description: string) {
  const settings = map('mcx_preference_settings', anyValue('ANY', { title: 'Value' }), { title: 'Settings', required: true, description: 'Preference keys and their values.' });
  return array(name, dictionary('Settings', [settings], { title: 'Settings', required: true }), { title, description });
}

export const customPreferencesSchema = payload({
  payloadType: 'com.apple.ManagedClient.preferences',
  title: 'Managed Preferences',
  description: 'Sets macOS preferences of any app domain, either forced or applied once and then left to the user.',
  supportedOS: {
    iOS: NA,
    macOS: { introduced: '10.7', multiple: true, allowManualInstall: true, deviceChannel: true, userChannel: true, userEnrollment: { mode: 'forbidden' } },
    tvOS: NA,
    watchOS: NA,
    visionOS: NA,
  },
  keys: [
    map(
      'PayloadContent',
      dictionary('ANY', [settingsList('Forced', 'Forced', 'Settings enforced at every login.'), settingsList('Set-Once', 'Set once', 'Settings applied once; the user may change them later.')], {
        title: 'Preference domain',
        required: true,
      }),
      { title: 'Preference domains', required: true, description: 'Keyed by preference domain, such as com.microsoft.autoupdate2 or .GlobalPreferences.' },
    ),
  ],
});
